package org.vigie.dmp;

import org.vigie.core.LocalizedArgumentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.vigie.cda.AuthorInstitutionPolicy;
import org.vigie.core.Severity;
import org.vigie.saml.SectorValueSet;
import org.vigie.saml.VihfPolicy;

/**
 * The keys of a policy file ({@link DmpPolicy#fromProperties(Properties)}) and the words of a profile's departures
 * from the strict policy ({@link DmpPolicy#profile()}). Not an API: the keys are documented on
 * {@link DmpPolicy#fromProperties(Properties)}.
 */
final class DmpPolicyProperties {

    private DmpPolicyProperties() {
    }

    static DmpPolicy read(Properties p) {
        Set<String> unknown = new TreeSet<>();
        AuthorInstitutionPolicy.Builder ai = AuthorInstitutionPolicy.defaults().toBuilder();
        VihfPolicy.Builder vihf = VihfPolicy.defaults().toBuilder();
        RequestLimits.Builder limits = RequestLimits.builder();
        DmpPolicy.Builder b = DmpPolicy.builder();
        boolean ejEg = false;
        for (String k : new TreeSet<>(p.stringPropertyNames())) {
            String v = p.getProperty(k).strip();
            switch (k) {
                case "ejEgMode" -> ejEg = bool(k, v);
                case "requireWsAddressing" -> b.requireWsAddressing(bool(k, v));
                case "soap11Severity" -> b.soap11Severity(severity(k, v));
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
                        throw bad(k, "vaut au moins 65536", "is at least 65536", v);
                    }
                    limits.maxXmlTokenBytes(n);
                }
                case "limits.maxDecodedBytes" -> limits.maxDecodedBytes(longValue(k, v));
                case "limits.maxExpansionRatio" -> limits.maxExpansionRatio(integer(k, v));
                case "vihf.acceptedVersions" -> vihf.acceptedVersions(list(v));
                case "vihf.rejectSha1" -> vihf.rejectSha1(bool(k, v));
                case "vihf.clockSkew" -> vihf.clockSkew(duration(k, v));
                case "vihf.forbiddenSectors" -> vihf.forbiddenSectors(list(v));
                case "vihf.sectorValueSet" -> vihf.sectorValueSet(valueSet(v));
                case "vihf.maxTokenBytes" -> vihf.maxTokenBytes(integer(k, v));
                case "vihf.maxTokenAge" -> vihf.maxTokenAge(v.equalsIgnoreCase("none") ? null : positive(k, duration(k, v)));
                case "vihf.requireOrganisationCa" -> vihf.requireOrganisationCa(bool(k, v));
                case "vihf.organisationPolicyOids" -> vihf.organisationPolicyOids(list(v));
                case "vihf.unusableCrlSeverity" -> vihf.unusableCrlSeverity(severity(k, v));
                case "vihf.splitRoleSeverity" -> vihf.splitRoleSeverity(severity(k, v));
                case "vihf.audienceRestrictionSeverity" -> vihf.audienceRestrictionSeverity(severity(k, v));
                default -> unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            throw new LocalizedArgumentException("clé(s) de politique inconnue(s) : " + unknown, "unknown policy key(s): " + unknown);
        }
        return b.vihf(vihf.ejEgMode(ejEg).build()).authorInstitution(ai.ejEgMode(ejEg).build()).limits(limits.build())
                .build();
    }

    /**
     * Each setting of {@code p} that differs from the default policy, in words, with its key and both values: the
     * VIHF and authorInstitution parts' own departures ({@link VihfPolicy#profile()},
     * {@link AuthorInstitutionPolicy#profile()}; the shared EJ/EG mode once), then the receiver's settings.
     */
    static List<String> departures(DmpPolicy p) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        out.addAll(p.vihf().profile().relaxations());
        out.addAll(p.authorInstitution().profile().relaxations());
        List<String> own = new ArrayList<>();
        RequestLimits l = p.limits();
        RequestLimits dl = RequestLimits.defaults();
        diff(own, "requireWsAddressing", "WS-Addressing exigé", p.requireWsAddressing(), false);
        diff(own, "soap11Severity", "gravité d'une enveloppe SOAP 1.1", p.soap11Severity(), Severity.WARNING);
        diff(own, "limits.maxVihfBytes", "taille maximale du VIHF", l.maxVihfBytes(), dl.maxVihfBytes());
        diff(own, "limits.maxSoapHeaderBytes", "taille maximale de l'en-tête SOAP", l.maxSoapHeaderBytes(),
                dl.maxSoapHeaderBytes());
        diff(own, "limits.maxParts", "nombre maximal de parties MIME", l.maxParts(), dl.maxParts());
        diff(own, "limits.maxHttpHeaderBytes", "taille maximale des en-têtes HTTP", l.maxHttpHeaderBytes(),
                dl.maxHttpHeaderBytes());
        diff(own, "limits.maxPartHeaderFields", "nombre maximal de champs d'en-tête d'une partie",
                l.maxPartHeaderFields(), dl.maxPartHeaderFields());
        diff(own, "limits.maxPartHeaderLineLength", "longueur maximale d'une ligne d'en-tête de partie",
                l.maxPartHeaderLineLength(), dl.maxPartHeaderLineLength());
        diff(own, "limits.maxDepth", "profondeur XML maximale", l.maxDepth(), dl.maxDepth());
        diff(own, "limits.maxXmlTokenBytes", "taille maximale d'un jeton XML", l.maxXmlTokenBytes(), dl.maxXmlTokenBytes());
        diff(own, "limits.maxDecodedBytes", "taille décodée maximale", l.maxDecodedBytes(), dl.maxDecodedBytes());
        diff(own, "limits.maxExpansionRatio", "taux d'expansion maximal", l.maxExpansionRatio(), dl.maxExpansionRatio());
        out.addAll(own);
        return List.copyOf(out);
    }

    private static void diff(List<String> out, String key, String words, Object value, Object strict) {
        String vt = String.valueOf(value);
        String st = String.valueOf(strict);
        if (!vt.equals(st)) {
            out.add(words + " : " + vt + " (profil strict : " + st + ") [" + key + "]");
        }
    }

    static boolean bool(String k, String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "oui", "1" -> true;
            case "false", "no", "non", "0" -> false;
            default -> throw bad(k, "attend true/false", "expects true/false", v);
        };
    }

    static Severity severity(String k, String v) {
        try {
            return Severity.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(k, "attend INFO, WARNING ou ERROR", "expects INFO, WARNING or ERROR", v);
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
            throw bad(k, "attend un entier positif", "expects a positive integer", v);
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
            throw bad(k, "attend un entier positif", "expects a positive integer", v);
        }
    }

    static LocalDate date(String k, String v) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw bad(k, "attend une date AAAA-MM-JJ", "expects a date YYYY-MM-DD", v);
        }
    }

    private static List<String> list(String v) {
        return Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Duration duration(String k, String v) {
        try {
            return v.startsWith("P") || v.startsWith("p") ? Duration.parse(v) : Duration.ofSeconds(Long.parseLong(v));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw bad(k, "attend une durée (PT5M) ou des secondes", "expects a duration (PT5M) or seconds", v);
        }
    }

    private static Duration positive(String k, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw bad(k, "attend une durée positive (ou none)", "expects a positive duration (or none)", d);
        }
        return d;
    }

    private static SectorValueSet valueSet(String v) {
        if (v.equalsIgnoreCase("JDV_J61")) {
            return SectorValueSet.jdvJ61();
        }
        if (v.equalsIgnoreCase("JDV_J02")) {
            return SectorValueSet.jdvJ02();
        }
        Path p = Path.of(v);
        if (!Files.isRegularFile(p)) {
            throw new LocalizedArgumentException("politique : jeu de valeurs introuvable : " + v, "policy: value set not found: " + v);
        }
        try (InputStream in = Files.newInputStream(p)) {
            return SectorValueSet.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("politique : jeu de valeurs illisible : " + v, e);
        }
    }

    /** A bad value of a policy key, in French and English. */
    private static LocalizedArgumentException bad(String key, String expectsFr, String expectsEn, Object value) {
        return new LocalizedArgumentException("politique : " + key + " " + expectsFr + ", pas « " + value + " »",
                "policy: " + key + " " + expectsEn + ", not \"" + value + "\"");
    }
}
