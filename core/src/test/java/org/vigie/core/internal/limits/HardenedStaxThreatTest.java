package org.vigie.core.internal.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one hardened StAX factory of Vigie ({@link HardenedStax}) against every XML attack of {@code docs/security.md}
 * (XDS metadata, CDA headers and the SOAP envelope are all parsed through it). Each attack document is built here.
 * Expected outcomes, in the two modes the modules use:
 * <ul>
 *     <li>entity references reported (cda's readers): the parser returns the {@code DTD} event and the reference as
 *     an {@code ENTITY_REFERENCE} event, which the readers turn into {@code AI-XML} « DOCTYPE interdit » and
 *     « référence d'entité non déclarée » findings; nothing is expanded, nothing external is read;</li>
 *     <li>entity references refused (dmp's SOAP reader): the same {@code DTD} event (« déclaration DOCTYPE
 *     (interdite) »), and any entity reference is an {@link XMLStreamException}, a « message illisible » finding;</li>
 *     <li>size attacks: the JDK backstops (depth, name length, attribute count) or the metered stream refuse them with
 *     an {@link XMLStreamException}, whose {@link LimitExceededException} (when metered) names the limit.</li>
 * </ul>
 */
class HardenedStaxThreatTest {

    /** What the parser gave for a document: its events in order, the text it read, and the failure, if any. */
    record Outcome(List<Integer> events, String text, XMLStreamException failure) {

        boolean saw(int event) {
            return events.contains(event);
        }
    }

    static Outcome parse(String xml, boolean reportEntityReferences) {
        List<Integer> events = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        try {
            XMLStreamReader r = HardenedStax.open(
                    new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), reportEntityReferences);
            while (r.hasNext()) {
                int ev = r.next();
                events.add(ev);
                if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    text.append(r.getText());
                } else if (ev == XMLStreamConstants.START_ELEMENT) {
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        text.append(r.getAttributeValue(i));
                    }
                }
            }
            return new Outcome(events, text.toString(), null);
        } catch (XMLStreamException e) {
            return new Outcome(events, text.toString(), e);
        }
    }

    /** A file that an attack would like the parser to read; its content must never show up. */
    static Path secret(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void aDoctypeIsReportedAsAnEventForTheReadersToRefuseInBothModes() {
        String xml = "<!DOCTYPE a><a>x</a>";
        for (boolean report : new boolean[] {true, false}) {
            Outcome o = parse(xml, report);
            assertThat(o.saw(XMLStreamConstants.DTD)).as("DTD event, report=" + report).isTrue();
        }
    }

    @Test
    void anInternalEntityIsNeverExpanded() {
        String xml = "<!DOCTYPE a [<!ENTITY e \"EXPANDED\">]><a>&e;</a>";
        Outcome reported = parse(xml, true);
        assertThat(reported.failure()).isNull();
        assertThat(reported.saw(XMLStreamConstants.DTD)).isTrue();
        assertThat(reported.saw(XMLStreamConstants.ENTITY_REFERENCE)).isTrue();
        assertThat(reported.text()).doesNotContain("EXPANDED");

        Outcome refused = parse(xml, false);
        assertThat(refused.failure()).isNotNull();
        assertThat(refused.text()).doesNotContain("EXPANDED");
    }

    @Test
    void anEntityInAnAttributeValueIsRefusedUnexpanded() {
        String xml = "<!DOCTYPE a [<!ENTITY e \"EXPANDED\">]><a v=\"&e;\"/>";
        for (boolean report : new boolean[] {true, false}) {
            Outcome o = parse(xml, report);
            assertThat(o.failure()).as("report=" + report).isNotNull();
            assertThat(o.text()).doesNotContain("EXPANDED");
        }
    }

    @Test
    void anExternalEntityIsNeverRead(@TempDir Path dir) throws IOException {
        Path file = secret(dir, "passwd", "root:SECRET");
        String xml = "<!DOCTYPE a [<!ENTITY e SYSTEM \"" + file.toUri() + "\">]><a>&e;</a>";
        Outcome reported = parse(xml, true);
        assertThat(reported.saw(XMLStreamConstants.ENTITY_REFERENCE)).isTrue();
        assertThat(reported.text()).doesNotContain("SECRET");

        Outcome refused = parse(xml, false);
        assertThat(refused.failure()).isNotNull();
        assertThat(refused.text()).doesNotContain("SECRET");
    }

    @Test
    void billionLaughsIsNotExpanded() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = dtd + "]><lolz>&lol9;</lolz>";
        Outcome reported = parse(xml, true);
        assertThat(reported.failure()).isNull();
        assertThat(reported.saw(XMLStreamConstants.ENTITY_REFERENCE)).isTrue();
        assertThat(reported.text()).doesNotContain("lol");

        Outcome refused = parse(xml, false);
        assertThat(refused.failure()).isNotNull();
        assertThat(refused.text()).doesNotContain("lol");
    }

    @Test
    void anExternalDtdIsNeverLoaded(@TempDir Path dir) throws IOException {
        Path dtd = secret(dir, "evil.dtd", "<!ENTITY e \"SECRET\">");
        String xml = "<!DOCTYPE a SYSTEM \"" + dtd.toUri() + "\"><a>&e;</a>";
        Outcome reported = parse(xml, true);
        assertThat(reported.saw(XMLStreamConstants.DTD)).isTrue();
        assertThat(reported.text()).doesNotContain("SECRET");

        Outcome refused = parse(xml, false);
        assertThat(refused.failure()).isNotNull();
        assertThat(refused.text()).doesNotContain("SECRET");
    }

    @Test
    void aParameterEntityIsNeverFetched(@TempDir Path dir) throws IOException {
        Path dtd = secret(dir, "param.dtd", "<!ENTITY e \"SECRET\">");
        String xml = "<!DOCTYPE a [<!ENTITY % p SYSTEM \"" + dtd.toUri() + "\"> %p;]><a>&e;</a>";
        for (boolean report : new boolean[] {true, false}) {
            Outcome o = parse(xml, report);
            assertThat(o.saw(XMLStreamConstants.DTD) || o.failure() != null).as("report=" + report).isTrue();
            assertThat(o.text()).doesNotContain("SECRET");
        }
    }

    @Test
    void xincludeIsAnOrdinaryElementNothingIsIncluded(@TempDir Path dir) throws IOException {
        Path file = secret(dir, "included.xml", "<b>SECRET</b>");
        String xml = "<a xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"" + file.toUri()
                + "\" parse=\"xml\"/></a>";
        Outcome o = parse(xml, true);
        assertThat(o.failure()).isNull();
        assertThat(o.text()).doesNotContain("SECRET");
        assertThat(o.events().stream().filter(e -> e == XMLStreamConstants.START_ELEMENT).count()).isEqualTo(2);
    }

    @Test
    void anUndeclaredEntityIsAnEventOrAFailureNeverText() {
        String xml = "<a>&undeclared;</a>";
        Outcome reported = parse(xml, true);
        assertThat(reported.saw(XMLStreamConstants.ENTITY_REFERENCE)).isTrue();
        Outcome refused = parse(xml, false);
        assertThat(refused.failure()).isNotNull();
    }

    @Test
    void predefinedEntitiesAndCharacterReferencesStillRead() {
        Outcome o = parse("<a v=\"&lt;&#65;\">&amp;&#x42;</a>", true);
        assertThat(o.failure()).isNull();
        assertThat(o.text()).contains("<A").contains("&B");
    }

    @Test
    void nestingDeeperThanTheBackstopIsRefused() {
        int n = HardenedStax.BACKSTOP_DEPTH + 1;
        String xml = "<a>".repeat(n) + "</a>".repeat(n);
        assertThat(parse(xml, true).failure()).isNotNull();
        int ok = 500;
        assertThat(parse("<a>".repeat(ok) + "</a>".repeat(ok), true).failure()).isNull();
    }

    @Test
    void aNameLongerThanTheBackstopIsRefused() {
        String name = "n".repeat(HardenedStax.BACKSTOP_NAME_LENGTH + 1);
        assertThat(parse("<" + name + "/>", true).failure()).isNotNull();
        assertThat(parse("<a " + name + "=\"v\"/>", true).failure()).isNotNull();
        String fits = "n".repeat(HardenedStax.BACKSTOP_NAME_LENGTH - 10);
        assertThat(parse("<" + fits + "/>", true).failure()).isNull();
    }

    @Test
    void moreAttributesThanTheBackstopAreRefused() {
        StringBuilder many = new StringBuilder("<a");
        for (int i = 0; i <= HardenedStax.BACKSTOP_ATTRIBUTES; i++) {
            many.append(" a").append(i).append("=\"v\"");
        }
        assertThat(parse(many + "/>", true).failure()).isNotNull();
        assertThat(parse("<a a1=\"v\" a2=\"v\"/>", true).failure()).isNull();
    }

    @Test
    void hugeTokensAreRefusedUnderTheParserByTheMeteredStream() throws XMLStreamException {
        long allowance = 64 * 1024;
        String[] attacks = {
            "<a><!--" + "c".repeat(1 << 20) + "--></a>",
            "<a><?pi " + "p".repeat(1 << 20) + "?></a>",
            "<a><![CDATA[" + "d".repeat(1 << 20) + "]]></a>",
            "<a v=\"" + "v".repeat(1 << 20) + "\"/>",
        };
        for (String xml : attacks) {
            MeteredInputStream in = new MeteredInputStream(
                    new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            XMLStreamReader r = HardenedStax.openMetered(in, allowance, "event", "limite dépassée", true);
            assertThatThrownBy(() -> {
                while (r.hasNext()) {
                    r.next();
                }
            }).as(xml.substring(0, 12)).satisfies(t -> {
                assertThat(HardenedStax.limitOf(t)).isPresent();
                assertThat(HardenedStax.limitOf(t).get().label()).isEqualTo("event");
                assertThat(HardenedStax.limitOf(t).get().getMessage()).isEqualTo("limite dépassée");
            });
        }
    }

    @Test
    void hugeTextStreamsInChunksUnderTheSameAllowance() throws XMLStreamException {
        String xml = "<a>" + "t".repeat(1 << 20) + "</a>";
        MeteredInputStream in = new MeteredInputStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        XMLStreamReader r = HardenedStax.openMetered(in, 64 * 1024, "event", "limite dépassée", true);
        long chars = 0;
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.CHARACTERS) {
                chars += r.getTextLength();
            }
        }
        assertThat(chars).isEqualTo(1 << 20);
    }

    @Test
    void describeGivesOneShortLine() {
        String d = HardenedStax.describe(new XMLStreamException("line one\nline two " + "x".repeat(400)));
        assertThat(d).doesNotContain("\n").hasSizeLessThanOrEqualTo(301).startsWith("line one line two");
        assertThat(HardenedStax.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
