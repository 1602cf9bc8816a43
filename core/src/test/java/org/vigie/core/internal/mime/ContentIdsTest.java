package org.vigie.core.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one Content-ID matcher (RFC 2392: the cid: URL %-decoded, compared exactly with the Content-ID without angle
 * brackets; a bare reference is taken as the Content-ID, as CXF's {@code AttachmentUtil} does), moved here from cda
 * with the same assertions; cda's {@code ContentIdsTest} checks its public delegate. CXF's own resolution of the same
 * shapes is checked in dmp's {@code MimeAmbiguityTest}.
 */
class ContentIdsTest {

    @ParameterizedTest(name = "href {0} names Content-ID {1}: {2}")
    @CsvSource({
        "cid:doc1@vigie, doc1@vigie, true",
        "CID:doc1@vigie, doc1@vigie, true",
        "cid:doc1%40vigie, doc1@vigie, true",
        "cid:doc%201%40vigie, doc 1@vigie, true",
        "cid:caf%C3%A9, café, true",
        "cid:DOC1@vigie, doc1@vigie, false",
        "cid:doc1@vigie, doc1@Vigie, false",
        "cid:doc1, doc2, false",
        "doc1@vigie, doc1@vigie, true",
        "doc1%40vigie, doc1@vigie, false",
        "cid:doc 1@vigie, doc 1@vigie, false",
        "cid:doc1%4, doc1%4, false",
        "cid:%FF, \u00ff, false",
        "http://evil/doc1, http://evil/doc1, false",
        "cid:, '', false"})
    void hrefsAreResolvedAsRfc2392Says(String href, String contentId, boolean expected) {
        assertThat(ContentIds.matches(href, contentId)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "cid:doc 1@vigie     | espace",
        "cid:doc1%zz         | échappement",
        "cid:doc1%4          | échappement",
        "cid:a<b>            | interdit",
        "cid:a\"b            | interdit",
        "cid:%C3%28          | UTF-8",
        "cid:                | aucun Content-ID",
        "https://host/doc    | hors du message"})
    void invalidHrefsSayWhy(String href, String why) {
        assertThat(ContentIds.problem(href)).hasValueSatisfying(m -> assertThat(m).contains(why));
        assertThat(ContentIds.ofHref(href)).isEmpty();
    }

    @Test
    void validHrefsHaveNoProblemAndHeadersLoseTheirBrackets() {
        assertThat(ContentIds.problem("cid:Doc01@vigie.test")).isEmpty();
        assertThat(ContentIds.problem("cid:a-b._~!$&'()*+,;=:@/?")).isEmpty();
        assertThat(ContentIds.ofHeader(" <doc1@vigie> ")).isEqualTo("doc1@vigie");
        assertThat(ContentIds.ofHeader("doc1@vigie")).isEqualTo("doc1@vigie");
        assertThat(ContentIds.key("<doc1@vigie>")).contains("doc1@vigie");
        assertThat(ContentIds.key("cid:doc1%40vigie")).contains("doc1@vigie");
        assertThat(ContentIds.key("cid:doc 1")).isEmpty();
    }

    @ParameterizedTest(name = "Content-ID {0} as CXF decodes it: {1}")
    @CsvSource({
        "doc1@vigie, doc1@vigie",
        "doc1%40vigie, doc1@vigie",
        "cid:doc1@vigie, doc1@vigie",
        "doc+1@vigie, doc 1@vigie",
        "caf%C3%A9, café",
        "doc1%4, doc1%4",
        "CID:doc1, CID:doc1"})
    void cxfDecodesTheContentIdItself(String contentId, String expected) {
        assertThat(ContentIds.asCxfDecodes(contentId)).isEqualTo(expected);
    }
}
