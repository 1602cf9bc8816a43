package org.vigie.server.junit;

import java.util.Objects;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.TestPki;

/**
 * The structure a test speaks for: its IdNat_Struct, its TLS authentication certificate ({@code ORG_AUTH_CLI}, the
 * one the extension's {@code SSLContext} presents) and its signature certificate ({@code ORG_SIGN}, to sign the VIHF
 * with, e.g. {@code VihfBuilder.indirect(structure.signature())}), both issued by the endpoint's test PKI.
 *
 * @param idNatStruct    the IdNat_Struct (e.g. {@code 1750712184}: {@code 1} + FINESS)
 * @param authentication the TLS client credential
 * @param signature      the VIHF signing credential
 */
public record TestStructure(String idNatStruct, OrgCredential authentication, OrgCredential signature) {

    /** The IdNat_Struct used when none is configured: the legal entity of {@code TestDirectory.usual()}. */
    public static final String DEFAULT_ID = "1750712184";

    /** Checks that no component is null. */
    public TestStructure {
        Objects.requireNonNull(idNatStruct, "idNatStruct");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * The structure's credentials issued (once, then reused) by a test PKI.
     *
     * @param pki         the PKI
     * @param idNatStruct the IdNat_Struct put in the subject OU of both certificates
     * @return the structure
     */
    public static TestStructure of(TestPki pki, String idNatStruct) {
        Objects.requireNonNull(pki, "pki");
        Objects.requireNonNull(idNatStruct, "idNatStruct");
        return new TestStructure(idNatStruct, pki.authentication(idNatStruct), pki.signature(idNatStruct));
    }
}
