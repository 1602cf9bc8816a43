package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control-2 keys of a {@code --policy} file. */
class PolicyFileTest {

    @TempDir
    Path dir;

    @Test
    void readWholeAttachmentsIsOffByDefaultAndSwitchedByItsKey() throws IOException {
        Path on = Files.writeString(dir.resolve("on.properties"), "ai.readWholeAttachments=true\n");
        assertThat(PolicyFile.load(on).authorInstitution().readWholeAttachments()).isTrue();
        Path other = Files.writeString(dir.resolve("other.properties"), "ai.lotMayDiffer=true\n");
        assertThat(PolicyFile.load(other).authorInstitution().readWholeAttachments()).isFalse();
        assertThat(PolicyFile.load(other).authorInstitution().lotMayDiffer()).isTrue();
    }
}
