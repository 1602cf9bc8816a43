package org.vigie.saml;

import org.vigie.core.cert.TlsPeer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.vigie.core.cert.TrustAnchors;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.TestPki;
import org.vigie.testkit.VihfBuilder;

/**
 * A test PKI anchored at a fixed instant, so that nothing in the tests that use it depends on today's date: every
 * certificate, CRL and token is built relative to {@link #ANCHOR}, and evaluated at {@link #AT}.
 */
final class FixedPki {

    static final Instant ANCHOR = Instant.parse("2026-03-02T00:00:00Z");
    static final TestPki PKI = TestPki.create(20260302L, ANCHOR);
    /** Evaluation instant, inside every current certificate and CRL of {@link #PKI}. */
    static final Instant AT = ANCHOR.plus(Duration.ofHours(10));
    static final String STRUCT = "1130000011";
    static final OrgCredential AUTH = PKI.authentication(STRUCT);
    static final OrgCredential SIGN = PKI.signature(STRUCT);

    private FixedPki() {
    }

    /** Root anchor, ORGANISATIONS and PERSONNES intermediates (what {@link TestPki#trust()} gives). */
    static TrustAnchors anchors() {
        return PKI.trust();
    }

    /** Both hierarchies: the TEST-named one and the production-named one (as with {@code --trust-test}). */
    static TrustAnchors bothHierarchies() {
        return TrustAnchors.of(List.of(PKI.root(), PKI.productionRoot()),
                List.of(PKI.organisationsCa(), PKI.productionOrganisationsCa()));
    }

    static VihfValidator.Builder validator() {
        return VihfValidator.builder().trust(anchors());
    }

    static VihfBuilder token(OrgCredential sign) {
        return VihfBuilder.indirect(sign).id("_fixed-" + Integer.toHexString(sign.hashCode())).at(AT.minusSeconds(30));
    }

    static VihfValidation check(VihfValidator v, OrgCredential tls, OrgCredential sign) {
        return v.validate(new TlsPeer(tls.certificate(), tls.chain()), VihfInput.of(token(sign).toBytes()), AT);
    }

    static VihfValidation check(VihfValidator v, OrgCredential tls, VihfBuilder token) {
        return v.validate(new TlsPeer(tls.certificate(), tls.chain()), VihfInput.of(token.toBytes()), AT);
    }
}
