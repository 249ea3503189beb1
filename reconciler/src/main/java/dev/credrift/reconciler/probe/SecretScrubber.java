package dev.credrift.reconciler.probe;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;

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

    /** The verdict with every occurrence of a session token removed from its detail. */
    static ProbeVerdict scrubSession(ProbeVerdict verdict, SecretValue sessionToken) {
        String token = sessionToken.reveal();
        if (token.isEmpty()) {
            return verdict;
        }
        if (verdict instanceof ProbeVerdict.TlsFailure tls && tls.detail().contains(token)) {
            return new ProbeVerdict.TlsFailure(
                    tls.reason(), tls.detail().replace(token, "<redacted>"), tls.tlsUnverified());
        }
        if (verdict instanceof ProbeVerdict.Unreachable unreachable
                && unreachable.detail().contains(token)) {
            return new ProbeVerdict.Unreachable(
                    unreachable.detail().replace(token, "<redacted>"), unreachable.tlsUnverified());
        }
        return verdict;
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
