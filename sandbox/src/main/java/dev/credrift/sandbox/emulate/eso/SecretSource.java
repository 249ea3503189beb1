package dev.credrift.sandbox.emulate.eso;

import java.util.Map;

/** A provider as the ExternalSecret controller uses it (ESO's {@code SecretsClient}, the parts needed here). */
interface SecretSource {

    /** Checks the store's configuration against the provider (vaults exist, token works). */
    void validate() throws ProviderException;

    /** One value: {@code remoteRef.key} / {@code property} / {@code version}. */
    byte[] getSecret(String key, String property, String version) throws ProviderException;

    /** Every value under {@code key} ({@code dataFrom.extract}). */
    Map<String, byte[]> getSecretMap(String key) throws ProviderException;

    /** Every value {@code find} selects ({@code dataFrom.find}), by key. */
    Map<String, byte[]> getAllSecrets(DataFrom.Find find) throws ProviderException;

    /** Finds the provider of a store reference. */
    @FunctionalInterface
    interface Resolver {
        SecretSource resolve(String namespace, String storeKind, String storeName) throws ProviderException;
    }
}
