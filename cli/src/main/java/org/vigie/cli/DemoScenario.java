package org.vigie.cli;

import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.vigie.cli.DemoArtifacts.Doc;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.CertSpec;
import org.vigie.testkit.DmpMessageBuilder;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.TestPki;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.VihfDefect;
import org.vigie.testkit.XdsSubmissionBuilder;

/**
 * The demo's data, all built in memory with the test kit: a test PKI, a small FINESS directory (a public EJ with
 * three EGs, a private clinic, a GHT of two EJs), one compliant feeding request, a consultation and a gallery of
 * non-compliant requests (at least one per rule family). Deterministic for a given instant: fixed seed, PKI anchored
 * the day before the instant, tokens issued 30 s before it. {@code vigie demo} uses the fixed {@link #AT} (its
 * files replay with {@code --at} on any day); {@code vigie serve --demo-pki} builds the scenario at the current
 * instant, so that its PKI and requests are valid when the server judges them at "now", whatever the day.
 */
final class DemoScenario {

    /** The evaluation instant of {@code vigie demo} (every case is judged at this instant). */
    static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    static final long SEED = 20260302L;

    /** One structure of the directory. */
    record Structure(String finess, String ej, String name, String category, String categoryLabel, String statut,
                     String departement) {
        String idNat() {
            return "1" + finess;
        }
    }

    /** The directory files of most cases, relative to the demo folder: the etalab EG extract and the EJ extract. */
    static final List<String> BOTH_EXTRACTS = List.of("finess/demo-etalab.csv", "finess/demo-ej.csv");
    /** The etalab EG extract alone (no EJ record: the EJs are known through their EGs). */
    static final List<String> EG_EXTRACT_ONLY = List.of("finess/demo-etalab.csv");

    /**
     * One demo case: the request, the TLS certificate, the directory files it is checked with and what the verdict
     * must be.
     */
    record Case(String id, String family, String title, boolean expectAccepted, String expectedRule,
                OrgCredential tls, byte[] message, String contentType, List<String> directory) {

        /** A case checked with both extracts. */
        Case(String id, String family, String title, boolean expectAccepted, String expectedRule,
             OrgCredential tls, byte[] message, String contentType) {
            this(id, family, title, expectAccepted, expectedRule, tls, message, contentType, BOTH_EXTRACTS);
        }

        /** @return this case checked with other directory files */
        Case withDirectory(List<String> files) {
            return new Case(id, family, title, expectAccepted, expectedRule, tls, message, contentType, List.copyOf(files));
        }
    }

    // the directory: numbers with a valid FINESS (Luhn) key
    static final Structure CHU = ej("75001000", "CHU DE DEMOVILLE", "13", "75");
    static final Structure CHU_A = eg("75001001", CHU, "CHU DE DEMOVILLE - SITE NORD", "101", "Centre Hospitalier Régional");
    static final Structure CHU_B = eg("75001002", CHU, "CHU DE DEMOVILLE - SITE SUD", "101", "Centre Hospitalier Régional");
    static final Structure CHU_C = eg("75001003", CHU, "CHU DE DEMOVILLE - USLD", "101", "Centre Hospitalier Régional");
    static final Structure CLINIC = ej("69002000", "SAS CLINIQUE DU PARC", "73", "69");
    static final Structure CLINIC_A = eg("69002001", CLINIC, "CLINIQUE DU PARC", "365", "Etablissement de Soins Pluridisciplinaire");
    static final Structure GHT_1 = ej("21003000", "CENTRE HOSPITALIER DE L'EST", "13", "21");
    static final Structure GHT_1A = eg("21003001", GHT_1, "CH DE L'EST", "355", "Centre Hospitalier (C.H.)");
    static final Structure GHT_2 = ej("21004000", "CENTRE HOSPITALIER DU NORD", "13", "21");
    static final Structure GHT_2A = eg("21004001", GHT_2, "CH DU NORD", "355", "Centre Hospitalier (C.H.)");
    static final List<Structure> EJS = List.of(CHU, CLINIC, GHT_1, GHT_2);
    static final List<Structure> EGS = List.of(CHU_A, CHU_B, CHU_C, CLINIC_A, GHT_1A, GHT_2A);

    /** The instant this scenario's tokens are issued for (30 s before) and its PKI anchored on (one day before). */
    final Instant at;
    final TestPki pki;
    final OrgCredential auth;
    final OrgCredential sign;

    /** The scenario of {@code vigie demo}, at {@link #AT}. */
    DemoScenario() {
        this(AT);
    }

    /**
     * The same demo at another instant: {@code vigie serve --demo-pki} builds it at start-up, so that its canned
     * requests are fresh when served (a VIHF older than the policy's maximum token age is rejected).
     *
     * @param at the instant the requests will be judged at (seconds precision is enough)
     */
    DemoScenario(Instant at) {
        this.at = at;
        this.pki = TestPki.create(SEED, at.minus(Duration.ofDays(1)));
        this.auth = pki.authentication(CHU.idNat());
        this.sign = pki.signature(CHU.idNat());
    }

    List<Case> cases() {
        List<Case> c = new ArrayList<>();
        String ai = XdsSubmissionBuilder.xon(CHU_A.name(), CHU_A.idNat());
        List<Doc> docs = List.of(doc("DocumentCR1", CHU_A), doc("DocumentCR2", CHU_A));
        // compliant
        c.add(feeding("01-conforme-mtom", "—", "alimentation conforme (MTOM, 2 documents, EG de l'EJ)", true, null,
                auth, vihf(b -> b), List.of(ai), docs, true, docs));
        c.add(feeding("02-conforme-inline", "—", "alimentation conforme (SOAP simple, documents en base64)", true, null,
                auth, vihf(b -> b), List.of(ai), docs, false, docs));
        c.add(new Case("03-consultation", "—", "recherche ITI-18 : contrôle 1 seul", true, null, auth,
                utf8(DemoArtifacts.envelope(DemoArtifacts.ITI18, vihf(b -> b).toSecurityHeaderXml(), DemoArtifacts.query())),
                "application/soap+xml; charset=UTF-8"));
        // certificates
        c.add(feeding("04-cert-expire", "certificat", "certificat TLS expiré", false, "CERT-TRUST",
                pki.issue(CertSpec.authentication(CHU.idNat()).expired()), vihf(b -> b), List.of(ai), docs, true, docs));
        c.add(feeding("05-cert-revoque", "certificat", "certificat TLS révoqué (CRL)", false, "CERT-TRUST",
                pki.issue(CertSpec.authentication(CHU.idNat()).revoked()), vihf(b -> b), List.of(ai), docs, true, docs));
        c.add(feeding("06-cert-cachet-en-tls", "certificat", "certificat de cachet utilisé en TLS", false, "CERT-AUTH-PROFILE",
                sign, vihf(b -> b), List.of(ai), docs, true, docs));
        // signature and wrapping
        c.add(feeding("07-vihf-non-signe", "signature", "jeton VIHF sans signature", false, "VIHF-SIGNED",
                auth, vihf(VihfBuilder::unsigned), List.of(ai), docs, true, docs));
        c.add(feeding("08-vihf-modifie", "signature", "jeton modifié après signature", false, "VIHF-SIGNATURE",
                auth, vihf(b -> b.breaking(VihfDefect.SIGNATURE_DIGEST)), List.of(ai), docs, true, docs));
        c.add(feeding("09-vihf-xsw", "emballage", "attaque par emballage de signature (XSW)", false, "VIHF-SIGNATURE",
                auth, vihf(b -> b.breaking(VihfDefect.XSW4)), List.of(ai), docs, true, docs));
        c.add(feeding("10-vihf-signe-par-un-tiers", "signature", "jeton signé par un certificat hors IGC", false, "CERT-TRUST",
                auth, vihf(b -> b.breaking(VihfDefect.ATTACKER_SIGNED)), List.of(ai), docs, true, docs));
        // attributes
        c.add(feeding("11-vihf-attribut-manquant", "attributs", "attribut obligatoire manquant", false, "VIHF-ATTRIBUTE",
                auth, vihf(b -> b.breaking(VihfDefect.ATTRIBUTE_MISSING)), List.of(ai), docs, true, docs));
        c.add(feeding("12-vihf-mode-directe", "attributs", "Authentification_Mode DIRECTE", false, "VIHF-AUTH-MODE",
                auth, vihf(b -> b.authMode("DIRECTE")), List.of(ai), docs, true, docs));
        // sector
        c.add(feeding("13-secteur-hors-jdv", "secteur", "secteur absent du jeu de valeurs", false, "VIHF-SECTOR-VALUESET",
                auth, vihf(b -> b.breaking(VihfDefect.SECTOR_NOT_IN_VALUESET)), List.of(ai), docs, true, docs));
        c.add(feeding("14-secteur-interdit", "secteur", "secteur interdit en mode indirect", false, "VIHF-SECTOR-FORBIDDEN",
                auth, vihf(b -> b.breaking(VihfDefect.SECTOR_FORBIDDEN)), List.of(ai), docs, true, docs));
        // strict equality
        c.add(feeding("15-struct-eg-dans-vihf", "égalité stricte", "VIHF porte l'EG, le certificat l'EJ", false, "VIHF-STRUCT-EQ",
                auth, vihf(b -> b.identifiantStructure(CHU_A.idNat())), List.of(ai), docs, true, docs));
        // authorInstitution
        c.add(feeding("16-ai-absent", "authorInstitution", "lot de soumission sans authorInstitution", false, "AI-PRESENT",
                auth, vihf(b -> b), null, docs, true, docs));
        c.add(feeding("17-ai-multivalue", "authorInstitution", "deux authorInstitution pour un auteur", false, "AI-SINGLE",
                auth, vihf(b -> b), List.of(ai, XdsSubmissionBuilder.xon(CHU_B.name(), CHU_B.idNat())), docs, true, docs));
        c.add(feeding("18-ai-format", "authorInstitution", "XON sans l'OID IDNST", false, "AI-FORMAT",
                auth, vihf(b -> b), List.of(CHU_A.name() + "^^^^^&1.2.250.1.999&ISO^XX^^^" + CHU_A.idNat()), docs, true, docs));
        List<Doc> cdaDiffers = List.of(new Doc("DocumentCR1", List.of(ai), CHU_B.name(), CHU_B.idNat()), doc("DocumentCR2", CHU_A));
        c.add(feeding("19-ai-cda-different", "authorInstitution", "en-tête CDA ≠ fiche XDS du document", false, "AI-CDA-MATCH",
                auth, vihf(b -> b), List.of(ai), cdaDiffers, true, cdaDiffers));
        c.add(feeding("20-ai-lot-different", "authorInstitution", "lot de soumission ≠ documents", false, "AI-CONSISTENT",
                auth, vihf(b -> b), List.of(XdsSubmissionBuilder.xon(CHU_B.name(), CHU_B.idNat())), docs, true, docs));
        List<Doc> ejDocs = List.of(doc("DocumentCR1", CHU), doc("DocumentCR2", CHU));
        c.add(feeding("21-ai-ej-au-lieu-d-eg", "authorInstitution", "authorInstitution = EJ, pas un EG", false, "AI-GEOGRAPHIC",
                auth, vihf(b -> b), List.of(XdsSubmissionBuilder.xon(CHU.name(), CHU.idNat())), ejDocs, true, ejDocs));
        List<Doc> clinicDocs = List.of(doc("DocumentCR1", CLINIC_A), doc("DocumentCR2", CLINIC_A));
        c.add(feeding("22-ai-autre-ej", "authorInstitution", "EG d'une autre entité juridique (clinique)", false, "AI-SAME-EJ",
                auth, vihf(b -> b), List.of(XdsSubmissionBuilder.xon(CLINIC_A.name(), CLINIC_A.idNat())), clinicDocs, true, clinicDocs));
        OrgCredential ght1Auth = pki.authentication(GHT_1.idNat());
        OrgCredential ght1Sign = pki.signature(GHT_1.idNat());
        List<Doc> ght2Docs = List.of(doc("DocumentCR1", GHT_2A), doc("DocumentCR2", GHT_2A));
        c.add(feeding("23-ght-deux-ej", "authorInstitution", "GHT : certificat d'un EJ, EG de l'autre EJ", false, "AI-SAME-EJ",
                ght1Auth, vihfOf(ght1Sign, b -> b), List.of(XdsSubmissionBuilder.xon(GHT_2A.name(), GHT_2A.idNat())), ght2Docs, true, ght2Docs));
        c.add(feeding("24-mtom-piece-manquante", "message", "pièce MTOM référencée mais absente", false, "AI-XML",
                auth, vihf(b -> b), List.of(ai), docs, true, docs.subList(0, 1)));
        // the etalab EG extract alone (what most integrators download): no EJ record, the EJ known through its EGs
        c.add(feeding("25-certificat-ej-extrait-eg-seul", "annuaire", "certificat EJ, EG de l'EJ ; annuaire : extrait "
                + "etalab EG seul", true, null, auth, vihf(b -> b), List.of(ai), docs, true, docs)
                .withDirectory(EG_EXTRACT_ONLY));
        c.add(feeding("26-autre-ej-extrait-eg-seul", "annuaire", "EG d'une autre EJ ; annuaire : extrait etalab EG seul",
                false, "AI-SAME-EJ", auth, vihf(b -> b), List.of(XdsSubmissionBuilder.xon(CLINIC_A.name(), CLINIC_A.idNat())),
                clinicDocs, true, clinicDocs).withDirectory(EG_EXTRACT_ONLY));
        return c;
    }

    private VihfBuilder vihf(UnaryOperator<VihfBuilder> tweak) {
        return vihfOf(sign, tweak);
    }

    private VihfBuilder vihfOf(OrgCredential signer, UnaryOperator<VihfBuilder> tweak) {
        return tweak.apply(VihfBuilder.indirect(signer).at(at.minusSeconds(30)).secteurActivite("SA01"));
    }

    private static Doc doc(String id, Structure s) {
        return new Doc(id, List.of(XdsSubmissionBuilder.xon(s.name(), s.idNat())), s.name(), s.idNat());
    }

    private static Case feeding(String id, String family, String title, boolean accepted, String rule, OrgCredential tls,
                                VihfBuilder vihf, List<String> setInstitutions, List<Doc> docs, boolean mtom,
                                List<Doc> attached) {
        XdsSubmissionBuilder sub = XdsSubmissionBuilder.provideAndRegister();
        for (Doc d : docs) {
            sub.document(d.id(), CdaBuilder.ciSis().author(d.cdaOrgName(), d.cdaOrgId())
                    .title("Compte rendu de consultation (démonstration Vigie)"));
            sub.documentAuthorInstitution(d.id(), d.entryInstitutions().toArray(String[]::new));
        }
        sub.submissionSetAuthorInstitution(setInstitutions == null ? new String[0] : setInstitutions.toArray(String[]::new));
        DmpMessageBuilder m = DmpMessageBuilder.feeding(vihf, mtom ? sub.xop() : sub.inline());
        if (!mtom) {
            return new Case(id, family, title, accepted, rule, tls, utf8(m.toPlainXml()), m.plainContentType());
        }
        byte[] bytes = m.toMtomBytes();
        if (attached.size() < docs.size()) {
            bytes = dropLastPart(bytes, m.boundary());
        }
        return new Case(id, family, title, accepted, rule, tls, bytes, m.contentType());
    }

    /** Removes the last MIME part (a document the submission still references). */
    private static byte[] dropLastPart(byte[] mtom, String boundary) {
        String s = new String(mtom, StandardCharsets.ISO_8859_1);
        int close = s.lastIndexOf("--" + boundary + "--");
        int last = s.lastIndexOf("--" + boundary, close - 1);
        return (s.substring(0, last) + s.substring(close)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ files

    /** Trust anchors of the demo PKI (root) and its organisations CA, PEM. */
    String trustPem() {
        return pem(pki.root()) + pem(pki.organisationsCa());
    }

    /** Every CRL of the demo PKI (organisations CA and root), PEM. */
    String crlPem() {
        StringBuilder sb = new StringBuilder();
        try {
            for (X509CRL crl : pki.crls()) {
                sb.append("-----BEGIN X509 CRL-----\n").append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(crl.getEncoded())).append("\n-----END X509 CRL-----\n");
            }
        } catch (CRLException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString();
    }

    static String tlsPem(OrgCredential c) {
        return pem(c.certificate()) + pem(c.chain().size() > 1 ? c.chain().get(1) : c.chain().get(0));
    }

    static String pem(X509Certificate c) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(c.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The EG extract in the etalab format (first line metadata, 32 fields per structureet line). */
    static String etalab() {
        StringBuilder sb = new StringBuilder("finess;etalab;98;2026-02-15\n");
        for (Structure s : EGS) {
            String[] f = new String[32];
            java.util.Arrays.fill(f, "");
            f[0] = "structureet";
            f[1] = s.finess();
            f[2] = s.ej();
            f[3] = s.name();
            f[4] = s.name();
            f[12] = "001";
            f[13] = s.departement();
            f[14] = "DEMO";
            f[15] = s.departement() + "000 DEMOVILLE";
            f[18] = s.category();
            f[19] = s.categoryLabel();
            f[28] = "2001-01-01";
            f[30] = "2026-01-01";
            sb.append(String.join(";", f)).append('\n');
        }
        return sb.toString();
    }

    /** The EJ extract (nofinessej;rs;siren;statutjuridique). */
    static String ejExtract() {
        StringBuilder sb = new StringBuilder("nofinessej;rs;siren;statutjuridique\n");
        for (Structure s : EJS) {
            sb.append(s.finess()).append(';').append(s.name()).append(";;").append(s.statut()).append('\n');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ FINESS numbers

    private static Structure ej(String payload, String name, String statut, String dep) {
        String f = payload + luhnKey(payload);
        return new Structure(f, f, name, "", "", statut, dep);
    }

    private static Structure eg(String payload, Structure ej, String name, String cat, String label) {
        return new Structure(payload + luhnKey(payload), ej.finess(), name, cat, label, "", ej.departement());
    }

    /** The Luhn check digit of a numeric payload. */
    static int luhnKey(String payload) {
        int sum = 0;
        boolean dbl = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }
}
