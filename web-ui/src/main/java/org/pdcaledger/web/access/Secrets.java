package org.pdcaledger.web.access;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random passwords and client secrets, URL-safe, 120 bits for passwords a person may type and 256 for secrets.
 */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String password() {
        return random(15);
    }

    static String clientSecret() {
        return random(32);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
