package dev.credrift.sandbox.minio;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The keys of an {@code add-service-account} request as MinIO takes them: the caller's own access key and secret
 * (what credrift sends: it stages the pair before asking), or, when neither is given, a generated pair (20 upper-case
 * letters and digits, a 40-character secret) that MinIO shows once in its answer.
 */
final class AddedKeys {

    static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private static final Pattern ACCESS_KEY = Pattern.compile("[A-Za-z0-9_.@-]{3,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private AddedKeys() {}

    /**
     * @throws AdminError 400 as MinIO answers a key it does not take
     */
    static Credential of(String accessKey, String secretKey) {
        if (accessKey == null && secretKey == null) {
            return new Credential(
                    random(LETTERS, 20), SecretValue.of(random(LETTERS + "abcdefghijklmnopqrstuvwxyz", 40)));
        }
        if (accessKey == null || !ACCESS_KEY.matcher(accessKey).matches()) {
            throw new AdminError(
                    400, "XMinioAdminInvalidAccessKey", "the access key must be 3 to 128 letters, digits or _.@-");
        }
        if (secretKey == null || secretKey.length() < 8 || secretKey.length() > 40) {
            throw new AdminError(400, "XMinioAdminInvalidSecretKey", "the secret key must be 8 to 40 characters");
        }
        return new Credential(accessKey, SecretValue.of(secretKey));
    }

    static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
