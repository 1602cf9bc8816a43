package org.vigie.cli;

import picocli.CommandLine.Option;

/** The {@code --format text|json} option of {@code vigie check}, {@code plan} and {@code rules}. */
final class FormatOption {

    /** The output formats. */
    enum Format { text, json }

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Format de sortie : ${COMPLETION-CANDIDATES} (défaut : ${DEFAULT-VALUE}).")
    Format format = Format.text;

    /** True for {@code --format json}. */
    boolean json() {
        return format == Format.json;
    }
}
