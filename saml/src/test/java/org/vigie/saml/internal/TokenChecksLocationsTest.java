package org.vigie.saml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.core.Finding;
import org.vigie.core.Report;
import org.vigie.core.Severity;
import org.vigie.saml.CodedValue;
import org.vigie.saml.VihfPolicy;
import org.vigie.saml.VihfToken;

/**
 * Location, message and evidence of the attribute findings of {@link TokenChecks}, on token data filled by hand
 * (one defect at a time on top of a token that passes every attribute rule).
 */
class TokenChecksLocationsTest {

    private static final String ROLE_LOC = "VIHF/Attribute[" + VihfToken.ROLE + "]";

    private static void put(TokenData d, String name, String... values) {
        d.attributes.put(name, List.of(values));
        d.attributeElements.put(name, 1);
    }

    private static CodedValue role(String code, String system) {
        return new CodedValue("Role", code, system, "", "CE");
    }

    /** Token data that passes every attribute rule. */
    private static TokenData valid() {
        TokenData d = new TokenData();
        d.nameId = "899900063480";
        put(d, VihfToken.VIHF_VERSION, "3.0");
        put(d, VihfToken.IDENTIFIANT_STRUCTURE, "1750100125");
        put(d, VihfToken.SECTEUR_ACTIVITE, "SA07^1.2.250.1.71.4.2.4");
        put(d, VihfToken.SUBJECT_ID, "MAX LIBRE");
        put(d, VihfToken.PURPOSE_OF_USE, "normal");
        d.purposeOfUse = new CodedValue("PurposeOfUse", "normal", TokenChecks.PURPOSE_SYSTEM, "", "CE");
        put(d, VihfToken.RESSOURCE_URN, "urn:dmp");
        put(d, VihfToken.LPS_NOM, "LPS");
        put(d, VihfToken.LPS_ID_HOMOLOGATION_DMP, "HOMOL-1");
        put(d, VihfToken.AUTH_MODE, "INDIRECTE");
        put(d, VihfToken.ROLE, "10", "SM26");
        d.roles.add(role("10", TokenChecks.PROFESSION_SYSTEM));
        d.roles.add(role("SM26", "1.2.250.1.71.4.2.5"));
        return d;
    }

    private static Report check(Consumer<TokenData> defect) {
        TokenData d = valid();
        defect.accept(d);
        Report.Builder rb = Report.builder();
        TokenChecks.attributes(d, VihfPolicy.defaults(), rb);
        return rb.build();
    }

    @Test
    void theBaseTokenPassesEveryAttributeRule() {
        assertThat(check(d -> { }).findings()).isEmpty();
    }

    @ParameterizedTest(name = "{0} repeated")
    @CsvSource({
            VihfToken.RESOURCE_ID,
            VihfToken.LPS_VERSION,
            VihfToken.LPS_ID,
            VihfToken.LPS_NOM,
    })
    void aRepeatedAttributeIsLocatedOnItsName(String name) {
        Report r = check(d -> {
            d.attributes.put(name, List.of("a", "b"));
            d.attributeElements.put(name, 2);
        });
        assertThat(r.byRule("VIHF-ATTRIBUTE")).singleElement().satisfies(f -> {
            assertThat(f.location().toString()).isEqualTo("VIHF/Attribute[" + name + "]");
            assertThat(f.message()).isEqualTo("attribut " + name + " répété (2 occurrences) ; une seule valeur attendue");
            assertThat(f.evidence()).isEqualTo("a | b");
        });
    }

    @Test
    void anEmptyAttributeIsReportedOnItsName() {
        Report r = check(d -> put(d, VihfToken.LPS_VERSION, " "));
        assertThat(r.byRule("VIHF-ATTRIBUTE")).extracting(Finding::message, f -> f.location().toString()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("attribut LPS_Version vide", "VIHF/Attribute[LPS_Version]"));
        Report missing = check(d -> put(d, VihfToken.LPS_NOM, new String[0]));
        assertThat(missing.byRule("VIHF-ATTRIBUTE")).extracting(f -> f.location().toString())
                .containsExactly("VIHF/Attribute[LPS_Nom]");
    }

    @Test
    void aRepeatedOrEmptyAuthenticationModeIsAnAttributeFinding() {
        Report repeated = check(d -> {
            d.attributes.put(VihfToken.AUTH_MODE, List.of("INDIRECTE", "INDIRECTE"));
            d.attributeElements.put(VihfToken.AUTH_MODE, 2);
        });
        assertThat(repeated.byRule("VIHF-ATTRIBUTE")).extracting(f -> f.location().toString())
                .containsExactly("VIHF/Attribute[Authentification_Mode]");
        Report empty = check(d -> put(d, VihfToken.AUTH_MODE, ""));
        assertThat(empty.byRule("VIHF-ATTRIBUTE")).extracting(Finding::message)
                .containsExactly("attribut Authentification_Mode vide");
        assertThat(empty.has("VIHF-AUTH-MODE")).isFalse();
    }

    @Test
    void theVariantSpellingIsLocatedOnTheVariantName() {
        Report r = check(d -> {
            d.attributes.remove(VihfToken.AUTH_MODE);
            put(d, VihfToken.AUTH_MODE_VARIANT, "INDIRECTE_RENFORCEE");
        });
        assertThat(r.byRule("VIHF-AUTH-MODE")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.location().toString()).isEqualTo("VIHF/Attribute[Authentification_mode]");
        });
    }

    @ParameterizedTest(name = "mode {0}")
    @CsvSource(delimiter = '|', value = {
            "DIRECTE|mode d'authentification « DIRECTE » : INDIRECTE ou INDIRECTE_RENFORCEE attendu (DIRECTE est "
                    + "l'authentification par carte CPS, pas l'authentification indirecte)",
            "AUTRE|mode d'authentification « AUTRE » : INDIRECTE ou INDIRECTE_RENFORCEE attendu",
    }, quoteCharacter = '"')
    void aWrongAuthenticationModeExplainsDirecteOnlyForDirecte(String mode, String message) {
        Report r = check(d -> put(d, VihfToken.AUTH_MODE, mode));
        assertThat(r.byRule("VIHF-AUTH-MODE")).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo(message);
            assertThat(f.location().toString()).isEqualTo("VIHF/Attribute[Authentification_Mode]");
            assertThat(f.evidence()).isEqualTo(mode);
        });
    }

    @Test
    void aRoleAttributeWithoutAnyValueIsEmpty() {
        Report r = check(d -> {
            d.roles.clear();
            put(d, VihfToken.ROLE, new String[0]);
        });
        assertThat(r.byRule("VIHF-ATTRIBUTE")).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("attribut " + VihfToken.ROLE + " vide");
            assertThat(f.location().toString()).isEqualTo(ROLE_LOC);
        });
        assertThat(r.has("VIHF-ROLE")).isFalse();
    }

    @Test
    void aMalformedSecondRoleStillCountsAsTheSecondValueOfAProfession() {
        Report r = check(d -> {
            d.roles.remove(1);
            d.malformedRoles.add("<Role/>");
        });
        assertThat(r.byRule("VIHF-ROLE")).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("valeur de rôle sans élément HL7 Role (CE attendu)");
            assertThat(f.location().toString()).isEqualTo(ROLE_LOC);
            assertThat(f.evidence()).isEqualTo("<Role/>");
        });
    }

    @ParameterizedTest(name = "profession {0} alone")
    @CsvSource(delimiter = '|', value = {"10|médecin", "21|pharmacien"})
    void aProfessionWithoutSpecialtyNamesTheProfession(String code, String label) {
        Report r = check(d -> {
            d.roles.clear();
            d.roles.add(role(code, TokenChecks.PROFESSION_SYSTEM));
        });
        assertThat(r.byRule("VIHF-ROLE")).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("profession " + code + " (" + label
                    + ") sans seconde valeur de rôle (spécialité obligatoire)");
            assertThat(f.location().toString()).isEqualTo(ROLE_LOC);
            assertThat(f.evidence()).isEqualTo(code);
        });
    }

    @Test
    void aFailedKeyOfTheStructureNamesTheKindOfNumber() {
        Report r = check(d -> put(d, VihfToken.IDENTIFIANT_STRUCTURE, "10B0152872"));
        assertThat(r.byRule("ID-KEY")).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("clé de contrôle invalide pour l'Identifiant_Structure « 10B0152872 » (FINESS)");
            assertThat(f.location().toString()).isEqualTo("VIHF/Attribute[Identifiant_Structure]");
            assertThat(f.evidence()).isEqualTo("10B0152872");
        });
    }
}
