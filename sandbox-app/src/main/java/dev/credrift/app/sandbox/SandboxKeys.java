package dev.credrift.app.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Random keys for one sandbox run: the fingerprint key the world and credrift share, signing keys. */
final class SandboxKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SandboxKeys() {}

    static byte[] random(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return key;
    }

    /**
     * A fingerprint key as printable bytes: the key file is read "minus one trailing line break", so raw random
     * bytes ending in {@code \n} would make credrift's key differ from the world's.
     */
    static byte[] fingerprintKey() {
        return HexFormat.of().formatHex(random(32)).getBytes(StandardCharsets.UTF_8);
    }
}
