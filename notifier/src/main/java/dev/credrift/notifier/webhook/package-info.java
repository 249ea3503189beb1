/**
 * Signed webhooks: the event as a CloudEvent in structured JSON ({@code application/cloudevents+json}),
 * an {@code Idempotency-Key} and an HMAC signature.
 *
 * <h2>Schemes</h2>
 * Per sink ({@link dev.credrift.notifier.webhook.SignatureScheme}): {@code credrift} (below) or
 * {@code standard-webhooks} ({@link dev.credrift.notifier.webhook.StandardWebhookSignature}: verify with any
 * Standard Webhooks library, e.g. the {@code standardwebhooks} npm package).
 *
 * <h2>For receivers: verifying a credrift-signed delivery</h2>
 * Every POST carries {@code X-Credrift-Signature: t=<unix seconds>,v1=<hex>} where {@code <hex>} is the
 * lowercase hex HMAC-SHA256, keyed with the shared signing key (its UTF-8 bytes), over the UTF-8 bytes of
 * {@code t + "." + body} — the raw body bytes as received, before any JSON parsing. To accept a delivery:
 * <ol>
 *   <li>split the header on {@code ,} into {@code key=value} pairs; take {@code t} and every {@code v1}
 *       (more than one may appear in future, during a key rotation; accept if any matches);</li>
 *   <li>compute the HMAC yourself and compare in constant time (e.g. {@code MessageDigest.isEqual});</li>
 *   <li><b>replay protection</b>: reject when {@code |now − t|} exceeds your tolerance (5 minutes is a
 *       good default) — the timestamp is signed, so an attacker cannot refresh it; and remember the
 *       {@code Idempotency-Key} of accepted deliveries for at least that tolerance, dropping repeats.</li>
 * </ol>
 * The timestamp is taken at each attempt, so a retry after a long {@code Retry-After} is still fresh.
 *
 * <h2>Idempotency</h2>
 * {@code Idempotency-Key} is derived from the sink's name and the CloudEvent {@code id}: every attempt,
 * every redelivery after a restart or rebalance, carries the same key. Deliveries are at least once;
 * deduplicate on this key (or on the CloudEvent {@code id} and {@code source}). Within one running
 * notifier a record is handled once; a receiver still sees a message twice when it took an attempt but
 * its answer missed the request timeout (or the connection dropped before it arrived): the notifier
 * cannot tell that from a request that never arrived, so it tries again with the same key.
 */
package dev.credrift.notifier.webhook;
