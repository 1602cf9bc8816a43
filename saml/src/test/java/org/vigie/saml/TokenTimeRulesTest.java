package org.vigie.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.saml.FixedPki.AT;
import static org.vigie.saml.FixedPki.AUTH;
import static org.vigie.saml.FixedPki.SIGN;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.ReportAssert;

/** AuthnStatement presence (VIHF-AUTHN), time values without a zone and the token's age (VIHF-TIME), both sides. */
class TokenTimeRulesTest {

    private final VihfValidator validator = FixedPki.validator().build();

    private VihfValidation check(VihfBuilder b) {
        return FixedPki.check(validator, AUTH, b);
    }

    @Test
    void validTokenHasNoAuthnNorTimeFinding() {
        VihfValidation r = check(FixedPki.token(SIGN));
        ReportAssert.assertThat(r.report()).doesNotFire(Rules.VIHF_AUTHN);
        ReportAssert.assertThat(r.report()).doesNotFire(Rules.VIHF_TIME);
        assertThat(r.accepted()).as(r.report().toString()).isTrue();
    }

    @Test
    void tokenWithoutAuthnStatementIsRejected() {
        VihfValidation r = check(FixedPki.token(SIGN).withoutAuthnStatement());
        assertThat(r.report().byRule(Rules.VIHF_AUTHN)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("AuthnStatement absent"))
                .satisfies(f -> assertThat(f.location().toString()).isEqualTo("VIHF/AuthnStatement"));
        assertThat(r.report().has(Rules.VIHF_SIGNATURE)).as("signed without it").isFalse();
        assertThat(r.accepted()).isFalse();
    }

    @Test
    void tokenWithAnEmptyAuthnContextClassRefIsRejected() {
        VihfValidation r = check(FixedPki.token(SIGN).authnContext(""));
        assertThat(r.report().byRule(Rules.VIHF_AUTHN)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("AuthnContextClassRef"));
    }

    @Test
    void issueInstantWithoutTimeZoneIsAnError() {
        String local = AT.minusSeconds(30).toString().replace("Z", ""); // 2026-03-02T09:59:30
        VihfValidation r = check(FixedPki.token(SIGN).issueInstantText(local));
        assertThat(r.report().byRule(Rules.VIHF_TIME)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("sans fuseau horaire");
            assertThat(f.evidence()).isEqualTo(local);
        });
        ReportAssert.assertThat(r.report()).doesNotFire(Rules.VIHF_SIGNATURE);
        assertThat(r.accepted()).isFalse();
    }

    @Test
    void issueInstantWithAnOffsetIsReadCorrectlyWithAWarning() {
        // 10:59:30+01:00 is 09:59:30Z: no VIHF-TIME error (not in the future), only the SAML form is wrong
        String offset = AT.minusSeconds(30).plus(Duration.ofHours(1)).toString().replace("Z", "+01:00");
        VihfValidation r = check(FixedPki.token(SIGN).issueInstantText(offset));
        assertThat(r.report().byRule(Rules.VIHF_TIME)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(r.accepted()).isTrue();
    }

    @Test
    void tokenOlderThanTheMaximumAgeIsRejectedAndYoungerOneAccepted() {
        Duration skew = VihfPolicy.defaults().clockSkew();
        Duration max = VihfPolicy.DEFAULT_MAX_TOKEN_AGE;
        VihfValidation old = check(FixedPki.token(SIGN).at(AT.minus(max).minus(skew).minusSeconds(1)));
        assertThat(old.report().byRule(Rules.VIHF_TIME)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("trop ancien").contains("120 min"));
        assertThat(old.accepted()).isFalse();
        VihfValidation justInside = check(FixedPki.token(SIGN).at(AT.minus(max).minus(skew)));
        assertThat(justInside.report().has(Rules.VIHF_TIME)).as(justInside.report().toString()).isFalse();
    }

    @Test
    void maximumAgeIsAPolicySetting() {
        VihfBuilder dayOld = FixedPki.token(SIGN).at(AT.minus(Duration.ofDays(1)));
        VihfValidator unbounded = FixedPki.validator().policy(VihfPolicy.builder().maxTokenAge(null).build()).build();
        assertThat(FixedPki.check(unbounded, AUTH, dayOld).report().has(Rules.VIHF_TIME)).isFalse();
        VihfValidator tight = FixedPki.validator().policy(VihfPolicy.builder().maxTokenAge(Duration.ofMinutes(1))
                .clockSkew(Duration.ZERO).build()).build();
        assertThat(FixedPki.check(tight, AUTH, FixedPki.token(SIGN).at(AT.minusSeconds(61))).report()
                .has(Rules.VIHF_TIME)).isTrue();
        assertThat(FixedPki.check(tight, AUTH, FixedPki.token(SIGN).at(AT.minusSeconds(59))).report()
                .has(Rules.VIHF_TIME)).isFalse();
    }

    @Test
    void conditionsWithoutTimeZoneAreErrorsToo() {
        VihfBuilder zoned = FixedPki.token(SIGN).validity(AT.minus(Duration.ofMinutes(5)), AT.plus(Duration.ofMinutes(5)));
        assertThat(check(zoned).report().has(Rules.VIHF_TIME)).isFalse();
        String until = AT.plus(Duration.ofMinutes(5)).toString().replace("Z", "");
        VihfValidation r = check(FixedPki.token(SIGN).validity(AT.minus(Duration.ofMinutes(5)), AT.plus(Duration.ofMinutes(5)))
                .validityText(null, until));
        assertThat(r.report().byRule(Rules.VIHF_TIME)).singleElement()
                .satisfies(f -> assertThat(f.location().toString()).isEqualTo("VIHF/Conditions/@NotOnOrAfter"))
                .satisfies(f -> assertThat(f.message()).contains("sans fuseau horaire"));
    }
}
