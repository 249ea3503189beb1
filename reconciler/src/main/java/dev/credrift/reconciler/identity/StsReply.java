package dev.credrift.reconciler.identity;

import java.util.Objects;

/** What STS answered to an exchange: keys, or a refusal with its code (throttling and outages are exceptions). */
public sealed interface StsReply {

    /** The exchange succeeded. */
    record Issued(TemporaryCredential credential) implements StsReply {
        public Issued {
            Objects.requireNonNull(credential, "credential");
        }
    }

    /**
     * STS refused the token or the role.
     *
     * @param code    the provider's error code, e.g. {@code InvalidIdentityToken},
     *                {@code AuthenticationFail.OIDCToken.AudienceNotMatch}
     * @param message the provider's message (it names claims, never the token)
     */
    record Refused(int httpStatus, String code, String message) implements StsReply {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
