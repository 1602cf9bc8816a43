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
 *   <li>{@code ai.lotMayDiffer} (true/false), {@code ai.geographicMandatoryFrom} (date, e.g. 2024-01-01),
 *       {@code ai.readWholeAttachments} (true/false: MTOM parts read to their end, nothing may follow the CDA body);</li>
 *   <li>{@code limits.maxVihfBytes}, {@code limits.maxSoapHeaderBytes}, {@code limits.maxParts},
 *       {@code limits.maxHttpHeaderBytes}, {@code limits.maxDepth}, {@code limits.maxXmlTokenBytes},
 *       {@code limits.maxDecodedBytes}, {@code limits.maxExpansionRatio} (positive integers);</li>
 *   <li>{@code soap11Severity} (INFO/WARNING/ERROR, default WARNING): {@code SOAP-VERSION} for a SOAP 1.1 envelope;</li>
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
        org.vigie.core.Severity soap11 = null;
        boolean wsa = false;
        for (String k : Set.copyOf(keys)) {
            String v = p.getProperty(k).strip();
            boolean used = true;
            switch (k) {
                case "ejEgMode" -> ejEg = bool(k, v);
                case "requireWsAddressing" -> wsa = bool(k, v);
                case "ai.lotMayDiffer" -> ai.lotMayDiffer(bool(k, v));
                case "ai.geographicMandatoryFrom" -> ai.geographicMandatoryFrom(date(k, v));
                case "ai.readWholeAttachments" -> ai.readWholeAttachments(bool(k, v));
                case "limits.maxVihfBytes" -> limits.maxVihfBytes(integer(k, v));
                case "limits.maxSoapHeaderBytes" -> limits.maxSoapHeaderBytes(integer(k, v));
                case "limits.maxParts" -> limits.maxParts(integer(k, v));
                case "limits.maxHttpHeaderBytes" -> limits.maxHttpHeaderBytes(integer(k, v));
                case "limits.maxDepth" -> limits.maxDepth(integer(k, v));
                case "limits.maxXmlTokenBytes" -> {
                    long n = longValue(k, v);
                    if (n < 65_536) {
                        throw new UnusableInputException("politique : " + k + " vaut au moins 65536, pas « " + v + " »");
                    }
                    limits.maxXmlTokenBytes(n);
                }
                case "limits.maxDecodedBytes" -> limits.maxDecodedBytes(longValue(k, v));
                case "limits.maxExpansionRatio" -> limits.maxExpansionRatio(integer(k, v));
                case "soap11Severity" -> soap11 = severity(k, v);
                default -> used = false;
            }
            if (used) {
                keys.remove(k);
            }
        }
        ai.ejEgMode(ejEg);
        DmpPolicy.Builder b = DmpPolicy.builder().authorInstitution(ai.build()).limits(limits.build())
                .requireWsAddressing(wsa);
        if (soap11 != null) {
            b.soap11Severity(soap11);
        }
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

    static org.vigie.core.Severity severity(String k, String v) {
        try {
            return org.vigie.core.Severity.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException("politique : " + k + " attend INFO, WARNING ou ERROR, pas « " + v + " »");
        }
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

    static long longValue(String k, String v) {
        try {
            long l = Long.parseLong(v);
            if (l <= 0) {
                throw new NumberFormatException();
            }
            return l;
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
