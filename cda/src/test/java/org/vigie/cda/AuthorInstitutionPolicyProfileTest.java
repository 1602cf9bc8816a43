package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigie.core.Report;

/** {@link AuthorInstitutionPolicy#profile()} and the profile the validator's reports name. */
class AuthorInstitutionPolicyProfileTest {

    @Test
    void defaultsAreTheStrictProfile() {
        assertThat(AuthorInstitutionPolicy.defaults().profile().id()).isEqualTo(AuthorInstitutionPolicy.STRICT_PROFILE);
        assertThat(AuthorInstitutionPolicy.defaults().profile().strict()).isTrue();
    }

    @Test
    void departuresAreListed() {
        AuthorInstitutionPolicy p = AuthorInstitutionPolicy.defaults().toBuilder().lotMayDiffer(true)
                .geographicMandatoryFrom(LocalDate.of(2030, 1, 1)).build();
        assertThat(p.profile().relaxations()).containsExactly(
                "authorInstitution du lot différente de celle des documents admise : true (profil strict : false) [ai.lotMayDiffer]",
                "AI-GEOGRAPHIC obligatoire à partir du : 2030-01-01 (profil strict : 2024-01-01) [ai.geographicMandatoryFrom]");
    }

    @Test
    void theValidatorsReportNamesItsProfile() {
        AuthorInstitutionPolicy p = AuthorInstitutionPolicy.defaults().toBuilder().lotMayDiffer(true).build();
        Report r = AuthorInstitutionValidator.builder().policy(p).build().check(
                new ByteArrayInputStream("<pas-xds/>".getBytes(StandardCharsets.UTF_8)), Map.of(), null,
                Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(r.profile()).contains(p.profile());
    }
}
