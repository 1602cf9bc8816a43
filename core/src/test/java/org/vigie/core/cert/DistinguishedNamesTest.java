package org.vigie.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistinguishedNamesTest {

    /** Subject of the ANS INDIRECTE example signer, as the certificate encodes it. */
    private static final X500Principal SESAM = new X500Principal(
            "CN=serviceps.sesam-vitale.fr,OU=339172288100052,O=GIE SESAM VITALE,ST=Sarthe (72),C=FR");
    private static final X500Principal COTE_DOR = new X500Principal(
            "CN=testsign.test.asipsante.fr,OU=300000000077081,O=MINISTERE DE TEST7708,ST=Côte-d'Or (21),C=FR");

    @ParameterizedTest
    @ValueSource(strings = {
            "CN=serviceps.sesam-vitale.fr,OU=339172288100052,O=GIE SESAM VITALE,ST=Sarthe (72),C=FR",
            "C=FR, ST=Sarthe (72), O=GIE SESAM VITALE, OU=339172288100052, CN=serviceps.sesam-vitale.fr",
            "C = FR, ST = Sarthe (72), O = GIE SESAM VITALE, OU = 339172288100052, CN = serviceps.sesam-vitale.fr",
            "CN=serviceps.sesam-vitale.fr, OU=339172288100052, O=GIE SESAM VITALE, S=Sarthe (72), C=FR",
            "CN=serviceps.sesam-vitale.fr;OU=339172288100052;O=GIE SESAM VITALE;ST=Sarthe (72);C=FR",
            "cn=SERVICEPS.sesam-vitale.fr,ou=339172288100052,o=GIE  SESAM VITALE,st=Sarthe (72),c=fr",
            "OID.2.5.4.3=serviceps.sesam-vitale.fr,2.5.4.11=339172288100052,O=\"GIE SESAM VITALE\",ST=Sarthe (72),C=FR",
            "CN=serviceps.sesam-vitale.fr,OU=#130f333339313732323838313030303532,O=GIE SESAM VITALE,ST=Sarthe (72),C=FR",
            "/C=FR/ST=Sarthe (72)/O=GIE SESAM VITALE/OU=339172288100052/CN=serviceps.sesam-vitale.fr"})
    void spellingsOfTheSameNameMatch(String spelling) {
        assertThat(DistinguishedNames.sameName(spelling, SESAM)).as(spelling).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CN=serviceps.sesam-vitale.fr,OU=339172288100053,O=GIE SESAM VITALE,ST=Sarthe (72),C=FR",
            "CN=serviceps.sesam-vitale.fr,OU=339172288100052,O=GIE SESAM VITALE,C=FR",
            "CN=serviceps.sesam-vitale.fr,OU=339172288100052,O=GIE SESAM VITALE,ST=Sarthe (72),C=FR,DC=evil",
            "CN=serviceps.sesam-vitale.fr,O=339172288100052,OU=GIE SESAM VITALE,ST=Sarthe (72),C=FR",
            "OU=339172288100052,CN=serviceps.sesam-vitale.fr,O=GIE SESAM VITALE,ST=Sarthe (72),C=FR",
            "CN=serviceps.sesam-vitale.fr+OU=339172288100052,O=GIE SESAM VITALE,ST=Sarthe (72),C=FR",
            "serviceps.sesam-vitale.fr",
            "",
            "CN=serviceps.sesam-vitale.fr,XX=1,O=GIE SESAM VITALE,ST=Sarthe (72),C=FR"})
    void differentOrMalformedNamesDoNotMatch(String spelling) {
        assertThat(DistinguishedNames.sameName(spelling, SESAM)).as(spelling).isFalse();
    }

    @Test
    void hexEscapedUtf8AndQuotedValuesAreDecoded() {
        assertThat(DistinguishedNames.sameName(
                "C=FR, ST=C\\C3\\B4te-d\\'Or (21), O=MINISTERE DE TEST7708, OU=300000000077081, CN=testsign.test.asipsante.fr",
                COTE_DOR)).isTrue();
        assertThat(DistinguishedNames.sameName(
                "CN=testsign.test.asipsante.fr,OU=300000000077081,O=MINISTERE DE TEST7708,ST=\"Côte-d'Or (21)\",C=FR",
                COTE_DOR)).isTrue();
        assertThat(DistinguishedNames.parse("ST=C\\C3\\B4te-d'Or (21)").values("ST")).containsExactly("Côte-d'Or (21)");
    }

    @Test
    void multiValuedRdnsCompareAsSets() {
        X500Principal person = new X500Principal("CN=899900038839+SURNAME=TRAL+GIVENNAME=ADEMIS,OU=Medecin,O=TEST,C=FR");
        assertThat(DistinguishedNames.sameName(
                "CN=899900038839+2.5.4.4=#14045452414c+2.5.4.42=#14064144454d4953,OU=Medecin,O=TEST,C=FR", person)).isTrue();
        assertThat(DistinguishedNames.sameName("GN=ADEMIS+SN=TRAL+CN=899900038839,OU=Medecin,O=TEST,C=FR", person)).isTrue();
        assertThat(DistinguishedNames.sameName("CN=899900038839+SN=TRAL,OU=Medecin,O=TEST,C=FR", person)).isFalse();
    }

    @Test
    void valuesAreReadByTypeInOrder() {
        DistinguishedName dn = DistinguishedNames.parse(
                "C=FR, O=ASIP-SANTE, OU=0002 187512751, OU=IGC-SANTE TEST, CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS");
        assertThat(dn.values("OU")).containsExactly("0002 187512751", "IGC-SANTE TEST");
        assertThat(dn.single("OU")).isEmpty();
        assertThat(dn.single("CN")).contains("TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS");
        assertThat(dn.rdns()).hasSize(5);
        assertThat(dn.toString()).startsWith("C=FR, O=ASIP-SANTE");
    }

    @Test
    void escapedSeparatorsStayInsideTheValue() {
        DistinguishedName dn = DistinguishedNames.parse("CN=rpps.tra.henix\\;asipsante.fr,O=A\\, B,C=FR");
        assertThat(dn.values("CN")).containsExactly("rpps.tra.henix;asipsante.fr");
        assertThat(dn.values("O")).containsExactly("A, B");
    }

    @Test
    void charactersOutsideTheBasicPlaneSurviveQuotingAndEscaping() {
        String clef = new String(Character.toChars(0x1D11E));
        assertThat(DistinguishedNames.parse("CN=a" + clef + "b").values("CN")).containsExactly("a" + clef + "b");
        assertThat(DistinguishedNames.parse("CN=\\" + clef + "b").values("CN")).containsExactly(clef + "b");
        assertThat(DistinguishedNames.parse("CN=\"" + clef + "\"").values("CN")).containsExactly(clef);
        assertThat(DistinguishedNames.parse("CN=x\\F0\\9D\\84\\9E").values("CN")).containsExactly("x" + clef);
    }

    @Test
    void malformedStringsAreRejectedWithAReason() {
        assertThatThrownBy(() -> DistinguishedNames.parse("CN")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("=");
        assertThatThrownBy(() -> DistinguishedNames.parse("FOO=bar")).hasMessageContaining("FOO");
        assertThatThrownBy(() -> DistinguishedNames.parse("CN=\"open")).hasMessageContaining("quoted");
        assertThat(DistinguishedNames.tryParse("CN=a,=b")).isEmpty();
        assertThat(DistinguishedNames.tryParse(null)).isEmpty();
    }
}
