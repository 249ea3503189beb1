package dev.credrift.sandbox.onepassword;

import java.security.SecureRandom;

// Connect's vault, item and field ids are 26 characters of [a-z0-9] (the spec's pattern '^[\da-z]{26}$').
final class ConnectIds {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConnectIds() {}

    static String next() {
        StringBuilder id = new StringBuilder(26);
        for (int i = 0; i < 26; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    static boolean isValid(String id) {
        return id != null && id.matches("[\\da-z]{26}");
    }
}
