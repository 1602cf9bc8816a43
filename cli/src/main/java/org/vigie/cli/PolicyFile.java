package org.vigie.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;
import org.vigie.dmp.DmpPolicy;

/**
 * Reads a {@code --policy} file: Java properties, UTF-8, whose keys {@link DmpPolicy#fromProperties(Properties)}
 * documents and applies (the CLI holds no rule of its own). Unknown keys and bad values are an
 * {@link UnusableInputException} naming the file.
 */
final class PolicyFile {

    private PolicyFile() {
    }

    static DmpPolicy load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new UnusableInputException(CliText.msg("err.policy-not-found", file));
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException(CliText.msg("err.policy-unreadable", e, file), e);
        }
        try {
            return DmpPolicy.fromProperties(p);
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException(CliText.msg("err.what", e, file), e);
        } catch (UncheckedIOException e) {
            throw new UnusableInputException(e.getMessage() + " (" + file + ")", e);
        }
    }
}
