package org.vigie.saml.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The allocation cuts of the uncached control-1 path (issue 16) give what the code they replace gave: the lazy
 * element walk lists {@link Xml#subtree}, the one-text-node shortcut of {@link Xml#text} is the concatenation, the
 * filtered base64 octets decode as the stripped text did, and {@link ExcC14n}'s per-thread scratch state never leaks
 * from one call to the next (after a refusal, from inside a sink, with DOM level 1 nodes), Santuario being the
 * reference of every canonical form.
 */
class HotPathScratchTest {

    private static byte[] vihf() {
        return DirectVerifierFuzzTest.token().inclusiveNamespaces("ds saml2 #default xsi xs").toBytes();
    }

    @Test
    void theLazyElementWalkIsTheSubtreeList() {
        Element root = DirectVerifierFuzzTest.parsed(vihf());
        List<Element> every = Xml.subtree(root);
        assertThat(every.size()).isGreaterThan(20);
        for (Element apex : every) {
            List<Element> lazy = new ArrayList<>();
            Xml.elements(apex).forEach(lazy::add);
            assertThat(lazy).as(apex.getNodeName()).containsExactlyElementsOf(Xml.subtree(apex));
        }
        Element single = DirectVerifierFuzzTest.parsed("<a/>".getBytes(StandardCharsets.UTF_8));
        assertThat(Xml.elements(single)).containsExactly(single);
        var it = Xml.elements(single).iterator();
        it.next();
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void theTextShortcutIsTheConcatenationOfTheTextNodes() {
        for (String xml : List.of("<v/>", "<v>abc</v>", "<v><![CDATA[a<b]]></v>", "<v>ab<!--x-->cd</v>",
                "<v><!--only a comment--></v>", "<v><?pi data?></v>", "<v>a<i>b<j>c</j></i>d</v>", "<v><i/></v>",
                "<v>a<![CDATA[b]]>c</v>", "<v>  </v>")) {
            Element v = DirectVerifierFuzzTest.parsed(xml.getBytes(StandardCharsets.UTF_8));
            assertThat(Xml.text(v)).as(xml).isEqualTo(concatenation(v));
        }
        Element v = DirectVerifierFuzzTest.parsed("<v>ab<!--x-->cd</v>".getBytes(StandardCharsets.UTF_8));
        assertThat(Xml.text(v)).isEqualTo("abcd"); // a comment never truncates a value
    }

    /** The general definition: every text and CDATA node of the subtree, in document order. */
    private static String concatenation(Node n) {
        StringBuilder sb = new StringBuilder();
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(c.getNodeValue());
            } else if (c.getNodeType() == Node.ELEMENT_NODE) {
                sb.append(concatenation(c));
            }
        }
        return sb.toString();
    }

    @Test
    void theFilteredBase64OctetsDecodeAsTheStrippedText() {
        String cert = Base64.getMimeEncoder().encodeToString(encoded());
        List<String> cases = List.of(cert, "\n  " + cert + "\n", cert.replace("\r\n", "\n"), "", "   ", "QUJD",
                "QUJD\n", "QU JD", "QUI=", "QUI", "QQ==", "QQ=", "Q", "QU=JD", "QUJD=", "QUJD====", "QUJ\u00e9D",
                "QUJ\u4e2dD", "QUJ?D", "QU\tJ\rD", "@@@@", "QUJD\u00a0", "QUJD-_", "QUJDRA==\nRUY=", "====");
        for (String s : cases) {
            byte[] expected;
            String expectedError = null;
            try {
                expected = Base64.getMimeDecoder().decode(s.strip());
            } catch (IllegalArgumentException e) {
                expected = null;
                expectedError = "refused";
            }
            byte[] actual;
            String actualError = null;
            try {
                ByteBuffer b = Base64.getMimeDecoder().decode(SignatureVerifier.base64Octets(s));
                actual = new byte[b.remaining()];
                b.get(actual);
            } catch (IllegalArgumentException e) {
                actual = null;
                actualError = "refused";
            }
            assertThat(actualError).as("'%s'", s).isEqualTo(expectedError);
            assertThat(actual).as("'%s'", s).isEqualTo(expected);
        }
    }

    private static byte[] encoded() {
        try {
            return DirectVerifierFuzzTest.SIGN.certificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theCanonicaliserStartsCleanAfterARefusalAndFromInsideASink() throws Exception {
        Element good = DirectVerifierFuzzTest.parsed(vihf());
        byte[] first = ours(good, Set.of());
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(santuario(good, ""));
        // a relative namespace URI deep inside: refused half-way, with scopes and rendered namespaces left open
        Element bad = DirectVerifierFuzzTest.parsed(("<a:r xmlns:a=\"urn:a\" xmlns:b=\"urn:b\"><b:x><b:y>t</b:y>"
                + "<c:z xmlns:c=\"rel\"/></b:x></a:r>").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ours(bad, Set.of("a", "b", ""))).isInstanceOf(ExcC14n.Unsupported.class);
        assertThat(ours(good, Set.of())).isEqualTo(first);
        for (String list : new String[] {"#default", "ds saml2 #default xsi"}) {
            Set<String> prefixes = new java.util.HashSet<>();
            for (String p : list.split(" ")) {
                prefixes.add(p.equals("#default") ? "" : p);
            }
            assertThat(new String(ours(good, prefixes), StandardCharsets.UTF_8)).as(list).isEqualTo(santuario(good, list));
        }
        // a sink that canonicalises another subtree while the first call is under way
        Element signedInfo = Xml.child(Xml.child(good, Xml.DSIG, "Signature"), Xml.DSIG, "SignedInfo");
        byte[] inner = ours(signedInfo, Set.of());
        ByteArrayOutputStream outer = new ByteArrayOutputStream();
        List<byte[]> nested = new ArrayList<>();
        ExcC14n.canonicalize(good, null, Set.of(), (b, off, len) -> {
            outer.write(b, off, len);
            if (nested.isEmpty()) {
                try {
                    nested.add(ours(signedInfo, Set.of()));
                } catch (ExcC14n.Unsupported e) {
                    throw new AssertionError(e);
                }
            }
        });
        assertThat(outer.toByteArray()).isEqualTo(first);
        assertThat(nested).hasSize(1);
        assertThat(nested.get(0)).isEqualTo(inner);
    }

    @Test
    void domLevelOneNodesKeepTheirNameAndHaveNoPrefix() throws Exception {
        // p is rendered on the root; a level 1 element named p:old has no prefix (Node.getPrefix() is null): no
        // xmlns:p="" undeclaration is rendered for it, as the code before the scratch state did
        Document d = SecureXml.newDocument();
        Element root = d.createElementNS("urn:p", "p:root");
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:p", "urn:p");
        d.appendChild(root);
        Element level1 = d.createElement("p:old"); // no namespace, a colon in its name
        level1.setAttribute("p:att", "v");
        root.appendChild(level1);
        Element child = d.createElementNS("urn:p", "p:child");
        level1.appendChild(child);
        assertThat(level1.getPrefix()).isNull();
        for (Set<String> list : List.of(Set.<String>of(), Set.of("p", ""))) {
            assertThat(new String(ours(root, list), StandardCharsets.UTF_8)).as("list %s", list)
                    .isEqualTo("<p:root xmlns:p=\"urn:p\"><p:old p:att=\"v\"><p:child></p:child></p:old></p:root>");
        }
    }

    private static byte[] ours(Element e, Set<String> prefixes) throws ExcC14n.Unsupported {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExcC14n.canonicalize(e, null, prefixes, out::write);
        return out.toByteArray();
    }

    private static String santuario(Element e, String list) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(e, list, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
