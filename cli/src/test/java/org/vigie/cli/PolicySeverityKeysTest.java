package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.core.Severity;
import org.vigie.dmp.DmpPolicy;

/** The severity keys of a {@code --policy} file for the connector shapes (SOAP 1.1, split roles, AudienceRestriction). */
class PolicySeverityKeysTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreWarnings() throws Exception {
        DmpPolicy p = PolicyFile.load(Files.writeString(dir.resolve("empty.properties"), ""));
        assertThat(p.soap11Severity()).isEqualTo(Severity.WARNING);
        assertThat(p.vihf().splitRoleSeverity()).isEqualTo(Severity.WARNING);
        assertThat(p.vihf().audienceRestrictionSeverity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void keysSetTheSeverities() throws Exception {
        DmpPolicy p = PolicyFile.load(Files.writeString(dir.resolve("strict.properties"),
                "soap11Severity=error\nvihf.splitRoleSeverity=ERROR\nvihf.audienceRestrictionSeverity=INFO\n"));
        assertThat(p.soap11Severity()).isEqualTo(Severity.ERROR);
        assertThat(p.vihf().splitRoleSeverity()).isEqualTo(Severity.ERROR);
        assertThat(p.vihf().audienceRestrictionSeverity()).isEqualTo(Severity.INFO);
    }

    @Test
    void anUnknownSeverityIsAClearError() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.properties"), "vihf.splitRoleSeverity=FATAL\n");
        assertThatThrownBy(() -> PolicyFile.load(f)).isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("vihf.splitRoleSeverity").hasMessageContaining("FATAL");
    }
}
