package org.vigie.core;

import java.util.Objects;

/**
 * A rule of the public catalogue ({@link Rules}): its stable id, default severity, family and titles.
 *
 * @param id              stable id, e.g. {@code VIHF-STRUCT-EQ}; never renamed nor reused
 * @param defaultSeverity severity when no policy changes it
 * @param family          the catalogue section the rule belongs to
 * @param titleFr         short French title
 * @param titleEn         short English title
 */
public record Rule(String id, Severity defaultSeverity, Family family, String titleFr, String titleEn) {

    /** Catalogue sections. */
    public enum Family {
        CERTIFICATE("Certificats", "Certificates"),
        VIHF("Jeton VIHF", "VIHF token"),
        AUTHOR_INSTITUTION("authorInstitution", "authorInstitution"),
        IDENTIFIER("Identifiants", "Identifiers"),
        DOCTRINE("Doctrine des certificats", "Certificate doctrine"),
        /** The SOAP and MIME message itself (envelope, version, addressing, parts), apart from what it carries. */
        SOAP_MIME("Message SOAP et MIME", "SOAP and MIME message");

        private final String fr;
        private final String en;

        Family(String fr, String en) {
            this.fr = fr;
            this.en = en;
        }

        public String titleFr() {
            return fr;
        }

        public String titleEn() {
            return en;
        }
    }

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(titleFr, "titleFr");
        Objects.requireNonNull(titleEn, "titleEn");
    }

    @Override
    public String toString() {
        return id;
    }
}
