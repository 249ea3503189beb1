package dev.credrift.sandbox.webhook;

import java.util.Locale;

/**
 * What the sink made of a request's signature, as a receiver would: the scheme it expected on that path, the result and
 * the signature header as received (signatures are not secrets: they prove, they do not grant).
 *
 * @param scheme {@code credrift} or {@code standard-webhooks}
 * @param header the {@code X-Credrift-Signature} or {@code webhook-signature} value, or {@code null} when absent
 * @param reason why it is invalid, for a human (empty when valid or absent)
 */
public record SignatureVerdict(String scheme, Result result, String header, String reason) {

    /** The outcome of checking one request. */
    public enum Result {
        VALID,
        INVALID,
        ABSENT;

        /** As written in {@code notifications.jsonl}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
