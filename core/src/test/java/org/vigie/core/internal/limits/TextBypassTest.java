package org.vigie.core.internal.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/**
 * The bypass engages only when the parser has consumed everything up to the start tag it just delivered, and the
 * parser reads on correctly from the first byte the consumer leaves. The oracle is the JDK parser itself: the events
 * of a document read with the bypass (text taken from the bytes) equal its events read plainly, text aside.
 */
class TextBypassTest {

    private static final byte[] LETTERS = new byte[256];

    static {
        for (int c = 'A'; c <= 'Z'; c++) {
            LETTERS[c] = 1;
        }
        LETTERS['\n'] = 1;
    }

    private record Reading(List<String> events, String taken) {
    }

    /** Reads {@code xml} through a bypass pausing after {@code names}; at each start tag of {@code names}, takes letters. */
    private static Reading read(String xml, int buffer, String... names) throws Exception {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        TextBypass gate = new TextBypass(new ByteArrayInputStream(bytes), Set.of(names), buffer, () -> { });
        XMLStreamReader r = gate.track(HardenedStax.factory(true).createXMLStreamReader(gate));
        List<String> events = new ArrayList<>();
        ByteArrayOutputStream taken = new ByteArrayOutputStream();
        StringBuilder text = new StringBuilder();
        while (r.hasNext()) {
            int ev = r.next();
            if (ev != XMLStreamConstants.CHARACTERS && text.length() > 0) {
                String rest = text.toString().replaceAll("[A-Z\n]", ""); // what the consumer may take aside
                if (!rest.isEmpty()) {
                    events.add("text:" + rest);
                }
                text.setLength(0);
            }
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> {
                    events.add("<" + r.getLocalName());
                    if (Set.of(names).contains(r.getLocalName()) && gate.engage()) {
                        int n;
                        while ((n = gate.run(LETTERS)) > 0) {
                            taken.write(gate.buffer(), gate.bufferPosition(), n);
                            gate.consume(n);
                        }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> events.add("</" + r.getLocalName());
                case XMLStreamConstants.CHARACTERS -> text.append(r.getText());
                case XMLStreamConstants.COMMENT -> events.add("comment:" + r.getText());
                case XMLStreamConstants.ENTITY_REFERENCE -> events.add("&" + r.getLocalName());
                case XMLStreamConstants.CDATA -> events.add("cdata:" + r.getText());
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> events.add("pi:" + r.getPITarget());
                default -> {
                }
            }
        }
        return new Reading(events, taken.toString(StandardCharsets.US_ASCII));
    }

    private static List<String> plain(String xml) throws Exception {
        return read(xml, 1 << 16).events();
    }

    @Test
    void takesTheTextRightAfterTheStartTagAndTheParserReadsOnFromTheFirstOtherByte() throws Exception {
        String xml = "<?xml version=\"1.0\"?><r><x:Document xmlns:x=\"u\" id=\"a>b\">ABC\nDEF<!--c--></x:Document></r>";
        for (int buffer : new int[] {1, 2, 3, 7, 64, 8192}) {
            Reading fast = read(xml, buffer, "Document");
            assertThat(fast.taken()).as("buffer %d", buffer).isEqualTo("ABC\nDEF");
            assertThat(fast.events()).isEqualTo(plain(xml));
        }
    }

    @Test
    void neverEngagesOnAStartTagThatIsNotTheLastOneTheParserWasGiven() throws Exception {
        // an empty-element Document followed, in the same chunk, by a real one: at the first START_ELEMENT the
        // parser still holds the rest; engaging there would hide "<b>…" from it
        String xml = "<r><Document/><b>XYZ</b><Document>ABC</Document></r>";
        Reading fast = read(xml, 8192, "Document");
        assertThat(fast.taken()).isEqualTo("ABC");
        assertThat(fast.events()).isEqualTo(plain(xml));
        assertThat(fast.events()).contains("<b", "</b");
    }

    @Test
    void aParserThatReadAheadPastTheTagItDeliveredNeverGetsTheBypass() throws Exception {
        // a parser that read two pausing tags but delivered only the first: the bytes after the second are not the
        // content of the element the consumer is at (the ordinal check, independent of how the parser buffers)
        byte[] bytes = "<r><Document>A<Document>B</Document></Document></r>".getBytes(StandardCharsets.US_ASCII);
        TextBypass gate = new TextBypass(new ByteArrayInputStream(bytes), Set.of("Document"), 64, () -> { });
        XMLStreamReader events = gate.track(HardenedStax.open(new ByteArrayInputStream("<a><b/><c/></a>"
                .getBytes(StandardCharsets.US_ASCII)), true));
        byte[] b = new byte[64];
        assertThat(new String(b, 0, gate.read(b, 0, 64), StandardCharsets.US_ASCII)).isEqualTo("<r><Document>");
        assertThat(new String(b, 0, gate.read(b, 0, 64), StandardCharsets.US_ASCII)).isEqualTo("A<Document>");
        assertThat(events.next()).isEqualTo(XMLStreamConstants.START_ELEMENT); // 1 delivered, 3 lexed
        assertThat(gate.engage()).isFalse();
        events.next();
        assertThat(gate.engage()).isFalse(); // 2 delivered
        while (events.next() != XMLStreamConstants.END_DOCUMENT) {
            // <c/> is the third start tag
        }
        assertThat(gate.engage()).isTrue();
        assertThat(gate.run(LETTERS)).isEqualTo(1); // "B"
    }

    @Test
    void markupThatLooksLikeATagInsideCommentsCdataInstructionsAndValuesDoesNotPause() throws Exception {
        String xml = "<r a='x:Document>' b=\"/>\"><!-- <Document> --><![CDATA[<Document>]]><?p <Document>?>"
                + "<Document>QRS</Document></r>";
        Reading fast = read(xml, 5, "Document");
        assertThat(fast.taken()).isEqualTo("QRS");
        assertThat(fast.events()).isEqualTo(plain(xml));
    }

    @Test
    void xmlAfterTheTextIsParsedByTheParserNotTaken() throws Exception {
        // the closing tag, then an element a reader stopping at the text would not see
        String xml = "<r><Document>AB</Document><hidden>CD</hidden></r>";
        Reading fast = read(xml, 3, "Document");
        assertThat(fast.taken()).isEqualTo("AB");
        assertThat(fast.events()).containsSubsequence("</Document", "<hidden", "</hidden", "</r");
        // an element closed early cannot be re-opened by text: the parser sees the end tag itself
        String tricky = "<r><Document>AB</Document>EF<Document>GH</Document></r>";
        assertThat(read(tricky, 2, "Document").taken()).isEqualTo("ABGH");
    }

    @Test
    void aByteOutsideTheClassIsLeftToTheParser() throws Exception {
        String xml = "<r><Document>AB&#65;CD é EF</Document></r>";
        Reading fast = read(xml, 4, "Document");
        assertThat(fast.taken()).isEqualTo("AB");
        assertThat(fast.events()).isEqualTo(plain(xml));
    }

    @Test
    void neverEngagesOnInputItsLexerCannotFollow() throws Exception {
        String utf16 = "<r><Document>ABC</Document></r>";
        byte[] bytes = utf16.getBytes(StandardCharsets.UTF_16);
        TextBypass gate = new TextBypass(new ByteArrayInputStream(bytes), Set.of("Document"), 64, () -> { });
        XMLStreamReader r = gate.track(HardenedStax.factory(true).createXMLStreamReader(gate));
        boolean engaged = false;
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT) {
                engaged |= gate.engage();
            }
        }
        assertThat(engaged).isFalse();
        assertThat(gate.lost()).isTrue();
    }

    @Test
    void theParserIsGivenNoMoreThanItAsksAndTheConsumerNoMoreThanTheBuffer() throws Exception {
        byte[] big = ("<r><Document>" + "A".repeat(100_000) + "</Document></r>").getBytes(StandardCharsets.US_ASCII);
        int[] largest = {0};
        InputStream counting = new java.io.FilterInputStream(new ByteArrayInputStream(big)) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                int n = super.read(b, off, len);
                largest[0] = Math.max(largest[0], n);
                return n;
            }
        };
        int[] refills = {0};
        TextBypass gate = new TextBypass(counting, Set.of("Document"), 1000, () -> refills[0]++);
        XMLStreamReader r = gate.track(HardenedStax.factory(true).createXMLStreamReader(gate));
        while (r.next() != XMLStreamConstants.START_ELEMENT || !"Document".equals(r.getLocalName())) {
            // to the element
        }
        assertThat(gate.engage()).isTrue();
        assertThat(gate.skip(LETTERS)).isEqualTo(100_000);
        assertThat(largest[0]).isLessThanOrEqualTo(1000);
        assertThat(refills[0]).isGreaterThanOrEqualTo(100);
        assertThat(r.next()).isEqualTo(XMLStreamConstants.END_ELEMENT);
        // the parser's next read ended the engagement
        assertThatThrownBy(() -> gate.run(LETTERS)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void skippingPlainTextEightBytesAtATimeStopsAtTheSameByteAsTheTable() throws Exception {
        byte[] table = new byte[256];
        for (int c = 0x20; c < 0x7f; c++) {
            table[c] = 1;
        }
        table['<'] = 0;
        table['&'] = 0;
        table[']'] = 0;
        table['\t'] = 1;
        table['\n'] = 1;
        table['\r'] = 1;
        Random rnd = new Random(8);
        byte[] specials = {'<', '&', ']', 0x1f, 0x7f, (byte) 0x80, (byte) 0xff, 0, '\n', '\t', '\r', 0x20, 0x7e};
        for (int i = 0; i < 3000; i++) {
            byte[] text = new byte[rnd.nextInt(200)];
            for (int k = 0; k < text.length; k++) {
                text[k] = rnd.nextInt(12) == 0 ? specials[rnd.nextInt(specials.length)] : (byte) (0x20 + rnd.nextInt(95));
            }
            int buffer = 1 + rnd.nextInt(50);
            long[] got = new long[2];
            for (int way = 0; way < 2; way++) {
                byte[] doc = concat("<r><Document>".getBytes(StandardCharsets.US_ASCII), text);
                TextBypass gate = new TextBypass(new ByteArrayInputStream(doc), Set.of("Document"), buffer, () -> { });
                XMLStreamReader r = gate.track(HardenedStax.factory(true).createXMLStreamReader(gate));
                r.nextTag();
                r.nextTag();
                assertThat(gate.engage()).isTrue();
                got[way] = way == 0 ? gate.skipPlainText() : gate.skip(table);
            }
            assertThat(got[0]).as("case %d", i).isEqualTo(got[1]);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void randomDocumentsGiveTheSameEventsWithAndWithoutTheBypass() throws Exception {
        Random rnd = new Random(16);
        String[] pieces = {"ABC", "\n", "<!--x-->", "<e/>", "<e>Q</e>", "&amp;", "<![CDATA[Z]]>", "<?p q?>", " ", "é"};
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder("<r>");
            for (int d = 0; d < 3; d++) {
                sb.append("<Document>");
                for (int k = rnd.nextInt(6); k > 0; k--) {
                    sb.append(pieces[rnd.nextInt(pieces.length)]);
                }
                sb.append("</Document>");
                sb.append(pieces[rnd.nextInt(pieces.length)]);
            }
            sb.append("</r>");
            String xml = sb.toString();
            int buffer = 1 + rnd.nextInt(40);
            assertThat(read(xml, buffer, "Document").events()).as(xml + " / " + buffer).isEqualTo(plain(xml));
        }
    }
}
