package org.vigie.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.vigie.core.Finding;
import org.vigie.core.Messages;
import org.vigie.core.cert.TlsPeer;
import org.vigie.testkit.VihfDefect;

/**
 * Every finding the saml module makes for the test kit's defects comes from the message catalogue, in French and
 * English, with its placeholders filled.
 */
class SamlMessagesTest {

    @Test
    void everyDefectFindingHasACatalogueMessageInBothLanguages() {
        VihfValidator v = Fixtures.validatorBuilder().directory(Fixtures.directory()).build();
        List<Finding> all = new ArrayList<>();
        for (VihfDefect d : VihfDefect.values()) {
            byte[] token = Fixtures.bytes(Fixtures.token().breaking(d), d);
            all.addAll(v.validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()), VihfInput.of(token),
                    Fixtures.AT).report().findings());
        }
        assertThat(all).isNotEmpty();
        assertThat(all).allSatisfy(f -> {
            assertThat(Messages.has(f.messageKey())).as(f.messageKey()).isTrue();
            assertThat(f.message()).as(f.messageKey()).isNotBlank().doesNotContain("{0}");
            assertThat(f.message(Locale.ENGLISH)).as(f.messageKey()).isNotBlank().doesNotContain("{0}");
        });
        assertThat(all).anySatisfy(f -> assertThat(f.message(Locale.ENGLISH)).isNotEqualTo(f.message()));
    }
}
