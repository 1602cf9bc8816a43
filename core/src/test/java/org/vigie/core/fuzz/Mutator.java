package org.vigie.core.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small deterministic byte mutator for the short fuzz runs CI makes on every build (Jazzer does the long runs):
 * bit flips, interesting bytes, insertions, deletions, duplicated and spliced chunks, and XML/CSV/JSON tokens
 * dropped in at random places. Same seed, same mutants.
 */
public final class Mutator {

    private static final byte[][] TOKENS = {
        "<".getBytes(StandardCharsets.UTF_8), ">".getBytes(StandardCharsets.UTF_8), "\"".getBytes(StandardCharsets.UTF_8),
        "&".getBytes(StandardCharsets.UTF_8), ";".getBytes(StandardCharsets.UTF_8), ",".getBytes(StandardCharsets.UTF_8),
        "{".getBytes(StandardCharsets.UTF_8), "}".getBytes(StandardCharsets.UTF_8), "[".getBytes(StandardCharsets.UTF_8),
        "\\u0000".getBytes(StandardCharsets.UTF_8), "\r\n".getBytes(StandardCharsets.UTF_8),
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>".getBytes(StandardCharsets.UTF_8),
        "&e;".getBytes(StandardCharsets.UTF_8), "<![CDATA[".getBytes(StandardCharsets.UTF_8),
        "<!--".getBytes(StandardCharsets.UTF_8), "é".getBytes(StandardCharsets.UTF_8),
        {(byte) 0xC3}, {(byte) 0xFF, (byte) 0xFE}, {0}, {(byte) 0x80},
        "99999999999999999999".getBytes(StandardCharsets.UTF_8), "-1".getBytes(StandardCharsets.UTF_8),
    };

    private final SplittableRandom random;

    public Mutator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code count} mutants of the seeds, round robin, each with one to four stacked mutations. */
    public List<byte[]> mutants(List<byte[]> seeds, int count) {
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] m = seeds.get(i % seeds.size());
            int stack = 1 + random.nextInt(4);
            for (int k = 0; k < stack; k++) {
                m = mutate(m, seeds.get(random.nextInt(seeds.size())));
            }
            out.add(m);
        }
        return out;
    }

    public byte[] mutate(byte[] in, byte[] other) {
        if (in.length == 0) {
            return TOKENS[random.nextInt(TOKENS.length)].clone();
        }
        int at = random.nextInt(in.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 64);
        switch (random.nextInt(7)) {
            case 0 -> { // bit flip
                byte[] c = in.clone();
                c[at] ^= (byte) (1 << random.nextInt(8));
                return c;
            }
            case 1 -> { // interesting byte
                byte[] c = in.clone();
                c[at] = (byte) new int[] {0, 0x7F, 0x80, 0xFF, '<', '>', '&', '"', ';', '^', '~', '\\', '\n'}[random.nextInt(13)];
                return c;
            }
            case 2 -> { // delete a chunk
                int len = Math.min(in.length - at, 1 + random.nextInt(Math.max(1, in.length / 8)));
                out.write(in, 0, at);
                out.write(in, at + len, in.length - at - len);
            }
            case 3 -> { // duplicate a chunk
                int len = Math.min(in.length - at, 1 + random.nextInt(64));
                out.write(in, 0, at + len);
                out.write(in, at, in.length - at);
            }
            case 4 -> { // insert a token
                byte[] t = TOKENS[random.nextInt(TOKENS.length)];
                out.write(in, 0, at);
                out.write(t, 0, t.length);
                out.write(in, at, in.length - at);
            }
            case 5 -> { // splice with another seed
                int from = other.length == 0 ? 0 : random.nextInt(other.length);
                out.write(in, 0, at);
                out.write(other, from, other.length - from);
            }
            default -> { // truncate
                out.write(in, 0, at);
            }
        }
        return out.toByteArray();
    }
}
