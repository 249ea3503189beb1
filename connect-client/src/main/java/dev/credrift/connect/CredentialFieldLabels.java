package dev.credrift.connect;

import java.util.List;

/**
 * Which item fields hold an S3 credential, as a binding declares them
 * ({@code fields: {accessKeyId: access_key, secretAccessKey: secret_key}}).
 */
public record CredentialFieldLabels(String accessKeyId, String secretAccessKey) {

    public CredentialFieldLabels {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("accessKeyId field label must not be blank");
        }
        if (secretAccessKey == null || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("secretAccessKey field label must not be blank");
        }
        if (accessKeyId.equals(secretAccessKey)) {
            throw new IllegalArgumentException("accessKeyId and secretAccessKey must be different field labels");
        }
    }

    /** Both labels, access key id first. */
    public List<String> asList() {
        return List.of(accessKeyId, secretAccessKey);
    }
}
