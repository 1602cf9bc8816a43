package org.vigie.cda.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.vigie.core.internal.limits.HardenedStax;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decoding the base64 text of an element to its last byte, for every padding: the last byte of a {@code ==} group
 * (one byte from two characters) was wrong, unseen while only the CDA header (never the end) was decoded. The
 * expected bytes come from the JDK's decoder.
 */
class Base64TextStreamTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"A", "AB", "ABC", "</ClinicalDocument>", "</ClinicalDocument>\n", "é€𝄞", ""})
    void decodesToTheLastByteWhateverThePadding(String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String b64 = Base64.getMimeEncoder(8, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes);
        XMLStreamReader r = HardenedStax.open(new ByteArrayInputStream(("<d>" + b64 + " </d>").getBytes(StandardCharsets.UTF_8)), true);
        r.nextTag();
        int ev = r.next();
        if (text.isEmpty()) {
            assertThat(ev == XMLStreamConstants.END_ELEMENT || ev == XMLStreamConstants.CHARACTERS).isTrue();
            return;
        }
        assertThat(ev).isEqualTo(XMLStreamConstants.CHARACTERS);
        Base64TextStream in = new Base64TextStream(r, true, () -> { });
        assertThat(in.readAllBytes()).isEqualTo(Base64.getMimeDecoder().decode(b64));
        assertThat(in.ended()).isTrue();
    }
}
