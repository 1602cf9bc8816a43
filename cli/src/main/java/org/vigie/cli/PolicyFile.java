package org.vigie.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.vigie.cda.AuthorInstitutionPolicy;
import org.vigie.dmp.DmpPolicy;
import org.vigie.dmp.RequestLimits;

/**
 * Reads a {@code --policy} file: Java properties, UTF-8. Unknown keys are an error (a typo must not silently
 * keep a default). Keys:
 * <ul>
 *   <li>{@code ejEgMode} (true/false): the EJ/EG mode, for both controls;</li>
 *   <li>{@code requireWsAddressing} (true/false): a request without wsa:Action is a SOAP-ACTION ERROR;</li>
 *   <li>{@code ai.lotMayDiffer} (true/false), {@code ai.geographicMandatoryFrom} (date, e.g. 2024-01-01);</li>
 *   <li>{@code limits.maxVihfBytes}, {@code limits.maxSoapHeaderBytes}, {@code limits.maxParts},
 *       {@code limits.maxHttpHeaderBytes}, {@code limits.maxDepth} (positive integers);</li>
 *   <li>VIHF keys, see {@link VihfPolicyKeys}.</li>
 * </ul>
 */
final class PolicyFile {

    private PolicyFile() {
    }

    static DmpPolicy load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new UnusableInputException("fichier de politique introuvable : " + file);
        }
        Set<String> keys = new TreeSet<>(p.stringPropertyNames());
        AuthorInstitutionPolicy.Builder ai = AuthorInstitutionPolicy.defaults().toBuilder();
        RequestLimits.Builder limits = RequestLimits.builder();
        boolean ejEg = false;
        boolean wsa = false;
        for (String k : Set.copyOf(keys)) {
            String v = p.getProperty(k).strip();
            boolean used = true;
            switch (k) {
                case "ejEgMode" -> ejEg = bool(k, v);
                case "requireWsAddressing" -> wsa = bool(k, v);
                case "ai.lotMayDiffer" -> ai.lotMayDiffer(bool(k, v));
                case "ai.geographicMandatoryFrom" -> ai.geographicMandatoryFrom(date(k, v));
                case "limits.maxVihfBytes" -> limits.maxVihfBytes(integer(k, v));
                case "limits.maxSoapHeaderBytes" -> limits.maxSoapHeaderBytes(integer(k, v));
                case "limits.maxParts" -> limits.maxParts(integer(k, v));
                case "limits.maxHttpHeaderBytes" -> limits.maxHttpHeaderBytes(integer(k, v));
                case "limits.maxDepth" -> limits.maxDepth(integer(k, v));
                default -> used = false;
            }
            if (used) {
                keys.remove(k);
            }
        }
        ai.ejEgMode(ejEg);
        DmpPolicy.Builder b = DmpPolicy.builder().authorInstitution(ai.build()).limits(limits.build())
                .requireWsAddressing(wsa);
        b.vihf(VihfPolicyKeys.apply(p, keys, ejEg));
        if (!keys.isEmpty()) {
            throw new UnusableInputException("clé(s) de politique inconnue(s) dans " + file + " : " + keys);
        }
        return b.build();
    }

    static boolean bool(String k, String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "oui", "1" -> true;
            case "false", "no", "non", "0" -> false;
            default -> throw new UnusableInputException("politique : " + k + " attend true/false, pas « " + v + " »");
        };
    }

    static int integer(String k, String v) {
        try {
            int i = Integer.parseInt(v);
            if (i <= 0) {
                throw new NumberFormatException();
            }
            return i;
        } catch (NumberFormatException e) {
            throw new UnusableInputException("politique : " + k + " attend un entier positif, pas « " + v + " »");
        }
    }

    static LocalDate date(String k, String v) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new UnusableInputException("politique : " + k + " attend une date AAAA-MM-JJ, pas « " + v + " »");
        }
    }
}
