package org.vigie.saml.fuzz;

import org.vigie.core.cert.TlsPeer;

import org.vigie.core.fuzz.Mutator;
import org.vigie.core.fuzz.FuzzSeeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.saml.VihfValidation;
import org.vigie.saml.VihfInput;
import org.vigie.saml.VihfToken;
import org.vigie.saml.VihfValidator;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.TestPki;
import org.vigie.testkit.VihfBuilder;

/**
 * Fuzz targets of the VIHF reader and verifier ({@link VihfValidator}).
 *
 * <ul>
 *   <li>{@code anyBytes}: whatever the bytes (token, security header, envelope), control 1 answers with a report,
 *       never an exception; and a report is accepted only for a token whose signed values are exactly those of a
 *       token the test kit signed (a mutant may reformat the markup outside the signed content, never a value).</li>
 *   <li>{@code signedValueChanged}: one value of a valid signed token (element text or attribute, outside
 *       {@code ds:Signature}) replaced by a different one: never accepted.</li>
 * </ul>
 * Every build replays {@code VihfReaderFuzzTestInputs/} and makes a short run over mutants of test-kit tokens and
 * the ANS examples; {@code JAZZER_FUZZ=1} fuzzes (see docs/security.md).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class VihfReaderFuzzTest {

    /** Santuario logs every failed reference at WARNING: thousands of lines in a fuzz run. Held so it stays OFF. */
    static final java.util.logging.Logger SANTUARIO_LOG = java.util.logging.Logger.getLogger("org.apache.xml.security");

    static {
        SANTUARIO_LOG.setLevel(java.util.logging.Level.OFF);
    }

    /** Fixed anchor and instant: the committed corpus keeps its verdicts on any day. */
    static final TestPki PKI = TestPki.fixed();
    static final Instant AT = PKI.anchor().plus(Duration.ofHours(10));
    static final String STRUCT = "1130000011";
    static final OrgCredential AUTH = PKI.authentication(STRUCT);
    static final OrgCredential SIGN = PKI.signature(STRUCT);
    static final VihfValidator VALIDATOR = VihfValidator.builder()
            .trust(TrustAnchors.of(List.of(PKI.root()), List.of(PKI.organisationsCa())))
            .crls(PKI.crls())
            .build();

    /** The valid signed token the value mutations start from. */
    static final String TOKEN = VihfBuilder.indirect(SIGN).at(AT.minusSeconds(30)).toAssertionXml();
    /** The seeds: test-kit tokens, alone and in their containers. */
    static final List<byte[]> SEEDS = seeds();
    /** Signed values of the test-kit tokens the validator accepts (the only ones a mutant may keep). */
    static final Set<String> SIGNED_VALUES = signedValuesOfSeeds();

    /** Positions of the values (element text and attribute values) of {@link #TOKEN} outside ds:Signature. */
    static final List<int[]> VALUE_SPANS = valueSpans(TOKEN);

    @BeforeAll
    static void theBaseTokenIsAccepted() {
        assertThat(VALUE_SPANS).hasSizeGreaterThan(20);
    }

    @Timeout(value = 10, unit = TimeUnit.SECONDS) // per input: a hang is a finding
    @FuzzTest(maxDuration = "120s")
    void anyBytes(byte[] data) {
        checkAnyBytes(data);
    }

    @Timeout(value = 10, unit = TimeUnit.SECONDS) // per input: a hang is a finding
    @FuzzTest(maxDuration = "120s")
    void signedValueChanged(FuzzedDataProvider data) {
        int which = data.consumeInt(0, VALUE_SPANS.size() - 1);
        checkSignedValueChanged(which, data.consumeRemainingAsString());
    }

    static void checkAnyBytes(byte[] data) {
        VihfValidation r = VALIDATOR.validate(new TlsPeer(AUTH.certificate(), AUTH.chain()), VihfInput.of(data), AT);
        assertThat(r.report()).isNotNull();
        if (r.accepted()) {
            assertThat(r.token()).isPresent();
            assertThat(r.token().get().signatureValid()).isTrue();
            assertThat(SIGNED_VALUES).as("an accepted token carries the signed values of a kit token")
                    .contains(signedValues(r));
        }
    }

    static void checkSignedValueChanged(int which, String replacement) {
        int[] span = VALUE_SPANS.get(which);
        String original = unescape(TOKEN.substring(span[0], span[1]));
        if (replacement.equals(original)) {
            return;
        }
        String tampered = TOKEN.substring(0, span[0]) + escape(replacement) + TOKEN.substring(span[1]);
        VihfValidation r = VALIDATOR.validate(new TlsPeer(AUTH.certificate(), AUTH.chain()),
                VihfInput.of(tampered.getBytes(StandardCharsets.UTF_8)), AT);
        assertThat(r.accepted()).as("value %d « %s » changed to « %s »:%n%s", which, original, replacement, r.report())
                .isFalse();
    }

    /**
     * The values the checks read, as one comparable string. The Assertion ID is left out: the test kit draws a new
     * one per token, and the committed corpus holds tokens the same (deterministic) test key signed on another run.
     */
    static String signedValues(VihfValidation r) {
        VihfToken t = r.token().orElseThrow();
        Map<String, List<String>> attrs = new TreeMap<>(t.attributes());
        return String.join("|", t.issueInstantText(), t.issuer(), t.issuerFormat(), t.nameId(),
                String.valueOf(t.notBefore()), String.valueOf(t.notOnOrAfter()), String.valueOf(t.authnInstant()),
                t.authnContextClassRef(), attrs.toString(), String.valueOf(r.structureId()));
    }

    static Set<String> signedValuesOfSeeds() {
        Set<String> values = new java.util.HashSet<>();
        for (byte[] seed : SEEDS) {
            values.add(signedValues(accepted(seed)));
        }
        return Set.copyOf(values);
    }

    static VihfValidation accepted(byte[] token) {
        VihfValidation r = VALIDATOR.validate(new TlsPeer(AUTH.certificate(), AUTH.chain()), VihfInput.of(token), AT);
        assertThat(r.accepted()).as("the kit token is accepted: %s", r.report()).isTrue();
        return r;
    }

    static List<int[]> valueSpans(String xml) {
        List<int[]> spans = new ArrayList<>();
        int sigStart = xml.indexOf("<ds:Signature");
        int sigEnd = xml.indexOf("</ds:Signature>") + "</ds:Signature>".length();
        Matcher text = Pattern.compile(">([^<]+)<").matcher(xml);
        while (text.find()) {
            addOutside(spans, text.start(1), text.end(1), sigStart, sigEnd);
        }
        Matcher attr = Pattern.compile("\\s([A-Za-z_:][-A-Za-z0-9_:.]*)=\"([^\"]*)\"").matcher(xml);
        while (attr.find()) {
            // includes the xmlns:xs bindings: used only inside xsi:type values (a QName in content), they are left out
            // of the digest by exclusive c14n, so the reader must refuse a binding that is not XML Schema
            addOutside(spans, attr.start(2), attr.end(2), sigStart, sigEnd);
        }
        return spans;
    }

    private static void addOutside(List<int[]> spans, int from, int to, int sigStart, int sigEnd) {
        if (to <= sigStart || from >= sigEnd) {
            spans.add(new int[] {from, to});
        }
    }

    /** XML escaping that keeps every character as written (no attribute or line-end normalisation). */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c < 0x20) {
                        b.append("&#").append((int) c).append(';');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    static List<byte[]> seeds() {
        VihfBuilder b = VihfBuilder.indirect(SIGN).at(AT.minusSeconds(30));
        List<byte[]> seeds = new ArrayList<>(List.of(TOKEN.getBytes(StandardCharsets.UTF_8),
                b.toSecurityHeaderXml().getBytes(StandardCharsets.UTF_8),
                b.toSoapEnvelopeXml().getBytes(StandardCharsets.UTF_8),
                VihfBuilder.indirect(SIGN).at(AT.minusSeconds(30)).sha1().toBytes()));
        return seeds;
    }

    @Test
    void shortRunOverMutatedSeeds() {
        List<byte[]> seeds = SEEDS;
        FuzzSeeds.writeCorpusIfAsked(VihfReaderFuzzTest.class, "anyBytes", seeds);
        List<byte[]> all = new ArrayList<>(seeds);
        all.addAll(FuzzSeeds.testdata("vihf"));
        all.addAll(new Mutator(10L).mutants(seeds, 600));
        for (byte[] b : all) {
            checkAnyBytes(b);
        }
        checkAnyBytes(new byte[0]);
    }

    @Test
    void shortRunOverChangedSignedValues() {
        String[] replacements = {"", " ", "x", "1750712184", "1130000012", "0", "2999-01-01T00:00:00Z", "\t", "é",
            "<evil/>", "&", "]]>", "\r\n", "SA23", "urn:oasis:names:tc:SAML:2.0:ac:classes:X509"};
        for (int i = 0; i < VALUE_SPANS.size(); i++) {
            for (String r : replacements) {
                checkSignedValueChanged(i, r);
            }
            String original = unescape(TOKEN.substring(VALUE_SPANS.get(i)[0], VALUE_SPANS.get(i)[1]));
            checkSignedValueChanged(i, original + " ");
            checkSignedValueChanged(i, " " + original);
            if (!original.isEmpty()) {
                checkSignedValueChanged(i, original.substring(0, original.length() - 1));
                checkSignedValueChanged(i, original.toUpperCase(java.util.Locale.ROOT));
            }
        }
    }
}
