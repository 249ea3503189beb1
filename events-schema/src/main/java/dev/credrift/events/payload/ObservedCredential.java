package dev.credrift.events.payload;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.events.credential.MaskedKeyId;

/** A credential as it may leave memory: masked access key id and fingerprint. */
public record ObservedCredential(MaskedKeyId accessKeyId, Fingerprint fingerprint) {

    /** Both are required. */
    public ObservedCredential {
        Check.required(accessKeyId, "accessKeyId");
        Check.required(fingerprint, "fingerprint");
    }

    /** What an observation may carry of a credential read from a Secret or the vault. */
    public static ObservedCredential of(Credential credential, Fingerprinter fingerprinter) {
        return new ObservedCredential(credential.maskedAccessKeyId(), fingerprinter.fingerprint(credential));
    }
}
