package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link XmlLimits#toString} is written out (cold start, issue 16) and must stay the record's generated text. */
class XmlLimitsToStringTest {

    /** The same components, generated toString. */
    record XmlLimits(int maxDepth, int maxAttributeLength, int maxTextLength, int maxElements,
                     long maxMetadataBytes, long maxHeaderBytes, long maxEventBytes) {
    }

    @Test
    void textIsTheRecordOne() {
        org.vigie.cda.XmlLimits d = org.vigie.cda.XmlLimits.defaults();
        org.vigie.cda.XmlLimits l = d.withMaxDepth(9).withMaxEventBytes(123_456_789_012L);
        for (org.vigie.cda.XmlLimits x : new org.vigie.cda.XmlLimits[] {d, l}) {
            assertThat(x.toString()).isEqualTo(new XmlLimits(x.maxDepth(), x.maxAttributeLength(), x.maxTextLength(),
                    x.maxElements(), x.maxMetadataBytes(), x.maxHeaderBytes(), x.maxEventBytes()).toString());
        }
        assertThat(l.toString()).startsWith("XmlLimits[maxDepth=9, ").endsWith(", maxEventBytes=123456789012]");
    }
}
