package org.vigie.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.vigie.testkit.internal.Xml;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * The built VIHF and submission follow the official ANS examples of {@code ../shared/testdata}: element order,
 * namespaces, attribute names and the structural attribute values (Attribute names, algorithms, formats, schemes).
 */
class AnsExampleStructureTest {

    static Path testdata() {
        String p = System.getProperty("vigie.testdata");
        assumeTrue(p != null && Files.isDirectory(Path.of(p)),
                "shared test data absent (system property vigie.testdata): ANS comparison skipped");
        return Path.of(p);
    }

    static Element read(Path file) throws IOException {
        assumeTrue(Files.isRegularFile(file), "missing " + file);
        return Xml.parse(Files.readAllBytes(file)).getDocumentElement();
    }

    /** One line per element, depth-first: depth, namespace, local name, attribute names, structural values. */
    static List<String> skeleton(Element e) {
        List<String> out = new ArrayList<>();
        skeleton(e, 0, out);
        return out;
    }

    private static void skeleton(Element e, int depth, List<String> out) {
        TreeSet<String> attrs = new TreeSet<>();
        NamedNodeMap m = e.getAttributes();
        for (int i = 0; i < m.getLength(); i++) {
            Attr a = (Attr) m.item(i);
            if (!Xml.XMLNS.equals(a.getNamespaceURI())) {
                attrs.add((a.getNamespaceURI() == null ? "" : "{" + a.getNamespaceURI() + "}") + a.getLocalName());
            }
        }
        StringBuilder b = new StringBuilder().append(depth).append(' ').append('{').append(e.getNamespaceURI()).append('}')
                .append(e.getLocalName()).append(' ').append(attrs);
        for (String structural : List.of("Name", "Algorithm", "Format")) {
            if (e.hasAttribute(structural)) {
                b.append(' ').append(structural).append('=').append(e.getAttribute(structural));
            }
        }
        if (e.hasAttributeNS(Xml.XSI, "type")) {
            b.append(" xsi:type=").append(e.getAttributeNS(Xml.XSI, "type"));
        }
        out.add(b.toString());
        for (Element c : Dom.children(e, null)) {
            skeleton(c, depth + 1, out);
        }
    }

    @Test
    void vihfHasTheSkeletonOfTheAnsIndirectExample() throws IOException {
        Element ans = read(testdata().resolve("vihf/ANS-DMP-exemple_VIHF_INDIRECTE_sign.xml"));
        OrgCredential sign = TestPki.shared().signature("339172288100052");
        // same algorithms (SHA-1), no InclusiveNamespaces and the "Authentification_mode" spelling of the example
        Element ours = VihfBuilder.indirect(sign).sha1().inclusiveNamespaces(null)
                .breaking(VihfDefect.AUTH_MODE_SPELLING).toDocument().getDocumentElement();
        assertThat(skeleton(ours)).containsExactlyElementsOf(skeleton(ans));
    }

    @Test
    void renforceeVihfHasTheSkeletonOfTheAnsIndirecteRenforceeExample() throws IOException {
        Element ans = read(testdata().resolve("vihf/ANS-DMP-exemple_VIHF_INDIRECTE_RENFORCEE_sign.xml"));
        Element ours = VihfBuilder.indirect(TestPki.shared().signature("10B0127189")).sha1().inclusiveNamespaces(null)
                .authMode("INDIRECTE_RENFORCEE").authnContextDecl("urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI")
                .role("10", "1.2.250.1.71.1.2.7", "professions", "Médecin")
                .role("SM26", "1.2.250.1.71.4.2.5", "specialites RPPS", "Qualifié en Médecine Générale (SM)")
                .breaking(VihfDefect.AUTH_MODE_SPELLING).toDocument().getDocumentElement();
        assertThat(skeleton(ours)).containsExactlyElementsOf(skeleton(ans));
    }

    @Test
    void defaultVihfDiffersFromTheExampleOnlyWhereTheProfileSaysSo() throws IOException {
        Element ans = read(testdata().resolve("vihf/ANS-DMP-exemple_VIHF_INDIRECTE_sign.xml"));
        Element ours = VihfBuilder.indirect(TestPki.shared().signature("339172288100052")).toDocument().getDocumentElement();
        List<String> a = skeleton(ans);
        List<String> o = skeleton(ours);
        List<String> onlyOurs = new ArrayList<>(o);
        onlyOurs.removeAll(a);
        List<String> onlyAns = new ArrayList<>(a);
        onlyAns.removeAll(o);
        assertThat(String.join("\n", onlyOurs)).contains("rsa-sha256", "xmlenc#sha256", "InclusiveNamespaces",
                "Name=Authentification_Mode");
        assertThat(onlyOurs).hasSize(4);
        assertThat(String.join("\n", onlyAns)).contains("rsa-sha1", "xmldsig#sha1", "Name=Authentification_mode");
        assertThat(onlyAns).hasSize(3);
    }

    static Element request(Element envelopeOrRequest) {
        return Dom.descendants(envelopeOrRequest, XdsSubmissionBuilder.XDS, "ProvideAndRegisterDocumentSetRequest").isEmpty()
                ? envelopeOrRequest
                : Dom.descendants(envelopeOrRequest, XdsSubmissionBuilder.XDS, "ProvideAndRegisterDocumentSetRequest").get(0);
    }

    static List<String> names(List<Element> elements) {
        return elements.stream().map(e -> "{" + e.getNamespaceURI() + "}" + e.getLocalName()).toList();
    }

    static List<String> schemes(Element owner) {
        List<String> out = new ArrayList<>();
        for (Element c : Dom.children(owner, null)) {
            String s = c.hasAttribute("classificationScheme") ? c.getAttribute("classificationScheme")
                    : c.hasAttribute("classificationNode") ? "node:" + c.getAttribute("classificationNode")
                    : c.getAttribute("identificationScheme");
            if (!s.isEmpty()) {
                out.add(c.getLocalName() + " " + s);
            }
        }
        return out;
    }

    static List<String> slotNames(Element owner) {
        return Dom.children(owner, "Slot").stream().map(s -> s.getAttribute("name")).toList();
    }

    @Test
    void submissionFollowsTheAnsTd21Request() throws IOException {
        Element ansEnvelope = read(testdata().resolve("xds/ANS-DMP-exemple_TD2.1_Alimentation_requete.soap-part.xml"));
        Element ans = request(ansEnvelope);
        Element ours = Xml.parse(XdsSubmissionBuilder.provideAndRegister()
                .document("DocumentME2", CdaBuilder.ciSis().author("CABINET DR LIBRE", "499900063480001")).xop()
                .toXml()).getDocumentElement();

        assertThat(ours.getNamespaceURI()).isEqualTo(ans.getNamespaceURI());
        assertThat(ours.getLocalName()).isEqualTo(ans.getLocalName());
        assertThat(declaredNamespaces(ours)).isEqualTo(declaredNamespaces(ans));
        assertThat(names(Dom.children(ours, null))).containsExactlyElementsOf(
                names(Dom.children(ans, null)).subList(0, 2)); // SubmitObjectsRequest, Document (ANS has 2 documents)

        Element ansList = Dom.child(Dom.child(ans, "SubmitObjectsRequest"), "RegistryObjectList");
        Element ourList = Dom.child(Dom.child(ours, "SubmitObjectsRequest"), "RegistryObjectList");
        assertThat(names(Dom.children(ourList, null)).stream().distinct().toList())
                .isEqualTo(names(Dom.children(ansList, null)).stream().distinct().toList());

        Element ansSs = Dom.child(ansList, "RegistryPackage");
        Element ourSs = Dom.child(ourList, "RegistryPackage");
        assertThat(names(Dom.children(ourSs, null))).isEqualTo(names(Dom.children(ansSs, null)));
        assertThat(schemes(ourSs)).isEqualTo(schemes(ansSs));
        assertThat(slotNames(ourSs)).isEqualTo(slotNames(ansSs));

        Element ansDoc = Dom.children(ansList, "ExtrinsicObject").get(0);
        Element ourDoc = Dom.children(ourList, "ExtrinsicObject").get(0);
        assertThat(attributeNames(ourDoc)).isEqualTo(attributeNames(ansDoc));
        assertThat(ourDoc.getAttribute("objectType")).isEqualTo(ansDoc.getAttribute("objectType"));
        assertThat(slotNames(ourDoc)).isEqualTo(slotNames(ansDoc));
        assertThat(schemes(ourDoc)).isEqualTo(schemes(ansDoc));
        assertThat(names(Dom.children(ourDoc, null)).stream().distinct().toList())
                .isEqualTo(names(Dom.children(ansDoc, null)).stream().distinct().toList());

        for (Element[] pair : List.of(
                new Element[]{Dom.classifications(ansSs, XdsSubmissionBuilder.SS_AUTHOR_SCHEME).get(0),
                    Dom.classifications(ourSs, XdsSubmissionBuilder.SS_AUTHOR_SCHEME).get(0)},
                new Element[]{Dom.classifications(ansDoc, XdsSubmissionBuilder.DOC_AUTHOR_SCHEME).get(0),
                    Dom.classifications(ourDoc, XdsSubmissionBuilder.DOC_AUTHOR_SCHEME).get(0)})) {
            // the ANS slots appear in the same order among ours (we add authorRole and authorTelecommunication)
            List<String> ourSlots = new ArrayList<>(slotNames(pair[1]));
            ourSlots.retainAll(slotNames(pair[0]));
            assertThat(ourSlots).isEqualTo(slotNames(pair[0]));
            // the XON shapes agree
            String ansXon = Dom.slot(pair[0], "authorInstitution").get(0);
            String ourXon = Dom.slot(pair[1], "authorInstitution").get(0);
            assertThat(ourXon).isEqualTo(ansXon);
        }

        Element ansAssoc = Dom.children(ansList, "Association").get(0);
        Element ourAssoc = Dom.children(ourList, "Association").get(0);
        assertThat(attributeNames(ourAssoc)).isEqualTo(attributeNames(ansAssoc));
        assertThat(ourAssoc.getAttribute("associationType")).isEqualTo(ansAssoc.getAttribute("associationType"));
        assertThat(slotNames(ourAssoc)).isEqualTo(slotNames(ansAssoc));

        Element ansDocument = Dom.children(ans, "Document").get(0);
        Element ourDocument = Dom.children(ours, "Document").get(0);
        assertThat(attributeNames(ourDocument)).isEqualTo(attributeNames(ansDocument));
        assertThat(names(Dom.children(ourDocument, null))).isEqualTo(names(Dom.children(ansDocument, null)));
        assertThat(Dom.child(ourDocument, "Include").getAttribute("href")).startsWith("cid:");
    }

    static TreeSet<String> attributeNames(Element e) {
        TreeSet<String> out = new TreeSet<>();
        NamedNodeMap m = e.getAttributes();
        for (int i = 0; i < m.getLength(); i++) {
            Attr a = (Attr) m.item(i);
            if (!Xml.XMLNS.equals(a.getNamespaceURI())) {
                out.add(a.getName());
            }
        }
        return out;
    }

    static TreeSet<String> declaredNamespaces(Element e) {
        TreeSet<String> out = new TreeSet<>();
        NamedNodeMap m = e.getAttributes();
        for (int i = 0; i < m.getLength(); i++) {
            Attr a = (Attr) m.item(i);
            if (Xml.XMLNS.equals(a.getNamespaceURI())) {
                out.add(a.getName() + "=" + a.getValue());
            }
        }
        return out;
    }
}
