package org.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JournalLimitsTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        JournalLimits d = JournalLimits.defaults();
        assertThat(d.enabled()).isTrue();
        assertThat(d.maxEntries()).isEqualTo(100);
        assertThat(d.maxEntryBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(d.maxTotalBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(d.maxDirectoryBytes()).isEqualTo(1024L * 1024 * 1024);
        assertThat(JournalLimits.disabled().enabled()).isFalse();
        assertThat(JournalLimits.disabled().toString()).isEqualTo("JournalLimits[disabled]");
    }

    @Test
    void nonPositiveOrInconsistentBoundsAreRefused() {
        assertThatThrownBy(() -> JournalLimits.builder().maxEntries(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxEntries");
        assertThatThrownBy(() -> JournalLimits.builder().maxEntryBytes(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JournalLimits.builder().maxTotalBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JournalLimits.builder().maxDirectoryBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JournalLimits.builder().maxEntryBytes(10_000).maxTotalBytes(9_999).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not exceed");
        assertThat(JournalLimits.builder().maxEntries(1).maxEntryBytes(1).maxTotalBytes(1).build().maxEntries()).isEqualTo(1);
    }
}
