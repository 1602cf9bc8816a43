package org.vigie.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** PEM armouring. */
public final class Pem {
    private Pem() {
    }

    /**
     * @param type PEM label, e.g. {@code CERTIFICATE}
     * @param der  the DER bytes
     * @return the PEM text, 64-character lines
     */
    public static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
