package org.vigie.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;
import org.vigie.core.Rule;
import org.vigie.core.Rules;

/**
 * One hostile shape of an ITI-41 submission or of its CDA, applied to what {@link XdsSubmissionBuilder} and
 * {@link CdaBuilder} write, for table-driven tests of control 2. Each shape either hides an authorInstitution of
 * another structure ({@code evil}) where a lax reader would still find it, or writes a value two reasonable readers
 * would read differently; {@link #expectedRule()} is the rule a correct validator reports (always an ERROR).
 *
 * <p>Submission-level defects ({@link #cdaLevel()} false) are applied with {@link #apply(String, String)} to the
 * request text; CDA-level ones to the CDA text with {@link #applyToCda(String, String)} ({@link #apply(String, String)}
 * re-encodes the first inline document for them). The shapes expect the builders' defaults: a submission whose first
 * document is {@code doc1} and whose documents have one author each.
 *
 * <pre>{@code
 * for (SubmissionDefect d : SubmissionDefect.values()) {
 *     String xml = d.apply(XdsSubmissionBuilder.provideAndRegister().document("doc1", cda).toXml(), "1920100013");
 *     // validate: d.expectedRule() must be reported as an ERROR
 * }
 * }</pre>
 */
public enum SubmissionDefect {

    // ------------------------------------------------------------------- ambiguous values in the XDS metadata
    /** The entry's authorInstitution {@code Value} also holds a child element carrying the evil XON. */
    VALUE_WITH_CHILD_ELEMENT(Rules.AI_XML, false, (x, evil) -> firstEntryValue(x,
            v -> v + "<code>" + evilXon(evil) + "</code>")),
    /** A {@code Value} nested in the entry's {@code Value}, carrying the evil XON. */
    NESTED_VALUE(Rules.AI_XML, false, (x, evil) -> firstEntryValue(x,
            v -> "<Value>" + evilXon(evil) + "</Value>" + v)),
    /** The whole value sits inside a child element of {@code Value}: a reader of the direct text sees nothing. */
    VALUE_INSIDE_CHILD_ELEMENT(Rules.AI_XML, false, (x, evil) -> firstEntryValue(x, v -> "<b>" + v + "</b>")),
    /** The evil XON as text beside the {@code Value}, directly in {@code ValueList}. */
    TEXT_BESIDE_VALUE(Rules.AI_XML, false, (x, evil) -> replaceAfter(x, "<ExtrinsicObject id=\"doc1\"",
            "<Slot name=\"authorInstitution\"><ValueList>",
            "<Slot name=\"authorInstitution\"><ValueList>" + evilXon(evil))),
    /** XON.10 written with an HL7 hex escape ({@code \X31\} for its first digit). */
    XON_HEX_ESCAPE_IN_IDENTIFIER(Rules.AI_FORMAT, false, (x, evil) -> firstEntryValue(x, v -> {
        int at = v.lastIndexOf('^') + 1;
        return v.substring(0, at) + "\\X" + Integer.toHexString(v.charAt(at)).toUpperCase() + "\\" + v.substring(at + 1);
    })),
    /** XON.7 wrapped in HL7 formatting escapes ({@code \H\IDNST\N\}). */
    XON_ESCAPE_IN_TYPE_CODE(Rules.AI_FORMAT, false, (x, evil) -> firstEntryValue(x,
            v -> v.replace("^IDNST^", "^\\H\\IDNST\\N\\^"))),
    /** The value followed by an ideographic space (U+3000). */
    XON_TRAILING_IDEOGRAPHIC_SPACE(Rules.AI_FORMAT, false, (x, evil) -> firstEntryValue(x, v -> v + "\u3000")),
    /** A no-break space (U+00A0) before XON.10. */
    XON_NBSP_BEFORE_IDENTIFIER(Rules.AI_FORMAT, false, (x, evil) -> firstEntryValue(x,
            v -> v.substring(0, v.lastIndexOf('^') + 1) + "\u00a0" + v.substring(v.lastIndexOf('^') + 1))),
    /** A zero-width space (U+200B) inside XON.10. */
    XON_ZERO_WIDTH_IN_IDENTIFIER(Rules.AI_FORMAT, false, (x, evil) -> firstEntryValue(x,
            v -> v.substring(0, v.length() - 3) + "\u200b" + v.substring(v.length() - 3))),
    /** A second authorInstitution value made of an ideographic space only. */
    SECOND_VALUE_UNICODE_SPACE_ONLY(Rules.AI_FORMAT, false, (x, evil) -> firstEntryValue(x,
            v -> v + "</Value><Value>\u3000")),
    /** A second DocumentEntry.author of doc1, its classificationScheme in upper case, with the evil XON. */
    AUTHOR_SCHEME_UPPER_CASE(Rules.AI_XML, false, (x, evil) -> addEntryAuthor(x,
            XdsSubmissionBuilder.DOC_AUTHOR_SCHEME.toUpperCase(), "doc1", evil)),
    /** A second DocumentEntry.author of doc1, its classificationScheme followed by a no-break space. */
    AUTHOR_SCHEME_TRAILING_NBSP(Rules.AI_XML, false, (x, evil) -> addEntryAuthor(x,
            XdsSubmissionBuilder.DOC_AUTHOR_SCHEME + "\u00a0", "doc1", evil)),
    /** A second slot {@code AuthorInstitution} (case differs) in doc1's author, with the evil XON. */
    SLOT_NAME_CASE(Rules.AI_XML, false, (x, evil) -> replaceAfter(x, "<ExtrinsicObject id=\"doc1\"",
            "<Slot name=\"authorInstitution\">", "<Slot name=\"AuthorInstitution\"><ValueList><Value>" + evilXon(evil)
                    + "</Value></ValueList></Slot><Slot name=\"authorInstitution\">")),
    /** An author classification of doc1 whose classifiedObject carries a trailing space. */
    AUTHOR_OBJECT_TRAILING_SPACE(Rules.AI_XML, false, (x, evil) -> addEntryAuthor(x,
            XdsSubmissionBuilder.DOC_AUTHOR_SCHEME, "doc1 ", evil)),

    // ------------------------------------------------------------------- XDS structure
    /** A second {@code xds:Document} with the id of doc1, carrying the CDA of the evil structure. */
    DUPLICATE_DOCUMENT(Rules.AI_XML, false, (x, evil) -> addDocument(x, "doc1", evil)),
    /** An {@code xds:Document} no entry describes, carrying the CDA of the evil structure. */
    ORPHAN_DOCUMENT(Rules.AI_XML, false, (x, evil) -> addDocument(x, "doc9", evil)),
    /** Every ExtrinsicObject removed: the documents are described by nothing. */
    NO_DOCUMENT_ENTRY(Rules.AI_XML, false, (x, evil) -> x.replaceAll("(?s)<ExtrinsicObject .*?</ExtrinsicObject>", "")),
    /** A second RegistryPackage, classified neither SubmissionSet nor Folder, with a SubmissionSet.author of evil. */
    SECOND_PACKAGE_WITH_AUTHOR(Rules.AI_XML, false, (x, evil) -> x.replaceFirst("</RegistryPackage>",
            "</RegistryPackage><RegistryPackage id=\"Package02\">"
                    + author(XdsSubmissionBuilder.SS_AUTHOR_SCHEME, "Package02", "claEvil", evil) + "</RegistryPackage>")),
    /** A top-level DocumentEntry.author of evil without classifiedObject (schema-required): it classifies nothing. */
    CLASSIFICATION_WITHOUT_CLASSIFIED_OBJECT(Rules.AI_XML, false, (x, evil) -> x.replace("</RegistryObjectList>",
            author(XdsSubmissionBuilder.DOC_AUTHOR_SCHEME, null, "claEvil", evil) + "</RegistryObjectList>")),
    /** A SubmissionSet.author of evil nested in doc1's ExtrinsicObject but naming the SubmissionSet as its object. */
    NESTED_CLASSIFICATION_NAMING_ANOTHER_OBJECT(Rules.AI_XML, false, (x, evil) -> addEntryAuthor(x,
            XdsSubmissionBuilder.SS_AUTHOR_SCHEME, "SubmissionSet01", evil)),
    /** A DocumentEntry of the evil structure nested inside the SubmissionSet's RegistryPackage. */
    ENTRY_NESTED_IN_SUBMISSION_SET(Rules.AI_XML, false, (x, evil) -> x.replaceFirst("</RegistryPackage>",
            "<ExtrinsicObject id=\"doc9\" mimeType=\"text/xml\" objectType=\"urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1\">"
                    + author(XdsSubmissionBuilder.DOC_AUTHOR_SCHEME, "doc9", "claNested", evil)
                    + "</ExtrinsicObject></RegistryPackage>")),
    /** doc1's ExtrinsicObject in a foreign namespace. */
    FOREIGN_NAMESPACE_ENTRY(Rules.AI_XML, false, (x, evil) -> x
            .replaceFirst("<ExtrinsicObject id=\"doc1\"", "<x:ExtrinsicObject xmlns:x=\"urn:vigie:not-ebrim\" id=\"doc1\"")
            .replaceFirst("</ExtrinsicObject>", "</x:ExtrinsicObject>")),

    // ------------------------------------------------------------------- CDA header
    /** An author of the evil structure placed after the body {@code component} (schema-invalid). */
    CDA_AUTHOR_AFTER_BODY(Rules.AI_XML, true, (c, evil) -> c.replace("</ClinicalDocument>",
            cdaAuthor(evil) + "</ClinicalDocument>")),
    /** An author of the evil structure between the body and a second, empty body: defeats a look at the tail only. */
    CDA_AUTHOR_BETWEEN_TWO_BODIES(Rules.AI_XML, true, (c, evil) -> c.replace("</ClinicalDocument>",
            cdaAuthor(evil) + "<component><structuredBody/></component></ClinicalDocument>")),
    /** Text (the evil identifier) inside {@code representedOrganization/id}. */
    CDA_ID_WITH_TEXT(Rules.AI_XML, true, (c, evil) -> c.replaceFirst(
            "(<representedOrganization><id [^>]*)/>", "$1>" + evil + "</id>")),
    /** A child element (carrying the evil identifier) inside {@code representedOrganization/id}. */
    CDA_ID_WITH_CHILD_ELEMENT(Rules.AI_XML, true, (c, evil) -> c.replaceFirst(
            "(<representedOrganization><id [^>]*)/>", "$1><extension>" + evil + "</extension></id>")),
    /** A second id with a nullFlavor and the evil extension. */
    CDA_ID_NULLFLAVOR_WITH_EXTENSION(Rules.AI_XML, true, (c, evil) -> c.replaceFirst("<representedOrganization>",
            "<representedOrganization><id nullFlavor=\"UNK\" root=\"" + CdaBuilder.IDNST_ROOT + "\" extension=\"" + evil
                    + "\"/>")),
    /** An author of the evil structure in a foreign namespace, in the header. */
    CDA_FOREIGN_NAMESPACE_AUTHOR(Rules.AI_XML, true, (c, evil) -> c.replaceFirst("<custodian>",
            cdaAuthor(evil).replace("<", "<x:").replace("<x:/", "</x:")
                    .replaceFirst("<x:author>", "<x:author xmlns:x=\"urn:vigie:not-cda\">") + "<custodian>")),
    /** The organisation id's extension followed by an ideographic space. */
    CDA_EXTENSION_TRAILING_IDEOGRAPHIC_SPACE(Rules.AI_FORMAT, true, (c, evil) -> c.replaceFirst(
            "(<representedOrganization><id [^>]*extension=\"[^\"]*)\"", "$1\u3000\"")),

    // ------------------------------------------------ one rule each (the exact ERROR rules: {@link #errorRules()})
    /** The first entry's author carries no authorInstitution (its slot removed): {@code AI-PRESENT} alone. */
    ENTRY_WITHOUT_AUTHOR_INSTITUTION(Rules.AI_PRESENT, Set.of(), (x, evil) -> replaceAfter(x,
            "<ExtrinsicObject id=\"doc1\"", firstEntrySlot(x), "")),
    /** The first entry's author carries its authorInstitution twice: {@code AI-SINGLE} alone. */
    ENTRY_TWO_VALUES(Rules.AI_SINGLE, Set.of(), (x, evil) -> firstEntryValue(x, v -> v + "</Value><Value>" + v)),
    /**
     * The first entry names another EG of the same legal entity ({@link #SAME_EJ_EG}) than its CDA header:
     * {@code AI-CDA-MATCH}, and {@code AI-CONSISTENT} since the occurrences differ.
     */
    ENTRY_OTHER_EG_THAN_ITS_CDA(Rules.AI_CDA_MATCH, Set.of(Rules.AI_CONSISTENT), (x, evil) -> firstEntryValue(x,
            v -> xon(SubmissionDefect.SAME_EJ_EG))),
    /**
     * The submission set names another EG of the same legal entity ({@link #SAME_EJ_EG}) than the documents:
     * {@code AI-CONSISTENT} alone (under the default policy, where the set may not differ).
     */
    SUBMISSION_SET_OTHER_EG(Rules.AI_CONSISTENT, Set.of(), (x, evil) -> firstSetValue(x, v -> xon(SubmissionDefect.SAME_EJ_EG))),
    /**
     * The first entry names the legal entity itself ({@link #LEGAL_ENTITY}) where an EG is expected:
     * {@code AI-GEOGRAPHIC} (with a directory that knows it), with {@code AI-CDA-MATCH} and {@code AI-CONSISTENT}.
     */
    ENTRY_NAMES_THE_LEGAL_ENTITY(Rules.AI_GEOGRAPHIC, Set.of(Rules.AI_CDA_MATCH, Rules.AI_CONSISTENT),
            (x, evil) -> firstEntryValue(x, v -> xon(SubmissionDefect.LEGAL_ENTITY))),
    /**
     * The first entry names {@code evil}, an EG of another legal entity: {@code AI-SAME-EJ} (with a directory that
     * knows it), with {@code AI-CDA-MATCH} and {@code AI-CONSISTENT}.
     */
    ENTRY_OF_ANOTHER_LEGAL_ENTITY(Rules.AI_SAME_EJ, Set.of(Rules.AI_CDA_MATCH, Rules.AI_CONSISTENT),
            (x, evil) -> firstEntryValue(x, v -> evilXon(evil)));

    /**
     * An EG of the legal entity {@link #LEGAL_ENTITY} other than the one the valid submission names
     * ({@code 1750100125}): the directory of a test must know both as EGs of that EJ.
     */
    public static final String SAME_EJ_EG = "1750803447";
    /** The legal entity (EJ) of the valid submission's EG, as an IdNat_Struct. */
    public static final String LEGAL_ENTITY = "1750712184";

    private final Rule expectedRule;
    private final boolean cdaLevel;
    private final BinaryOperator<String> change;
    private final Set<Rule> errorRules;

    SubmissionDefect(Rule expectedRule, boolean cdaLevel, BinaryOperator<String> change) {
        this.expectedRule = expectedRule;
        this.cdaLevel = cdaLevel;
        this.change = change;
        this.errorRules = null;
    }

    SubmissionDefect(Rule expectedRule, Set<Rule> alsoFiring, BinaryOperator<String> change) {
        this.expectedRule = expectedRule;
        this.cdaLevel = false;
        this.change = change;
        Set<Rule> all = new LinkedHashSet<>();
        all.add(expectedRule);
        all.addAll(alsoFiring);
        this.errorRules = Collections.unmodifiableSet(all);
    }

    /**
     * The exact set of rules a correct validator reports as ERRORs for this defect applied to the valid submission
     * (VIHF of the valid submission's legal entity, a directory that knows {@link #SAME_EJ_EG}, {@link #LEGAL_ENTITY}
     * and {@code evil}), when the defect is that precise: the one-rule defects. Empty for the red-team shapes, which
     * name the rule that must fire but may fire others.
     *
     * @return the ERROR rules, {@link #expectedRule()} included, or empty
     */
    public Optional<Set<Rule>> errorRules() {
        return Optional.ofNullable(errorRules);
    }

    /** @return the rule a correct validator reports, as an ERROR */
    public Rule expectedRule() {
        return expectedRule;
    }

    /** @return true when the defect lives in the CDA document rather than in the XDS metadata */
    public boolean cdaLevel() {
        return cdaLevel;
    }

    /** @return true when only a reader that goes past the CDA body can see the defect */
    public boolean afterCdaBody() {
        return this == CDA_AUTHOR_AFTER_BODY || this == CDA_AUTHOR_BETWEEN_TWO_BODIES;
    }

    /**
     * Applies the defect to a request written by {@link XdsSubmissionBuilder} (for a CDA-level defect: to its first
     * inline document, decoded and re-encoded).
     *
     * @param requestXml the request text
     * @param evil       the IdNat_Struct of another structure the defect hides
     * @return the hostile request
     */
    public String apply(String requestXml, String evil) {
        if (!cdaLevel) {
            return change.apply(requestXml, evil);
        }
        String open = "<ns4:Document id=\"doc1\">";
        int start = requestXml.indexOf(open);
        if (start < 0) {
            throw new IllegalArgumentException("no inline document doc1");
        }
        start += open.length();
        int end = requestXml.indexOf("</ns4:Document>", start);
        String cda = new String(Base64.getMimeDecoder().decode(requestXml.substring(start, end)), StandardCharsets.UTF_8);
        return requestXml.substring(0, start) + Base64.getEncoder().encodeToString(
                applyToCda(cda, evil).getBytes(StandardCharsets.UTF_8)) + requestXml.substring(end);
    }

    /**
     * Applies a CDA-level defect to a document written by {@link CdaBuilder}.
     *
     * @param cdaXml the document text
     * @param evil   the IdNat_Struct of another structure the defect hides
     * @return the hostile document
     * @throws IllegalStateException for a submission-level defect
     */
    public String applyToCda(String cdaXml, String evil) {
        if (!cdaLevel) {
            throw new IllegalStateException(this + " is a submission-level defect");
        }
        String out = change.apply(cdaXml, evil);
        if (out.equals(cdaXml)) {
            throw new IllegalArgumentException(this + " found nothing to change in the document");
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ shapes

    private static String evilXon(String evil) {
        return XdsSubmissionBuilder.xon("AUTRE STRUCTURE", evil).replace("&", "&amp;");
    }

    /** Rewrites the first authorInstitution value of doc1 (as written, XML-escaped). */
    private static String firstEntryValue(String x, java.util.function.UnaryOperator<String> f) {
        int entry = x.indexOf("<ExtrinsicObject id=\"doc1\"");
        String open = "<Slot name=\"authorInstitution\"><ValueList><Value>";
        int start = x.indexOf(open, entry);
        if (entry < 0 || start < 0) {
            throw new IllegalArgumentException("no authorInstitution value for doc1");
        }
        start += open.length();
        int end = x.indexOf("</Value>", start);
        return x.substring(0, start) + f.apply(x.substring(start, end)) + x.substring(end);
    }

    private static String xon(String id) {
        return XdsSubmissionBuilder.xon("CH TEST", id).replace("&", "&amp;");
    }

    /** The first authorInstitution slot of doc1, as written. */
    private static String firstEntrySlot(String x) {
        int entry = x.indexOf("<ExtrinsicObject id=\"doc1\"");
        int start = x.indexOf("<Slot name=\"authorInstitution\">", entry);
        if (entry < 0 || start < 0) {
            throw new IllegalArgumentException("no authorInstitution slot for doc1");
        }
        return x.substring(start, x.indexOf("</Slot>", start) + "</Slot>".length());
    }

    /** Rewrites the first authorInstitution value of the submission set (as written, XML-escaped). */
    private static String firstSetValue(String x, java.util.function.UnaryOperator<String> f) {
        int set = x.indexOf("<RegistryPackage ");
        String open = "<Slot name=\"authorInstitution\"><ValueList><Value>";
        int start = x.indexOf(open, set);
        int end = x.indexOf("</RegistryPackage>", set);
        if (set < 0 || start < 0 || start > end) {
            throw new IllegalArgumentException("no authorInstitution value for the submission set");
        }
        start += open.length();
        int close = x.indexOf("</Value>", start);
        return x.substring(0, start) + f.apply(x.substring(start, close)) + x.substring(close);
    }

    private static String replaceAfter(String x, String anchor, String target, String replacement) {
        int a = x.indexOf(anchor);
        int t = x.indexOf(target, a);
        if (a < 0 || t < 0) {
            throw new IllegalArgumentException("nothing to change: " + target);
        }
        return x.substring(0, t) + replacement + x.substring(t + target.length());
    }

    private static String author(String scheme, String object, String id, String evil) {
        return "<Classification classificationScheme=\"" + scheme + "\""
                + (object == null ? "" : " classifiedObject=\"" + object + "\"") + " id=\"" + id
                + "\" nodeRepresentation=\"\"><Slot name=\"authorInstitution\"><ValueList><Value>" + evilXon(evil)
                + "</Value></ValueList></Slot></Classification>";
    }

    private static String addEntryAuthor(String x, String scheme, String object, String evil) {
        return replaceAfter(x, "<ExtrinsicObject id=\"doc1\"", "<Classification ",
                author(scheme, object, "claEvil", evil) + "<Classification ");
    }

    private static String addDocument(String x, String id, String evil) {
        byte[] cda = CdaBuilder.ciSis().author("AUTRE STRUCTURE", evil).toBytes();
        return x.replace("</ns4:ProvideAndRegisterDocumentSetRequest>", "<ns4:Document id=\"" + id + "\">"
                + Base64.getEncoder().encodeToString(cda) + "</ns4:Document></ns4:ProvideAndRegisterDocumentSetRequest>");
    }

    private static String cdaAuthor(String evil) {
        return "<author><time value=\"20260101120000+0100\"/><assignedAuthor><id root=\"1.2.250.1.71.4.2.1\" "
                + "extension=\"801234567890\"/><representedOrganization><id root=\"" + CdaBuilder.IDNST_ROOT
                + "\" extension=\"" + evil + "\"/><name>AUTRE STRUCTURE</name></representedOrganization>"
                + "</assignedAuthor></author>";
    }
}
