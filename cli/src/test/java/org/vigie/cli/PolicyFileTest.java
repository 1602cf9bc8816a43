package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys of a {@code --policy} file: control 2 ({@code ai.readWholeAttachments}) and the receiver ({@code requireWsAddressing}). */
class PolicyFileTest {

    @TempDir
    Path dir;

    @Test
    void readWholeAttachmentsIsOnByDefaultAndSwitchedByItsKey() throws IOException {
        Path off = Files.writeString(dir.resolve("off.properties"), "ai.readWholeAttachments=false\n");
        assertThat(PolicyFile.load(off).authorInstitution().readWholeAttachments()).isFalse();
        Path other = Files.writeString(dir.resolve("other.properties"), "ai.lotMayDiffer=true\n");
        assertThat(PolicyFile.load(other).authorInstitution().readWholeAttachments()).isTrue();
        assertThat(PolicyFile.load(other).authorInstitution().lotMayDiffer()).isTrue();
    }

    /** docs/security.md, "What the receiver reads". */
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
