package dev.credrift.reconciler.probe;

import dev.credrift.events.credential.Credential;

// Last line of defence for verdict details built from foreign exception messages: whatever a library
// put in a message, the probed secret and the plain access key id never leave through a verdict.
final class SecretScrubber {

    private final String secret;
    private final String accessKeyId;
    private final String maskedAccessKeyId;

    SecretScrubber(Credential credential) {
        this.secret = credential.secret().reveal();
        this.accessKeyId = credential.accessKeyId();
        this.maskedAccessKeyId = credential.maskedAccessKeyId().value();
    }

    String scrub(String text) {
        if (text == null) {
            return "";
        }
        String scrubbed = text;
        if (!secret.isEmpty()) {
            scrubbed = scrubbed.replace(secret, "<redacted>");
        }
        return scrubbed.replace(accessKeyId, maskedAccessKeyId);
    }
}
