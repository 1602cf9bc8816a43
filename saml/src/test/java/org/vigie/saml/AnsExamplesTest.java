package org.vigie.saml;

import org.vigie.core.cert.TlsPeer;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigie.core.Finding;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.StructureId;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.testkit.ReportAssert;

/**
 * The official ANS DMP examples ("DMP_LPS_Exemple de messages", v02.05.00) and the esignsante requests, as published.
 * Their SignedInfo signatures are valid for the certificates they carry but their Reference digests do not match:
 * the examples were altered after signing.
 */
class AnsExamplesTest {

    private static final Instant INDIRECTE_AT = Instant.parse("2019-06-26T08:50:00Z");
    private static final Instant RENFORCEE_AT = Instant.parse("2020-08-04T07:15:00Z");

    private final VihfValidator validator = VihfValidator.builder().trust(TrustAnchors.igcSanteTest()).build();

    @Test
    void indirecteExampleIsReadCompletely() {
        VihfValidation r = validator.validateToken(VihfInput.of(SharedTestData.bytes(SharedTestData.INDIRECTE)), INDIRECTE_AT);
        // the published example's signature fails: its content is read for diagnostics only
        VihfToken t = r.unverifiedToken().orElseThrow();
        assertThat(t.id()).isEqualTo("_65db4fa8-b44a-4c11-adc5-135dcc327b24");
        assertThat(t.issueInstant()).contains(Instant.parse("2019-06-26T08:46:06.839Z"));
        assertThat(t.issuer()).isEqualTo("CN=serviceps.sesam-vitale.fr,OU=339172288100052,O=GIE SESAM VITALE,ST=Sarthe (72),C=FR");
        assertThat(t.issuerFormat()).isEqualTo("urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName");
        assertThat(t.nameId()).isEqualTo("899900063480");
        assertThat(t.authnContextClassRef()).isEqualTo("urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI");
        assertThat(t.identifiantStructure()).contains("339172288100052");
        assertThat(t.secteurActivite()).contains("SA07^1.2.250.1.71.4.2.4");
        assertThat(t.secteurActiviteCode()).contains("SA07");
        assertThat(t.subjectId()).contains("MAX LIBRE");
        // the published file carries the display names double-encoded (UTF-8 read as Latin-1, then re-encoded):
        // read as they are
        assertThat(t.roles()).containsExactly(
                new CodedValue("Role", "10", "1.2.250.1.71.1.2.7", "M\u00c3\u00a9decin", "CE"),
                new CodedValue("Role", "SM26", "1.2.250.1.71.4.2.5",
                        "Qualifi\u00c3\u00a9 en M\u00c3\u00a9decine G\u00c3\u00a9n\u00c3\u00a9rale (SM)", "CE"));
        assertThat(t.version()).contains("3.0");
        assertThat(t.authenticationMode()).contains("INDIRECTE");
        assertThat(t.resourceId()).contains("207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH");
        assertThat(t.ressourceUrn()).contains("urn:dmp");
        assertThat(t.purposeOfUse()).map(CodedValue::code).contains("normal");
        assertThat(t.purposeOfUse()).map(CodedValue::codeSystem).contains("1.2.250.1.213.1.1.4.248");
        assertThat(t.lpsId()).contains("01.01.01.01");
        assertThat(t.lpsNom()).contains("LPS GIE-SV");
        assertThat(t.lpsVersion()).contains("1");
        assertThat(t.lpsIdHomologationDmp()).contains("NumAutorisation");
        assertThat(t.signatureAlgorithm()).isEqualTo("http://www.w3.org/2000/09/xmldsig#rsa-sha1");
        assertThat(t.signatureValid()).isFalse();
        assertThat(t.signingCertificate()).isPresent();
    }

    @Test
    void indirecteExampleStructureEqualsTheSignerOu() {
        VihfValidation r = validator.validateToken(VihfInput.of(SharedTestData.bytes(SharedTestData.INDIRECTE)), INDIRECTE_AT);
        assertThat(unverifiedStructureId(r)).contains(StructureId.parse("339172288100052"));
        assertThat(unverifiedSigner(r).structureId()).isEqualTo(unverifiedStructureId(r));
        ReportAssert.assertThat(r.report()).doesNotFire(Rules.VIHF_ISSUER);
        assertThat(r.report().has(Rules.CERT_TRUST)).as("the TEST signer chains to the TEST anchors at signing time").isFalse();
        ReportAssert.assertThat(r.report()).doesNotFire(Rules.CERT_SIGN_PROFILE);
        ReportAssert.assertThat(r.report()).doesNotFire(Rules.CERT_STRUCT_ID);
    }

    @Test
    void indirecteExampleReportsSha1AndContentChangedAfterSigning() {
        VihfValidation r = validator.validateToken(VihfInput.of(SharedTestData.bytes(SharedTestData.INDIRECTE)), INDIRECTE_AT);
        assertThat(r.report().byRule(Rules.VIHF_ALGORITHM)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(r.report().byRule(Rules.VIHF_SIGNATURE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("modifié après la signature").doesNotContain("autre clé"));
        assertThat(r.report().byRule(Rules.VIHF_AUTH_MODE)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(r.report().rulesFired()).containsExactlyInAnyOrder("VIHF-ALGORITHM", "VIHF-SIGNATURE",
                "VIHF-AUTH-MODE", "VIHF-STRUCT-KNOWN");
        assertThat(r.accepted()).isFalse();
    }

    @Test
    void strictAlgorithmPolicyMakesSha1AnError() {
        VihfValidator strict = VihfValidator.builder().trust(TrustAnchors.igcSanteTest())
                .policy(VihfPolicy.builder().rejectSha1(true).build()).build();
        VihfValidation r = strict.validateToken(VihfInput.of(SharedTestData.bytes(SharedTestData.INDIRECTE)), INDIRECTE_AT);
        assertThat(r.report().byRule(Rules.VIHF_ALGORITHM)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void renforceeExampleIsReadAndItsAuthenticationSignerIsNotASeal() {
        VihfValidation r = validator.validateToken(VihfInput.of(SharedTestData.bytes(SharedTestData.RENFORCEE)), RENFORCEE_AT);
        VihfToken t = r.unverifiedToken().orElseThrow();
        assertThat(t.authenticationMode()).contains("INDIRECTE_RENFORCEE");
        assertThat(t.identifiantStructure()).contains("10B0127189");
        assertThat(unverifiedStructureId(r)).isEqualTo(unverifiedSigner(r).structureId());
        assertThat(r.report().byRule(Rules.VIHF_SIGNATURE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("modifié après la signature"));
        ReportAssert.assertThat(r.report()).fires(Rules.VIHF_ALGORITHM);
        assertThat(r.report().has(Rules.CERT_SIGN_PROFILE)).as("signed with an ORG_AUTH_CLI certificate").isTrue();
        assertThat(r.report().byRule(Rules.ID_KEY)).singleElement().satisfies(f -> assertThat(f.evidence()).isEqualTo("10B0127189"));
        ReportAssert.assertThat(r.report()).doesNotFire(Rules.VIHF_ISSUER);
        ReportAssert.assertThat(r.report()).doesNotFire(Rules.VIHF_TIME);
    }

    @Test
    void indirecteExampleAgainstTheSignerAsTlsCertificatePassesControlOne() {
        X509Certificate signer = SharedTestData.cert("certs/ee/dmpex_VIHF-INDIRECTE-signer_ORG_serviceps.sesam-vitale.fr.pem");
        VihfValidation r = validator.validate(TlsPeer.of(signer), VihfInput.of(SharedTestData.bytes(SharedTestData.INDIRECTE)),
                INDIRECTE_AT);
        ReportAssert.assertThat(r.report()).doesNotFire(Rules.VIHF_STRUCT_EQ);
        ReportAssert.assertThat(r.report()).doesNotFire(Rules.CERT_SAME_STRUCTURE);
        assertThat(r.report().has(Rules.CERT_AUTH_PROFILE)).as("a seal certificate is not a TLS client certificate").isTrue();
    }

    @Test
    void indirecteExampleAgainstAnotherStructureFailsControlOne() {
        X509Certificate other = SharedTestData.cert("certs/ee/padoa_p12cert_asip-p12-EL-TEST-ORG-AUTH_CLI-20211115-103506.pem");
        VihfValidation r = validator.validate(TlsPeer.of(other), VihfInput.of(SharedTestData.bytes(SharedTestData.INDIRECTE)),
                INDIRECTE_AT);
        assertThat(r.report().byRule(Rules.VIHF_STRUCT_EQ)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("339172288100052").contains("10B0152872");
        });
        ReportAssert.assertThat(r.report()).fires(Rules.CERT_SAME_STRUCTURE);
        assertThat(r.report().byRule(Rules.CERT_TRUST)).extracting(f -> f.location().toString()).containsOnly("TLS")
                .as("the padoa certificate is not yet valid in 2019");
    }

    @Test
    void directeExamplesInIso88591AreReadAndReportedAsNotIndirect() {
        for (String f : List.of(SharedTestData.DIRECTE, SharedTestData.DIRECTE_UNSIGNED)) {
            VihfValidation r = validator.validateToken(VihfInput.of(SharedTestData.bytes(f)), INDIRECTE_AT);
            assertThat(r.unverifiedToken()).as(f).isPresent();
            assertThat(r.unverifiedToken().get().authenticationMode()).contains("DIRECTE");
            assertThat(r.report().byRule(Rules.VIHF_XML)).singleElement()
                    .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.WARNING))
                    .satisfies(x -> assertThat(x.message()).contains("ISO-8859-1"));
            assertThat(r.report().filter(x -> x.ruleId().equals("VIHF-AUTH-MODE") && x.severity() == Severity.ERROR))
                    .singleElement().satisfies(x -> assertThat(x.message()).contains("DIRECTE"));
        }
    }

    @Test
    void directeSignedExampleHasTheSameAlteredDigestAndAPersonSigner() {
        VihfValidation r = validator.validateToken(VihfInput.of(SharedTestData.bytes(SharedTestData.DIRECTE)), INDIRECTE_AT);
        assertThat(r.report().byRule(Rules.VIHF_SIGNATURE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("modifié après la signature"));
        ReportAssert.assertThat(r.report()).fires(Rules.CERT_SIGN_PROFILE);
        ReportAssert.assertThat(r.report()).fires(Rules.CERT_TRUST);
    }

    @Test
    void esignsanteSoapRequestSignsTheHeaderNotTheAssertion() {
        VihfValidation r = validator.validateToken(VihfInput.of(SharedTestData.bytes(SharedTestData.ESIGN_SIGNED_SECURITY)),
                Instant.parse("2022-10-11T15:09:00Z"));
        assertThat(r.unverifiedToken().orElseThrow().identifiantStructure()).contains("300000000077081");
        ReportAssert.assertThat(r.report()).fires(Rules.VIHF_SIGNED);
        ReportAssert.assertThat(r.report()).doesNotFire(Rules.VIHF_XML);
        assertThat(r.report().byRule(Rules.VIHF_ROLE)).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    /** The Identifiant_Structure an unverified token claims (diagnostics: the published examples' signatures fail). */
    private static java.util.Optional<StructureId> unverifiedStructureId(VihfValidation r) {
        return r.unverifiedToken().flatMap(VihfToken::identifiantStructure).map(StructureId::parse);
    }

    /** The signing certificate of an unverified token's KeyInfo. */
    private static org.vigie.core.cert.OrgCertificate unverifiedSigner(VihfValidation r) {
        return org.vigie.core.cert.OrgCertificate.of(r.unverifiedToken().orElseThrow().signingCertificate().orElseThrow());
    }
}
