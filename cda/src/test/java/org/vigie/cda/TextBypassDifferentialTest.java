package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vigie.core.Finding;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.SubmissionDefect;

/**
 * The text bypass (inline base64 taken from the bytes, the CDA body's text skipped from the bytes) against the
 * reference, the same reader with the bypass off (everything through the parsers' character events): on a corpus of
 * valid documents, defects after the header and hostile encodings of the base64, both give the same findings (rule,
 * message key, location, severity, message with the parser's row/column numbers left out — the parser does not see
 * the bypassed bytes, so its positions differ) and the same headers. The corpus cases that are plain also check that
 * the bypass did engage (a differential test of a path never taken would prove nothing), and the threat cases that
 * the expected finding is there.
 */
class TextBypassDifferentialTest {

    static final String EG = "1750100125";
    static final String EVIL = "1920100013";
    static final XdsMetadataReader FAST = XdsMetadataReader.withDefaults();
    static final XdsMetadataReader SLOW = XdsMetadataReader.builder().textBypass(false).build();

    /** What a read says, positions of parser messages aside. */
    static String summary(XdsMetadata md) {
        StringBuilder sb = new StringBuilder();
        sb.append("complete=").append(md.complete()).append('\n');
        md.problems().forEach(f -> sb.append(finding(f)).append('\n'));
        for (XdsMetadata.DocumentContent d : md.documents()) {
            sb.append("doc ").append(d.id()).append(' ').append(d.xopHref()).append('\n');
            d.header().ifPresent(h -> {
                sb.append(" clinical=").append(h.clinicalDocument()).append(" root=").append(h.rootElement())
                  .append(" complete=").append(h.headerComplete()).append(" authors=").append(h.authors())
                  .append(" custodian=").append(h.custodianOrganization()).append('\n');
                h.problems().forEach(f -> sb.append(" ").append(finding(f)).append('\n'));
            });
        }
        return sb.toString();
    }

    static String finding(Finding f) {
        return f.ruleId() + " " + f.severity() + " " + f.messageKey() + " @" + f.location() + " : "
                + f.message().replaceAll("\\[row,col\\]:\\[\\d+,\\d+\\]", "[row,col]");
    }

    record Outcome(String fast, String slow, XdsMetadataReader.Counted counted) {
    }

    static Outcome both(String xml) {
        byte[] b = xml.getBytes(StandardCharsets.UTF_8);
        XdsMetadataReader.Counted c = FAST.readCounted(new ByteArrayInputStream(b));
        String slow = summary(SLOW.read(new ByteArrayInputStream(b)));
        return new Outcome(summary(c.metadata()), slow, c);
    }

    static String submission(String documentContent) {
        String xml = new Fixtures.Submission().ss(Fixtures.xon("H", EG)).doc("D1", Fixtures.xon("H", EG), EG).xml();
        int s = xml.indexOf("<xds:Document id=\"D1\">") + "<xds:Document id=\"D1\">".length();
        int e = xml.indexOf("</xds:Document>");
        return xml.substring(0, s) + documentContent + xml.substring(e);
    }

    static String mime(String cda) {
        return Base64.getMimeEncoder().encodeToString(cda.getBytes(StandardCharsets.UTF_8));
    }

    /** CDA documents: valid ones and defects after the header. */
    static Map<String, String> cdas() {
        Map<String, String> m = new LinkedHashMap<>();
        String valid = CdaBuilder.ciSis().author("CH", EG).toXml();
        m.put("valid", valid);
        m.put("valid-pdf", CdaBuilder.ciSis().author("CH", EG).nonXmlBodyPdf(50_000).toXml());
        m.put("fixture", Fixtures.cda(EG));
        for (SubmissionDefect d : SubmissionDefect.values()) {
            try {
                String c = d.applyToCda(valid, EVIL);
                if (c != null && !c.equals(valid)) {
                    m.put(d.name(), c);
                }
            } catch (RuntimeException notACdaDefect) {
                // a defect of the metadata
            }
        }
        m.put("unclosed-tag", valid.replace("</section>", "</sectio>"));
        m.put("missing-end", valid.replace("</component>\n</ClinicalDocument>", ""));
        m.put("text-after-root", valid + "trailing");
        m.put("element-after-root", valid + "<x/>");
        m.put("text-after-body", valid.replace("</ClinicalDocument>", "x</ClinicalDocument>"));
        m.put("entity-in-body", valid.replace("</section>", "&nbsp;</section>"));
        m.put("predefined-entity-in-body", valid.replace("</section>", "a &amp; b &lt; c</section>"));
        m.put("char-ref-in-body", valid.replace("</section>", "&#233;&#xE9;</section>"));
        m.put("bad-char-ref-in-body", valid.replace("</section>", "&#1;</section>"));
        m.put("cdata-in-body", valid.replace("</section>", "<![CDATA[ <not> & markup ]]></section>"));
        m.put("cdata-end-in-text", valid.replace("</section>", "a ]]> b</section>"));
        m.put("comment-pi-in-body", valid.replace("</section>", "<!-- c --><?pi x?></section>"));
        m.put("bad-comment-in-body", valid.replace("</section>", "<!-- a -- b --></section>"));
        m.put("whitespace-run-in-body", valid.replace("</section>", " ".repeat(200_000) + "\n\t\r\n</section>"));
        m.put("non-ascii-in-body", valid.replace("</section>", "éàü€𝄞</section>"));
        m.put("invalid-utf8-in-body", valid.replace("</section>", "\uFFFE</section>"));
        m.put("control-char-in-body", valid.replace("</section>", "\u0001</section>"));
        m.put("lt-in-attribute", valid.replace("<section>", "<section a=\"<\">"));
        m.put("unbound-prefix-in-body", valid.replace("</section>", "<p:x/></section>"));
        m.put("duplicate-attribute", valid.replace("<section>", "<section a=\"1\" a=\"2\">"));
        m.put("deep-body", valid.replace("</section>", "<a>".repeat(300) + "</a>".repeat(300) + "</section>"));
        m.put("doctype-after-body", valid.replace("</ClinicalDocument>", "<!DOCTYPE x></ClinicalDocument>"));
        return m;
    }

    /** How the base64 of the CDA is written inside xds:Document. */
    static Map<String, UnaryOperator<String>> encodings() {
        Map<String, UnaryOperator<String>> m = new LinkedHashMap<>();
        m.put("mime-crlf", c -> "\n" + mime(c) + "\n");
        m.put("lf", c -> mime(c).replace("\r\n", "\n"));
        m.put("one-line", c -> Base64.getEncoder().encodeToString(c.getBytes(StandardCharsets.UTF_8)));
        m.put("char-ref-cr", c -> mime(c).replace("\r\n", "&#13;\n"));
        m.put("char-ref-hex", c -> mime(c).replace("\r\n", "&#xD;&#xA;"));
        m.put("comment-inside", c -> {
            String b = mime(c);
            return b.substring(0, b.length() / 2 / 4 * 4) + "<!-- c -->" + b.substring(b.length() / 2 / 4 * 4);
        });
        m.put("pi-inside", c -> {
            String b = mime(c);
            return b.substring(0, 400) + "<?pi x?>" + b.substring(400);
        });
        m.put("cdata-inside", c -> "<![CDATA[" + mime(c) + "]]>");
        m.put("leading-comment", c -> "<!-- before -->" + mime(c));
        m.put("whitespace-runs", c -> mime(c).replace("\r\n", " ".repeat(50) + "\n\t"));
        m.put("huge-whitespace", c -> " ".repeat(300_000) + mime(c) + " ".repeat(300_000));
        m.put("padding-in-middle", c -> {
            byte[] b = c.getBytes(StandardCharsets.UTF_8);
            int half = b.length / 2 / 3 * 3 + 1; // a group with padding, then the rest
            return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(b, half))
                    + Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(b, half, b.length));
        });
        m.put("invalid-char", c -> {
            String b = mime(c);
            return b.substring(0, b.length() - 40) + "!" + b.substring(b.length() - 40);
        });
        m.put("invalid-char-early", c -> {
            String b = mime(c);
            return b.substring(0, 40) + "*" + b.substring(40);
        });
        m.put("non-ascii-in-base64", c -> {
            String b = mime(c);
            return b.substring(0, b.length() - 8) + "é" + b.substring(b.length() - 8);
        });
        m.put("entity-in-base64", c -> {
            String b = mime(c);
            return b.substring(0, b.length() - 8) + "&foo;" + b.substring(b.length() - 8);
        });
        m.put("truncated-quantum", c -> {
            String b = mime(c).replaceAll("\\s", "");
            return b.substring(0, b.length() - 3);
        });
        m.put("child-element", c -> mime(c) + "<x/>");
        return m;
    }

    @Test
    void theBypassAndTheCharacterEventsGiveTheSameFindingsOnTheCorpus() {
        int engaged = 0;
        int cases = 0;
        for (Map.Entry<String, String> cda : cdas().entrySet()) {
            for (Map.Entry<String, UnaryOperator<String>> enc : encodings().entrySet()) {
                String xml = submission(enc.getValue().apply(cda.getValue()));
                Outcome o = both(xml);
                assertThat(o.fast()).as(cda.getKey() + " / " + enc.getKey()).isEqualTo(o.slow());
                cases++;
                if (o.counted().bypassedOuter() > 0) {
                    engaged++;
                }
            }
        }
        assertThat(cases).isGreaterThan(500);
        assertThat(engaged).as("cases where the bypass engaged").isGreaterThan(cases / 2);
    }

    @Test
    void onAPlainDocumentBothBypassesEngageAndTakeAlmostEverything() {
        String cda = CdaBuilder.ciSis().author("CH", EG).nonXmlBodyPdf(200_000).toXml();
        String b64 = mime(cda);
        Outcome o = both(submission("\n" + b64 + "\n"));
        assertThat(o.fast()).isEqualTo(o.slow());
        assertThat(o.counted().metadata().problems()).isEmpty();
        assertThat(o.counted().metadata().documents().get(0).header().orElseThrow().problems()).isEmpty();
        assertThat(o.counted().bypassedOuter()).isGreaterThan(b64.length() - 100);
        assertThat(o.counted().bypassedInner()).isGreaterThan(190_000);
    }

    @Test
    void everyCutOfASmallDocumentGivesTheSameFindings() {
        String cda = Fixtures.cda(EG);
        byte[] bytes = cda.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            String b64 = Base64.getMimeEncoder().encodeToString(java.util.Arrays.copyOf(bytes, cut));
            Outcome o = both(submission(b64));
            assertThat(o.fast()).as("cut %d", cut).isEqualTo(o.slow());
        }
        String b64 = Base64.getMimeEncoder().encodeToString(bytes);
        for (int cut = 0; cut <= b64.length(); cut++) {
            Outcome o = both(submission(b64.substring(0, cut)));
            assertThat(o.fast()).as("base64 cut %d", cut).isEqualTo(o.slow());
        }
    }

    @Test
    void xmlHiddenAfterTheDocumentIsStillSeenByTheOuterParser() {
        String b64 = mime(CdaBuilder.ciSis().author("CH", EG).toXml());
        List<String> hostile = new ArrayList<>();
        // the element "closed" inside a comment: the parser, not the bypass, reads the comment
        hostile.add(submission(b64 + "<!-- </xds:Document> -->" + b64));
        // a second Document in the same request after the first
        hostile.add(submission(b64).replace("</xds:Document>", "</xds:Document><xds:Document id=\"D1\">" + b64
                + "</xds:Document>"));
        // base64-looking text after the end tag, then markup that does not match
        hostile.add(submission(b64).replace("</xds:Document>", "</xds:Document>QUFB</xds:Document>"));
        // an end tag of another element in the middle of the base64
        hostile.add(submission(b64.substring(0, 400) + "</lcm:SubmitObjectsRequest>" + b64.substring(400)));
        // the end of the request hidden after the document
        hostile.add(submission(b64).replace("</xds:ProvideAndRegisterDocumentSetRequest>", "<x>"));
        for (String xml : hostile) {
            Outcome o = both(xml);
            assertThat(o.fast()).as(xml.substring(xml.length() - 200)).isEqualTo(o.slow());
            assertThat(o.counted().bypassedOuter()).isPositive();
        }
        // the unbalanced cases are fatal, in both
        Outcome o = both(hostile.get(2));
        assertThat(o.counted().metadata().complete()).isFalse();
        assertThat(o.counted().metadata().problems().stream().map(Finding::messageKey).collect(Collectors.toList()))
                .anyMatch(k -> k.contains("xds-unreadable"));
    }

    @Test
    void theEventAllowanceHoldsThroughTheBypassBeforeTheBytesAreHeld() {
        // a 64 KiB allowance per event: a 2 MiB comment after the base64, inside the element, or in the CDA body, is
        // refused in both paths, while 3 MB of base64 and 2 MB of body text (no event) go through the bypass
        XmlLimits small = XmlLimits.defaults().withMaxEventBytes(64 * 1024);
        XdsMetadataReader fast = XdsMetadataReader.builder().limits(small).build();
        XdsMetadataReader slow = XdsMetadataReader.builder().limits(small).textBypass(false).build();
        String valid = CdaBuilder.ciSis().author("CH", EG).nonXmlBodyPdf(2_000_000).toXml();
        String huge = "<!--" + "x".repeat(2 * 1024 * 1024) + "-->";
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("plain", submission(mime(valid)));
        cases.put("comment-in-element", submission(mime(valid) + huge));
        cases.put("comment-in-body", submission(mime(valid.replace("</component>", huge + "</component>"))));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            byte[] b = c.getValue().getBytes(StandardCharsets.UTF_8);
            XdsMetadataReader.Counted f = fast.readCounted(new ByteArrayInputStream(b));
            String s = summary(slow.read(new ByteArrayInputStream(b)));
            assertThat(summary(f.metadata())).as(c.getKey()).isEqualTo(s);
            assertThat(f.bypassedOuter()).as(c.getKey()).isGreaterThan(2_600_000);
            if (c.getKey().equals("plain")) {
                assertThat(s).doesNotContain("ERROR");
                assertThat(f.bypassedInner()).isGreaterThan(1_900_000);
            } else {
                assertThat(s).as(c.getKey()).containsPattern("event-bytes");
            }
        }
    }

    @Test
    void anAuthorAfterTheBodyIsFoundThroughTheBypass() {
        String cda = SubmissionDefect.CDA_AUTHOR_AFTER_BODY.applyToCda(
                CdaBuilder.ciSis().author("CH", EG).nonXmlBodyPdf(30_000).toXml(), EVIL);
        Outcome o = both(submission(mime(cda)));
        assertThat(o.fast()).isEqualTo(o.slow());
        assertThat(o.counted().bypassedInner()).isGreaterThan(29_000);
        assertThat(o.counted().metadata().documents().get(0).header().orElseThrow().problems())
                .singleElement().satisfies(f -> assertThat(f.message()).contains("<author>").contains("après le corps"));
    }
}
