package org.vigie.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deterministic RSA 2048 key pairs: the key for (seed, label) is derived from a SHA1PRNG seeded with
 * SHA-256(seed, label) and generated once per JVM (cached). Test material only: never use for real keys.
 */
public final class Keys {

    private static final Map<String, KeyPair> CACHE = new ConcurrentHashMap<>();

    private Keys() {
    }

    /**
     * @param seed  the PKI seed
     * @param label what the key is for
     * @return the RSA 2048 key pair for (seed, label), generated on first use
     */
    public static KeyPair rsa(long seed, String label) {
        return CACHE.computeIfAbsent(seed + "\u0000" + label, k -> generate(k));
    }

    /**
     * @param material the seed material
     * @return a deterministic random generator seeded with SHA-256(material)
     */
    public static SecureRandom random(String material) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(sha256(material)); // seeding before first use makes SHA1PRNG deterministic
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG unavailable", e);
        }
    }

    /**
     * @param material text
     * @return SHA-256 of its UTF-8 bytes
     */
    public static byte[] sha256(String material) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate(String material) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, random(material));
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA unavailable", e);
        }
    }
}
