package org.vigie.doctrine;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is the technical administrator that obtains, installs and renews the certificates.
 *
 * @param mode              in-house or delegated to a third party (e.g. the software vendor)
 * @param vendor            the delegate's name (vendor mode)
 * @param ansContract       whether the delegate has its contract with ANS (vendor mode), when known
 * @param administratorCard whether the administrator holds the card needed (CPA for a delegate, CPE in-house),
 *                          when known
 */
public record Delegation(Mode mode, String vendor, Optional<Boolean> ansContract, Optional<Boolean> administratorCard) {

    /** Delegation mode. */
    public enum Mode {
        /** Case 2: the structure's own administrator, with a CPE card. */
        IN_HOUSE,
        /** Case 1: a third party (vendor) with an ANS contract and CPA cards. */
        VENDOR
    }

    public Delegation {
        Objects.requireNonNull(mode, "mode");
        vendor = vendor == null ? "" : vendor;
        ansContract = ansContract == null ? Optional.empty() : ansContract;
        administratorCard = administratorCard == null ? Optional.empty() : administratorCard;
    }

    /** In-house administration, nothing else known. */
    public static Delegation inHouse() {
        return new Delegation(Mode.IN_HOUSE, "", Optional.empty(), Optional.empty());
    }

    /** Delegated to a vendor. */
    public static Delegation vendor(String vendor, boolean ansContract) {
        return new Delegation(Mode.VENDOR, vendor, Optional.of(ansContract), Optional.empty());
    }
}
