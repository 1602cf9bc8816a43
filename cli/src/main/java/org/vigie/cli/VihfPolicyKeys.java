package org.vigie.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.vigie.saml.SectorValueSet;
import org.vigie.saml.VihfPolicy;

/**
 * The VIHF keys of a {@code --policy} file:
 * <ul>
 *   <li>{@code vihf.acceptedVersions} — comma-separated (default 3.0,4.0);</li>
 *   <li>{@code vihf.rejectSha1} — true makes SHA-1 an ERROR (default false: WARNING);</li>
 *   <li>{@code vihf.clockSkew} — ISO-8601 duration or seconds (default PT5M);</li>
 *   <li>{@code vihf.forbiddenSectors} — comma-separated SAxx codes (replaces the default list);</li>
 *   <li>{@code vihf.sectorValueSet} — {@code JDV_J61} (default), {@code JDV_J02}, or a value-set file;</li>
 *   <li>{@code vihf.maxTokenBytes} — positive integer;</li>
 *   <li>{@code vihf.maxTokenAge} — ISO-8601 duration or seconds, or {@code none} (default PT2H);</li>
 *   <li>{@code vihf.requireOrganisationCa} — false for an own PKI whose CAs are not named IGC-Santé ORGANISATIONS;</li>
 *   <li>{@code vihf.organisationPolicyOids} — comma-separated policy OIDs both certificates must carry one of;</li>
 *   <li>{@code vihf.unusableCrlSeverity} — INFO, WARNING (default) or ERROR.</li>

 *   <li>{@code vihf.splitRoleSeverity} — INFO/WARNING/ERROR (default WARNING): role values split over several
 *       Attribute elements;</li>
 *   <li>{@code vihf.audienceRestrictionSeverity} — INFO/WARNING/ERROR (default WARNING): VIHF-CONDITIONS.</li>
 * </ul>
 */
final class VihfPolicyKeys {

    private VihfPolicyKeys() {
    }

    /** Applies the {@code vihf.*} keys of {@code p}, removing the used ones from {@code remaining}. */
    static VihfPolicy apply(Properties p, Set<String> remaining, boolean ejEg) throws IOException {
        VihfPolicy.Builder b = VihfPolicy.defaults().toBuilder().ejEgMode(ejEg);
        for (String k : List.copyOf(remaining)) {
            if (!k.startsWith("vihf.")) {
                continue;
            }
            String v = p.getProperty(k).strip();
            switch (k) {
                case "vihf.acceptedVersions" -> b.acceptedVersions(list(v));
                case "vihf.rejectSha1" -> b.rejectSha1(PolicyFile.bool(k, v));
                case "vihf.clockSkew" -> b.clockSkew(duration(k, v));
                case "vihf.forbiddenSectors" -> b.forbiddenSectors(list(v));
                case "vihf.sectorValueSet" -> b.sectorValueSet(valueSet(v));
                case "vihf.maxTokenBytes" -> b.maxTokenBytes(PolicyFile.integer(k, v));
                case "vihf.maxTokenAge" -> b.maxTokenAge(v.equalsIgnoreCase("none") ? null : positive(k, duration(k, v)));
                case "vihf.requireOrganisationCa" -> b.requireOrganisationCa(PolicyFile.bool(k, v));
                case "vihf.organisationPolicyOids" -> b.organisationPolicyOids(list(v));
                case "vihf.unusableCrlSeverity" -> b.unusableCrlSeverity(PolicyFile.severity(k, v));

                case "vihf.splitRoleSeverity" -> b.splitRoleSeverity(PolicyFile.severity(k, v));
                case "vihf.audienceRestrictionSeverity" -> b.audienceRestrictionSeverity(PolicyFile.severity(k, v));
                default -> {
                    continue;
                }
            }
            remaining.remove(k);
        }
        return b.build();
    }

    private static List<String> list(String v) {
        return Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Duration duration(String k, String v) {
        try {
            return v.startsWith("P") || v.startsWith("p") ? Duration.parse(v) : Duration.ofSeconds(Long.parseLong(v));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new UnusableInputException("politique : " + k + " attend une durée (PT5M) ou des secondes, pas « " + v + " »");
        }
    }

    private static Duration positive(String k, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new UnusableInputException("politique : " + k + " attend une durée positive (ou none), pas « " + d + " »");
        }
        return d;
    }

    private static SectorValueSet valueSet(String v) throws IOException {
        if (v.equalsIgnoreCase("JDV_J61")) {
            return SectorValueSet.jdvJ61();
        }
        if (v.equalsIgnoreCase("JDV_J02")) {
            return SectorValueSet.jdvJ02();
        }
        Path p = Path.of(v);
        if (!Files.isRegularFile(p)) {
            throw new UnusableInputException("politique : jeu de valeurs introuvable : " + v);
        }
        try (InputStream in = Files.newInputStream(p)) {
            return SectorValueSet.parse(in);
        }
    }
}
