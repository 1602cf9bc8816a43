package org.vigie.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigie.core.Severity;

/** {@link VihfPolicy#profile()}: strict for the defaults, each departure in words with its key. */
class VihfPolicyProfileTest {

    @Test
    void defaultsAreTheStrictProfile() {
        assertThat(VihfPolicy.defaults().profile().id()).isEqualTo(VihfPolicy.STRICT_PROFILE);
        assertThat(VihfPolicy.defaults().profile().strict()).isTrue();
        assertThat(VihfPolicy.defaults().toBuilder().build().profile().strict()).isTrue();
    }

    @Test
    void eachDepartureIsListedWithItsKeyAndBothValues() {
        VihfPolicy p = VihfPolicy.defaults().toBuilder().maxTokenAge(null).rejectSha1(true)
                .clockSkew(Duration.ofMinutes(5)).unusableCrlSeverity(Severity.ERROR).build();
        assertThat(p.profile().id()).isEqualTo(VihfPolicy.STRICT_PROFILE);
        assertThat(p.profile().relaxations()).containsExactly(
                "SHA-1 refusé : true (profil strict : false) [vihf.rejectSha1]",
                "âge maximal du jeton VIHF : none (profil strict : PT2H) [vihf.maxTokenAge]",
                "gravité d'une CRL inutilisable : ERROR (profil strict : WARNING) [vihf.unusableCrlSeverity]");
        assertThat(VihfPolicy.defaults().toBuilder().sectorValueSet(SectorValueSet.jdvJ02()).build().profile()
                .relaxations()).singleElement().asString().contains("[vihf.sectorValueSet]");
    }
}
