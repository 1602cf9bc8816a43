package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code requireWsAddressing} key of a {@code --policy} file (docs/security.md, "What the receiver reads"). */
class PolicyFileTest {

    @TempDir
    Path dir;

    @Test
    void requireWsAddressingIsReadAndDefaultsToFalse() throws Exception {
        assertThat(PolicyFile.load(Files.writeString(dir.resolve("on.properties"), "requireWsAddressing=true\n"))
                .requireWsAddressing()).isTrue();
        assertThat(PolicyFile.load(Files.writeString(dir.resolve("off.properties"), "ejEgMode=false\n"))
                .requireWsAddressing()).isFalse();
        assertThatThrownBy(() -> PolicyFile.load(Files.writeString(dir.resolve("bad.properties"), "requireWsAddressing=peut-être\n")))
                .isInstanceOf(UnusableInputException.class);
    }
}
