package dev.credrift.reconciler.identity;

/** Exchanges a web-identity token for temporary keys at one provider's STS. Blocking; thread-safe. */
public interface StsClient {

    /**
     * @return the keys, or the refusal
     * @throws StsUnavailable when STS gave no answer about the token (retry after a backoff)
     */
    StsReply exchange(ExchangeRequest request);
}
