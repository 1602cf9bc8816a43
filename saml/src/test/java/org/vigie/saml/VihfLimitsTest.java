package org.vigie.saml;

import org.vigie.core.cert.TlsPeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.testkit.ReportAssert;

/**
 * The token size limit ({@link VihfPolicy#maxTokenBytes()}, default 1 MiB) in every input form: an input of exactly
 * the limit is read and accepted, one byte more is a {@code VIHF-XML} ERROR saying the input is too big, and the
 * valid token behind it is not even parsed.
 */
class VihfLimitsTest {

    enum Form {
        ASSERTION_BYTES(b -> b.toBytes()),
        SECURITY_HEADER(b -> b.toSecurityHeaderXml().getBytes(StandardCharsets.UTF_8)),
        SOAP_ENVELOPE(b -> b.toSoapEnvelopeXml().getBytes(StandardCharsets.UTF_8));

        final Function<org.vigie.testkit.VihfBuilder, byte[]> bytes;

        Form(Function<org.vigie.testkit.VihfBuilder, byte[]> bytes) {
            this.bytes = bytes;
        }
    }

    static Report check(int limit, VihfInput input) {
        VihfValidator v = Fixtures.validatorBuilder().policy(VihfPolicy.builder().maxTokenBytes(limit).build()).build();
        return v.validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()), input, Fixtures.AT).report();
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void anInputOfExactlyTheLimitIsReadAndOneByteMoreIsRefused(Form form) {
        byte[] token = form.bytes.apply(Fixtures.token());
        Report atLimit = check(token.length, VihfInput.of(token));
        assertThat(atLimit.accepted()).as("%s", atLimit).isTrue();
        ReportAssert.assertThat(atLimit).doesNotFire(Rules.VIHF_XML);

        Report over = check(token.length - 1, VihfInput.of(token));
        assertThat(over.accepted()).isFalse();
        assertThat(over.byRule(Rules.VIHF_XML)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("trop gros"));
        assertThat(over.has(Rules.VIHF_SIGNATURE)).as("an oversized input is not parsed").isFalse();
    }

    @Test
    void aStreamIsHeldToTheSameLimit() {
        byte[] token = Fixtures.token().toBytes();
        assertThat(check(token.length, VihfInput.of(new ByteArrayInputStream(token))).accepted()).isTrue();
        Report over = check(token.length - 1, VihfInput.of(new ByteArrayInputStream(token)));
        assertThat(over.byRule(Rules.VIHF_XML)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("trop gros"));
    }

    @Test
    void theDefaultLimitIsOneMebibyteAndTheSmallestAllowedIs256Bytes() {
        assertThat(VihfPolicy.defaults().maxTokenBytes()).isEqualTo(1024 * 1024);
        assertThat(VihfPolicy.builder().maxTokenBytes(256).build().maxTokenBytes()).isEqualTo(256);
        assertThatThrownBy(() -> VihfPolicy.builder().maxTokenBytes(255)).isInstanceOf(IllegalArgumentException.class);
    }
}
