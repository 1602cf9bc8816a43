package org.vigie.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Documented defaults of {@link VihfPolicy} and the copy made by {@link VihfPolicy#toBuilder()}. */
class VihfPolicyBuilderTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        VihfPolicy p = VihfPolicy.defaults();
        assertThat(p.ejEgMode()).isFalse();
        assertThat(p.rejectSha1()).isFalse();
        assertThat(p.acceptedVersions()).isEqualTo(VihfPolicy.DEFAULT_VERSIONS);
        assertThat(p.forbiddenSectors()).isEqualTo(VihfPolicy.DEFAULT_FORBIDDEN_SECTORS);
        assertThat(p.maxTokenBytes()).isEqualTo(1024 * 1024);
    }

    @Test
    void toBuilderCopiesEverySettingAndLeavesTheOriginalUnchanged() {
        VihfPolicy custom = VihfPolicy.builder().acceptedVersions(List.of("4.0")).rejectSha1(true)
                .clockSkew(Duration.ofSeconds(7)).ejEgMode(true).forbiddenSectors(List.of("SA07")).maxTokenBytes(4096)
                .build();
        VihfPolicy copy = custom.toBuilder().build();
        assertThat(copy.acceptedVersions()).isEqualTo(Set.of("4.0"));
        assertThat(copy.rejectSha1()).isTrue();
        assertThat(copy.clockSkew()).isEqualTo(Duration.ofSeconds(7));
        assertThat(copy.ejEgMode()).isTrue();
        assertThat(copy.forbiddenSectors()).isEqualTo(Set.of("SA07"));
        assertThat(copy.sectorValueSet()).isSameAs(custom.sectorValueSet());
        assertThat(copy.maxTokenBytes()).isEqualTo(4096);
        assertThat(copy.toString()).isEqualTo(custom.toString()).contains("ejEgMode=true").contains("maxTokenBytes=4096")
                .contains("SA07").contains("4.0");

        VihfPolicy changed = custom.toBuilder().ejEgMode(false).acceptedVersions(List.of("3.0")).build();
        assertThat(changed.ejEgMode()).isFalse();
        assertThat(custom.ejEgMode()).isTrue();
        assertThat(custom.acceptedVersions()).isEqualTo(Set.of("4.0"));
    }
}
