package org.vigie.saml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.vigie.core.Report;
import org.vigie.core.cert.OrgCertificate;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.TestPki;

/**
 * The hand-written paths of the hot path give what the general code they stand in for gives: the UTC time reader
 * against {@link OffsetDateTime#parse}, the zone test against its regex, the Issuer check on the certificate view
 * against the check that parses the certificate's name.
 */
class FastPathsAgreementTest {

    private static final List<String> TIMES = List.of(
            "2026-12-03T10:15:30Z", "2026-12-03T10:15:30.1Z", "2026-12-03T10:15:30.123456789Z",
            "2026-12-03T10:15:30.1234567891Z", "2026-12-03T10:15:30.Z", "2026-12-03T24:00:00Z",
            "2026-12-03T23:59:60Z", "2026-13-03T10:15:30Z", "2026-02-30T10:15:30Z", "2024-02-29T00:00:00Z",
            "2023-02-29T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2026-12-03t10:15:30Z",
            "2026-12-03T10:15:30z", "2026-12-03T10:15:30+00:00", "2026-12-03T10:15:30+01:00", "2026-12-03T10:15:30",
            "2026-12-03 10:15:30Z", "20261203T101530Z", "2026-1-03T10:15:30Z", "+2026-12-03T10:15:30Z",
            "2026-12-03T10:15:3aZ", "2026-12-03T10:15:30.12a4Z", "٢٠٢٦-12-03T10:15:30Z", "2026-12-03T10:15Z",
            "2026-12-03T10:15:30,5Z", "2026-12-03T-1:15:30Z");

    @Test
    void theUtcReaderGivesTheFormattersInstantOrLeavesItToTheFormatter() {
        for (String t : TIMES) {
            Instant fast = AssertionReader.utcInstant(t);
            Instant general;
            try {
                general = OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e) {
                general = null;
            }
            if (fast != null) {
                assertThat(fast).as(t).isEqualTo(general);
            }
            assertThat(AssertionReader.instant(t)).as(t).isEqualTo(general != null ? general : localUtc(t));
        }
        assertThat(AssertionReader.utcInstant("2026-12-03T10:15:30.5Z")).isEqualTo(Instant.parse("2026-12-03T10:15:30.5Z"));
        assertThat(AssertionReader.utcInstant("2026-12-03T24:00:00Z")).isNull();
        assertThat(AssertionReader.utcInstant("2026-12-03T10:15:30+01:00")).isNull();
    }

    private static Instant localUtc(String t) {
        try {
            return java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void theZoneTestIsTheRegex() {
        Pattern zone = Pattern.compile(".*(?:Z|[+-][0-9]{2}:[0-9]{2})");
        for (String t : List.of("2026-12-03T10:15:30Z", "2026-12-03T10:15:30+01:00", "2026-12-03T10:15:30-11:30",
                "2026-12-03T10:15:30", "2026-12-03T10:15:30+0100", "2026-12-03T10:15:30+1:00", "Z", "+01:00",
                "2026-12-03T10:15:30z", "2026-12-03T10:15:30*01:00", "")) {
            assertThat(TokenChecks.hasZone(t)).as(t).isEqualTo(zone.matcher(t).matches());
        }
    }

    @Test
    void theIssuerCheckOnTheViewIsTheIssuerCheckOnTheCertificate() {
        TestPki pki = TestPki.fixed();
        OrgCredential sign = pki.signature("1130000011");
        OrgCertificate view = OrgCertificate.of(sign.certificate());
        String subject = sign.certificate().getSubjectX500Principal().getName();
        for (String issuer : List.of(subject, subject.toLowerCase(), " " + subject + " ", subject.replace(",", ", "),
                sign.certificate().getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC1779),
                "CN=someone else,O=x", "", "not a DN ===",
                reversed(subject))) {
            for (String format : List.of(TokenChecks.X509_SUBJECT_NAME, "urn:other")) {
                TokenData d = new TokenData();
                d.issuer = issuer;
                d.issuerPresent = !issuer.isEmpty();
                d.issuerFormat = format;
                Report.Builder onView = Report.builder();
                TokenChecks.issuer(d, view, onView);
                Report.Builder onCertificate = Report.builder();
                TokenChecks.issuer(d, sign.certificate(), onCertificate);
                assertThat(onView.build().findings()).as(issuer + " / " + format)
                        .isEqualTo(onCertificate.build().findings());
            }
        }
        TokenData d = new TokenData();
        d.issuer = "CN=someone else";
        d.issuerPresent = true;
        d.issuerFormat = TokenChecks.X509_SUBJECT_NAME;
        Report.Builder r = Report.builder();
        TokenChecks.issuer(d, view, r);
        assertThat(r.build().findings()).hasSize(1);
        Report.Builder none = Report.builder();
        TokenChecks.issuer(d, (OrgCertificate) null, none);
        assertThat(none.build().findings()).isEmpty();
    }

    private static String reversed(String dn) {
        List<String> parts = new java.util.ArrayList<>(List.of(dn.split(",")));
        java.util.Collections.reverse(parts);
        return String.join(",", parts);
    }
}
