package org.vigie.core.finess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bad input is never an exception: whatever bytes a reader is given, seeded mutations of valid files included, it
 * loads what it can and reports the rest as rejections.
 */
class MalformedInputTest {

    static byte[] valid(FinessFormat format) throws IOException {
        return SampleExtracts.of(format);
    }

    static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        int n = 1 + r.nextInt(20);
        for (int i = 0; i < n; i++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(4)) {
                case 0 -> b[at] = (byte) r.nextInt(256);
                case 1 -> b[at] = (byte) "{}[]\",:;\n\\".charAt(r.nextInt(10));
                case 2 -> b = java.util.Arrays.copyOf(b, Math.max(1, at)); // truncate
                default -> b[at] = 0;
            }
        }
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FinessFormat.class)
    void mutatedFilesLoadWithoutExceptionAndCountEveryRejection(FinessFormat format) throws IOException {
        byte[] good = valid(format);
        Random r = new Random(format.ordinal() * 31L + 7);
        for (int i = 0; i < 300; i++) {
            byte[] bad = mutate(good, r);
            FinessLoader l = new FinessLoader();
            assertThatCode(() -> l.load("m", new ByteArrayInputStream(bad), format)).doesNotThrowAnyException();
            LoadResult res = l.result();
            assertThat(res.rejectionCount()).isEqualTo(res.sources().get(0).rejected());
            assertThat(res.rejections()).allSatisfy(x -> assertThat(x.reason()).isNotBlank());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FinessFormat.class)
    void randomBytesLoadWithoutException(FinessFormat format) {
        Random r = new Random(99 + format.ordinal());
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[r.nextInt(3000)];
            r.nextBytes(bytes);
            FinessLoader l = new FinessLoader();
            assertThatCode(() -> l.load("x", new ByteArrayInputStream(bytes), format)).doesNotThrowAnyException();
        }
        FinessLoader empty = new FinessLoader();
        assertThatCode(() -> empty.load("e", new ByteArrayInputStream(new byte[0]), format))
                .doesNotThrowAnyException();
        assertThat(empty.result().directory().establishmentCount()).isZero();
    }
}
