package org.vigie.doctrine.deployment;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.vigie.core.StructureId;
import org.vigie.doctrine.Usage;

/**
 * One organisation certificate of the deployment inventory, read from a certificate file (PEM or DER) or a row of
 * the CSV inventory.
 *
 * @param holder     the IdNat_Struct it is issued under (subject {@code OU})
 * @param commonName subject {@code CN} (may be empty)
 * @param serial     serial number, upper-case hexadecimal without leading zeros (may be empty when a CSV row does
 *                   not give it)
 * @param notAfter   end of validity, when known
 * @param usages     the services it is used for; never empty ({@link Usage#DMP} by default, {@link Usage#INSI} for a
 *                   certificate named {@code INSI-AUTO} / {@code INSI-MANU})
 * @param software   the software (LPS) it is installed in, free text, may be empty
 * @param kind       {@code AUTH}, {@code SIGN}, {@code SERVER}, {@code OTHER} when read from a file, or what the CSV
 *                   says; may be empty
 * @param source     where it was read: {@code file} or {@code file:line}
 */
public record DeployedCertificate(StructureId holder, String commonName, String serial, Optional<LocalDate> notAfter,
                                  Set<Usage> usages, String software, String kind, String source) {

    /** CN of an INSi certificate for unattended calls. */
    public static final String INSI_AUTO = "INSI-AUTO";
    /** CN of an INSi certificate for calls made by a user. */
    public static final String INSI_MANU = "INSI-MANU";

    /** Normalises empty values; infers the usages from the CN when none is given. */
    public DeployedCertificate {
        Objects.requireNonNull(holder, "holder");
        commonName = commonName == null ? "" : commonName;
        serial = normaliseSerial(serial);
        notAfter = notAfter == null ? Optional.empty() : notAfter;
        software = software == null ? "" : software;
        kind = kind == null ? "" : kind;
        source = source == null ? "" : source;
        if (usages == null || usages.isEmpty()) {
            usages = INSI_AUTO.equals(commonName) || INSI_MANU.equals(commonName) ? Set.of(Usage.INSI)
                    : Set.of(Usage.DMP);
        } else {
            usages = Set.copyOf(usages);
        }
    }

    /**
     * Normalises a serial number written in hexadecimal, with or without {@code 0x}, colons or spaces.
     *
     * @param serial the serial as written, may be null
     * @return upper-case hexadecimal without leading zeros ({@code 0} for zero), or empty when none was given
     */
    public static String normaliseSerial(String serial) {
        if (serial == null) {
            return "";
        }
        String s = serial.strip();
        if (s.startsWith("0x") || s.startsWith("0X")) {
            s = s.substring(2);
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':' || c == ' ' || c == '-') {
                continue;
            }
            b.append(Character.toUpperCase(c));
        }
        int i = 0;
        while (i < b.length() - 1 && b.charAt(i) == '0') {
            i++;
        }
        return b.substring(i);
    }

    /** True when valid on this date (an unknown end of validity counts as valid). */
    public boolean validOn(LocalDate date) {
        return notAfter.map(d -> !d.isBefore(date)).orElse(true);
    }

    /** True when used for INSi or named like an INSi certificate. */
    public boolean insi() {
        return usages.contains(Usage.INSI) || INSI_AUTO.equals(commonName) || INSI_MANU.equals(commonName);
    }

    /** Identity used to drop duplicates: holder and serial (or the source when the serial is unknown). */
    String identity() {
        return holder.value() + "#" + (serial.isEmpty() ? "@" + source : serial);
    }

    /** Holder, CN and serial, for messages. */
    public String label() {
        return "OU=" + holder.value() + (commonName.isEmpty() ? "" : ", CN=" + commonName)
                + (serial.isEmpty() ? "" : ", n° " + serial);
    }
}
