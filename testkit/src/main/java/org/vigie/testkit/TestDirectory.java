package org.vigie.testkit;

import java.util.Objects;
import java.util.Optional;
import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.core.LegalEntity;
import org.vigie.core.LegalStatus;
import org.vigie.core.Siren;
import org.vigie.core.StructureDirectory;

/**
 * A FINESS directory for tests, written in a few lines: legal entities (EJ), their establishments (EG, active or
 * closed, with a category), built into core's {@link InMemoryStructureDirectory} so that every rule resolves through
 * the one {@link StructureDirectory#resolve} of the project.
 *
 * <pre>{@code
 * StructureDirectory dir = TestDirectory.builder()
 *     .legalEntity("750712184", "AP-HP", "267500452", "13")
 *     .establishments("750712184", "750100125", "750803447")
 *     .closedEstablishment("750712184", "750000366")
 *     .legalEntity("920000650", "AUTRE EJ")
 *     .establishment("920000650", "920100013")
 *     .build();
 * }</pre>
 *
 * FINESS numbers are given as the nine digits or as the IdNat_Struct ({@code 1} + FINESS) that tokens and
 * authorInstitution values carry.
 */
public final class TestDirectory {

    /** The category code given to establishments when none is said (355: centre hospitalier). */
    public static final String DEFAULT_CATEGORY = "355";

    private TestDirectory() {
    }

    /**
     * A new, empty builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The directory of the usual test structures: the EJ {@code 750712184} (AP-HP, SIREN {@code 267500452}, statut 13)
     * with the active EGs {@code 750100125} and {@code 750803447} and the closed EG {@code 750000366}; another EJ
     * {@code 920000650} with the EG {@code 920100013}.
     *
     * @return the directory
     */
    public static InMemoryStructureDirectory usual() {
        return builder()
                .legalEntity("750712184", "AP-HP", "267500452", "13")
                .establishments("750712184", "750100125", "750803447")
                .closedEstablishment("750712184", "750000366")
                .legalEntity("920000650", "AUTRE EJ")
                .establishment("920000650", "920100013")
                .build();
    }

    /** Builds a {@link TestDirectory}; not thread-safe. */
    public static final class Builder {

        private final InMemoryStructureDirectory.Builder b = InMemoryStructureDirectory.builder();

        private Builder() {
        }

        /**
         * Adds a legal entity without SIREN nor statut.
         *
         * @param finess its FINESS (or IdNat_Struct)
         * @param name   its name
         * @return this builder
         */
        public Builder legalEntity(String finess, String name) {
            b.add(new LegalEntity(finess(finess), name, Optional.empty(), "", null));
            return this;
        }

        /**
         * Adds a legal entity with its SIREN and statut code.
         *
         * @param finess     its FINESS (or IdNat_Struct)
         * @param name       its name
         * @param siren      its SIREN (nine digits)
         * @param statutCode its FINESS statut code (e.g. {@code 13}), which gives its {@link LegalStatus}
         * @return this builder
         */
        public Builder legalEntity(String finess, String name, String siren, String statutCode) {
            b.add(new LegalEntity(finess(finess), name, Optional.of(Siren.parse(siren)), statutCode,
                    LegalStatus.ofCode(statutCode)));
            return this;
        }

        /**
         * Adds an active establishment of {@link #DEFAULT_CATEGORY}.
         *
         * @param legalEntity its EJ's FINESS (or IdNat_Struct)
         * @param finess      its FINESS (or IdNat_Struct)
         * @return this builder
         */
        public Builder establishment(String legalEntity, String finess) {
            return establishment(legalEntity, finess, DEFAULT_CATEGORY, true);
        }

        /**
         * Adds active establishments of {@link #DEFAULT_CATEGORY}.
         *
         * @param legalEntity their EJ's FINESS (or IdNat_Struct)
         * @param finess      their FINESS numbers (or IdNat_Struct)
         * @return this builder
         */
        public Builder establishments(String legalEntity, String... finess) {
            for (String f : finess) {
                establishment(legalEntity, f);
            }
            return this;
        }

        /**
         * Adds a closed establishment of {@link #DEFAULT_CATEGORY}.
         *
         * @param legalEntity its EJ's FINESS (or IdNat_Struct)
         * @param finess      its FINESS (or IdNat_Struct)
         * @return this builder
         */
        public Builder closedEstablishment(String legalEntity, String finess) {
            return establishment(legalEntity, finess, DEFAULT_CATEGORY, false);
        }

        /**
         * Adds an establishment.
         *
         * @param legalEntity  its EJ's FINESS (or IdNat_Struct)
         * @param finess       its FINESS (or IdNat_Struct)
         * @param categoryCode its FINESS category code (e.g. {@code 500} for an EHPAD, {@code 620} for a pharmacy)
         * @param active       false for a closed establishment
         * @return this builder
         */
        public Builder establishment(String legalEntity, String finess, String categoryCode, boolean active) {
            Finess f = finess(finess);
            b.add(new Establishment(f, finess(legalEntity), "EG " + f.value(), categoryCode, "", "", Optional.empty(),
                    f.value().substring(0, 2), Optional.empty(), active));
            return this;
        }

        /**
         * The directory.
         *
         * @return a new immutable directory holding what was added
         */
        public InMemoryStructureDirectory build() {
            return b.build();
        }

        private static Finess finess(String s) {
            String v = Objects.requireNonNull(s, "finess").strip();
            return Finess.parse(v.length() == 10 && v.charAt(0) == '1' ? v.substring(1) : v);
        }
    }
}
