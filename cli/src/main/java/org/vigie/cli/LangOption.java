package org.vigie.cli;

import java.util.List;
import java.util.Locale;
import org.vigie.core.Messages;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * The {@code --lang fr|en} option of {@code vigie check}, {@code serve}, {@code plan} and {@code rules}: the language
 * of the findings' messages and of the rule titles (the command line's own texts stay French).
 */
final class LangOption {

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "fr", converter = LangConverter.class,
            description = "Langue des messages des constats et des intitulés des règles : fr ou en (défaut : ${DEFAULT-VALUE}).")
    Locale locale = Locale.FRENCH;

    /** The chosen language ({@link Locale#FRENCH} or {@link Locale#ENGLISH}). */
    Locale locale() {
        return locale;
    }

    /** Reads {@code fr} or {@code en} with {@link Messages#parseLanguage(String)}. */
    static final class LangConverter implements ITypeConverter<Locale> {
        @Override
        public Locale convert(String value) {
            try {
                return Messages.parseLanguage(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(CliText.get(VigieCommand.localeOf(List.of(value)), "err.lang", value));
            }
        }
    }
}
