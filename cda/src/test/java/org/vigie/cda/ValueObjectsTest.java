package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Value semantics of {@link Xon} and the copy made by {@link AuthorInstitutionPolicy#toBuilder()}. */
class ValueObjectsTest {

    private static final String RAW = "Hopital^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100125";

    @Test
    void xonValuesAreEqualByTheirRawText() {
        Xon a = Xon.parse(RAW);
        Xon same = Xon.parse(RAW);
        Xon other = Xon.parse(RAW.replace("Hopital", "Clinique"));
        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other).isNotEqualTo(RAW);
        assertThat(a.hashCode()).isNotEqualTo(other.hashCode());
        assertThat(a.toString()).isEqualTo(RAW);
    }

    @Test
    void toBuilderCopiesEveryPolicySetting() {
        AuthorInstitutionPolicy p = AuthorInstitutionPolicy.builder().lotMayDiffer(true).ejEgMode(true)
                .geographicMandatoryFrom(LocalDate.of(2030, 1, 1)).build();
        AuthorInstitutionPolicy copy = p.toBuilder().build();
        assertThat(copy.lotMayDiffer()).isTrue();
        assertThat(copy.ejEgMode()).isTrue();
        assertThat(copy.geographicMandatoryFrom()).isEqualTo(LocalDate.of(2030, 1, 1));
        assertThat(copy.limits()).isEqualTo(p.limits());
        assertThat(copy.toString()).isEqualTo(p.toString()).contains("lotMayDiffer=true").contains("ejEgMode=true")
                .contains("2030-01-01");
        assertThat(AuthorInstitutionPolicy.defaults().toString()).contains("lotMayDiffer=false");
    }
}
