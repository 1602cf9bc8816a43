package org.vigie.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.vigie.dmp.DmpPolicy;
import picocli.CommandLine.Option;

/** The {@code --policy} option shared by {@code vigie check} and {@code vigie serve}. */
final class PolicyOption {

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Fichier de politique (.properties, UTF-8 ; clés : docs/cli.md) ; sans lui : profil strict "
                    + "dmp-strict/1. Une clé inconnue est une erreur.")
    Path policy;

    /** The policy of the file, or the default (strict) policy. */
    DmpPolicy policy() throws IOException {
        return policy == null ? DmpPolicy.defaults() : PolicyFile.load(policy);
    }
}
