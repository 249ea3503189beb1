package dev.credrift.sandbox.emulate.probe;

import dev.credrift.events.credential.Credential;

/** Asks the store whether a credential may list a bucket, as a consumer's S3 client would find out. */
@FunctionalInterface
public interface StoreProbe {

    /** The store's answer; never throws for store-side failures. */
    ProbeResult probe(Credential credential, String bucket);
}
