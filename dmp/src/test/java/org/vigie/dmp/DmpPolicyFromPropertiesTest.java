package org.vigie.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.vigie.core.PolicyProfile;
import org.vigie.core.Report;
import org.vigie.core.Severity;
import org.vigie.core.cert.TrustAnchors;

/** {@link DmpPolicy#fromProperties(Properties)} and the profiles a policy and a validator name. */
class DmpPolicyFromPropertiesTest {

    private static Properties props(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    @Test
    void noKeyIsTheStrictProfileWithoutRelaxation() {
        DmpPolicy p = DmpPolicy.fromProperties(new Properties());
        assertThat(p.profile()).isEqualTo(new PolicyProfile(DmpPolicy.STRICT_PROFILE, List.of()));
        assertThat(p.profile().strict()).isTrue();
        assertThat(DmpPolicy.defaults().profile()).isEqualTo(p.profile());
        assertThat(p.profile(TrustAnchors.igcSanteProduction())).isEqualTo(p.profile());
    }

    @Test
    void everyKeyFamilyIsApplied() {
        DmpPolicy p = DmpPolicy.fromProperties(props("""
                ejEgMode=true
                requireWsAddressing=oui
                soap11Severity=error
                ai.lotMayDiffer=true
                ai.geographicMandatoryFrom=2024-01-01
                limits.maxParts=7
                limits.maxXmlTokenBytes=65536
                vihf.acceptedVersions=3.0
                vihf.rejectSha1=true
                vihf.clockSkew=60
                vihf.maxTokenAge=none
                vihf.unusableCrlSeverity=ERROR
                """));
        assertThat(p.vihf().ejEgMode()).isTrue();
        assertThat(p.authorInstitution().ejEgMode()).isTrue();
        assertThat(p.requireWsAddressing()).isTrue();
        assertThat(p.soap11Severity()).isEqualTo(Severity.ERROR);
        assertThat(p.authorInstitution().lotMayDiffer()).isTrue();
        assertThat(p.authorInstitution().geographicMandatoryFrom()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(p.limits().maxParts()).isEqualTo(7);
        assertThat(p.limits().maxXmlTokenBytes()).isEqualTo(65_536);
        assertThat(p.vihf().acceptedVersions()).containsExactly("3.0");
        assertThat(p.vihf().rejectSha1()).isTrue();
        assertThat(p.vihf().clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.vihf().maxTokenAge()).isEmpty();
        assertThat(p.vihf().unusableCrlSeverity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void departuresAreListedInWordsUnderTheStrictId() {
        DmpPolicy p = DmpPolicy.fromProperties(props("vihf.maxTokenAge=none\nai.readWholeAttachments=false\n"
                + "vihf.clockSkew=PT5M\n"));
        assertThat(p.profile().id()).isEqualTo(DmpPolicy.STRICT_PROFILE);
        assertThat(p.profile().relaxations()).containsExactlyInAnyOrder(
                "âge maximal du jeton VIHF : none (profil strict : PT2H) [vihf.maxTokenAge]",
                "pièces MTOM lues jusqu'au bout : false (profil strict : true) [ai.readWholeAttachments]");
    }

    @Test
    void anUnknownKeyIsAnErrorNamingIt() {
        assertThatThrownBy(() -> DmpPolicy.fromProperties(props("vihf.maxTokenAg=PT1H\nejEgMode=true\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vihf.maxTokenAg")
                .hasMessageNotContaining("ejEgMode");
    }

    @Test
    void aBadValueIsAnErrorNamingKeyAndValue() {
        assertThatThrownBy(() -> DmpPolicy.fromProperties(props("limits.maxParts=-3\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limits.maxParts").hasMessageContaining("-3");
        assertThatThrownBy(() -> DmpPolicy.fromProperties(props("limits.maxXmlTokenBytes=1024\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536");
        assertThatThrownBy(() -> DmpPolicy.fromProperties(props("vihf.maxTokenAge=PT0S\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vihf.maxTokenAge");
        assertThatThrownBy(() -> DmpPolicy.fromProperties(props("ai.geographicMandatoryFrom=01/01/2024\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AAAA-MM-JJ");
        assertThatThrownBy(() -> DmpPolicy.fromProperties(props("vihf.sectorValueSet=/nulle/part.xml\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/nulle/part.xml");
    }

    @Test
    void aBuilderChangeIsADepartureToo() {
        DmpPolicy p = DmpPolicy.builder().requireWsAddressing(true).build();
        assertThat(p.profile().relaxations()).singleElement().asString().contains("[requireWsAddressing]");
        assertThat(p.toBuilder().build().profile()).isEqualTo(p.profile());
        assertThat(p.toBuilder().requireWsAddressing(false).build().profile().strict()).isTrue();
    }

    @Test
    void namedProfilesFollowTheTrust() {
        DmpPolicy strict = DmpPolicy.defaults();
        TrustAnchors prod = TrustAnchors.igcSanteProduction();
        TrustAnchors test = TrustAnchors.igcSanteTest();
        assertThat(strict.profile(test).id()).isEqualTo(DmpPolicy.TEST_PKI_PROFILE);
        assertThat(strict.profile(prod.plus(test)).id()).isEqualTo(DmpPolicy.TEST_PKI_PROFILE);
        assertThat(strict.profile(test).relaxations()).singleElement().asString().contains("TEST");
        PolicyProfile own = strict.profile(TrustAnchors.of(test.intermediates().get(0)));
        assertThat(own.id()).isEqualTo(DmpPolicy.STRICT_PROFILE);
        assertThat(own.relaxations()).singleElement().asString().contains("TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS");
        DmpPolicy demo = strict.toBuilder().profileId(DmpPolicy.DEMO_PROFILE).build();
        assertThat(demo.profile(TrustAnchors.of(test.intermediates().get(0)))).isEqualTo(
                new PolicyProfile(DmpPolicy.DEMO_PROFILE, List.of()));
        assertThatThrownBy(() -> strict.toBuilder().profileId("Démo")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyReportOfTheValidatorNamesItsProfile() {
        DmpPolicy p = DmpPolicy.fromProperties(props("vihf.maxTokenAge=none\n"));
        DmpRequestValidator v = DmpRequestValidator.builder().policy(p).trust(TrustAnchors.igcSanteTest()).build();
        X509Certificate someCert = TrustAnchors.igcSanteTest().intermediates().get(0);
        Report r = v.validateRequest(someCert, List.of(),
                new ByteArrayInputStream("pas une requête".getBytes(StandardCharsets.UTF_8)), "text/xml",
                Instant.parse("2026-01-01T00:00:00Z")).report();
        assertThat(r.profile()).contains(v.profile());
        assertThat(v.profile().id()).isEqualTo(DmpPolicy.TEST_PKI_PROFILE);
        assertThat(v.profile().relaxations()).hasSize(2);
    }
}
