package dev.credrift.sandbox.world.spec;

import dev.credrift.events.credential.AccessKeyMask;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A fact the world must reach by the end of its story. {@link #describe()} never shows a value. */
public sealed interface Expectation {

    /** One line, e.g. {@code CredentialBinding monitoring/loki-s3 InSync=True}. */
    String describe();

    /** A binding's status condition. */
    record BindingCondition(
            String namespace,
            String name,
            String type,
            String status,
            Optional<String> reason,
            Optional<String> messageContains)
            implements Expectation {
        @Override
        public String describe() {
            return "CredentialBinding " + namespace + "/" + name + " " + type + "=" + status
                    + reason.map(r -> " (" + r + ")").orElse("")
                    + messageContains
                            .map(m -> " with message containing '" + m + "'")
                            .orElse("");
        }
    }

    /** A binding's current {@code status.driftClass}. */
    record BindingDriftClass(String namespace, String name, String driftClass) implements Expectation {
        @Override
        public String describe() {
            return "CredentialBinding " + namespace + "/" + name + " driftClass=" + driftClass;
        }
    }

    /** A drift class reported for the binding at any time since the world started. */
    record DriftClassSeen(String namespace, String name, String driftClass) implements Expectation {
        @Override
        public String describe() {
            return "drift class " + driftClass + " seen for CredentialBinding " + namespace + "/" + name;
        }
    }

    /** Every desired replica of a workload is ready and up to date. */
    record WorkloadReady(String namespace, String kind, String name) implements Expectation {
        @Override
        public String describe() {
            return kind + " " + namespace + "/" + name + " has all replicas ready";
        }
    }

    /** Every pod of a workload is unready, refused by the store (with that S3 error, if given). */
    record PodsNotReady(String namespace, String kind, String name, Optional<String> rejection) implements Expectation {
        @Override
        public String describe() {
            return "every pod of " + kind + " " + namespace + "/" + name + " is not ready"
                    + rejection.map(r -> " (store says " + r + ")").orElse("");
        }
    }

    /**
     * Every listed hop holds a key the store has for the user now (its fingerprint equals the store key's).
     *
     * @param user       the store user; {@code null} in a MinIO world: the keys of MinIO's service accounts now (after a
     *                   rotation, the new account's only)
     * @param secrets    Kubernetes Secrets holding the key
     * @param vaultItems 1Password items holding the key
     * @param workloads  workloads whose pods must have started with the key
     */
    record CredentialsMatchStore(
            String user, List<SecretHop> secrets, List<VaultHop> vaultItems, List<WorkloadHop> workloads)
            implements Expectation {
        public CredentialsMatchStore {
            secrets = List.copyOf(secrets);
            vaultItems = List.copyOf(vaultItems);
            workloads = List.copyOf(workloads);
        }

        @Override
        public String describe() {
            return "the store's key for " + (user == null ? "MinIO's service accounts" : user) + " is held by "
                    + (secrets.size() + vaultItems.size() + workloads.size()) + " hop(s): "
                    + String.join(", ", hops());
        }

        private List<String> hops() {
            List<String> names = new ArrayList<>();
            secrets.forEach(s -> names.add("Secret " + s.namespace() + "/" + s.name()));
            vaultItems.forEach(v -> names.add("1Password " + v.vault() + "/" + v.item()));
            workloads.forEach(w -> names.add(w.kind() + " " + w.namespace() + "/" + w.name()));
            return names;
        }
    }

    /** A Secret that holds a key under two data keys. */
    record SecretHop(String namespace, String name, String accessKeyIdKey, String secretAccessKeyKey) {}

    /** A 1Password item that holds a key in two fields. */
    record VaultHop(String vault, String item, String accessKeyIdField, String secretAccessKeyField) {}

    /** A workload whose pods hold a key. */
    record WorkloadHop(String namespace, String kind, String name) {}

    /** A workload was rolled out at most {@code max} times. */
    record RolloutsAtMost(String namespace, String kind, String name, int max) implements Expectation {
        @Override
        public String describe() {
            return kind + " " + namespace + "/" + name + " rolled out at most " + max + " time(s)";
        }
    }

    /** An ExternalSecret's {@code Ready} condition. */
    record ExternalSecretReady(String namespace, String name, String status, Optional<String> reason)
            implements Expectation {
        @Override
        public String describe() {
            return "ExternalSecret " + namespace + "/" + name + " Ready=" + status
                    + reason.map(r -> " (" + r + ")").orElse("");
        }
    }

    /**
     * The binding's {@code status.rotation.phase} is this (e.g. {@code Completed}).
     *
     * @param phase the phase
     */
    record BindingRotation(String namespace, String name, String phase) implements Expectation {
        @Override
        public String describe() {
            return "CredentialBinding " + namespace + "/" + name + " rotation " + phase;
        }
    }

    /**
     * The store refused (403) at most {@code max} signed requests since the world started.
     *
     * @param user        the store user whose keys (also ones it no longer holds) count; empty: every request
     * @param byConsumers count only the emulated consumers' requests, not credrift's own probes (which prove a revoked
     *                    key refused on purpose)
     * @param max         the most refusals allowed
     */
    record StoreRefusedRequests(Optional<String> user, boolean byConsumers, long max) implements Expectation {
        @Override
        public String describe() {
            return "the store refused at most " + max + " request(s) " + (byConsumers ? "of consumers " : "")
                    + user.map(u -> "with " + u + "'s keys").orElse("with any key");
        }
    }

    /**
     * The store no longer knows this access key: a request with it gets {@code InvalidAccessKeyId} (a revoked key, a
     * deleted MinIO service account). Only the S3 stand-in is asked.
     *
     * @param accessKeyId the key (an id, not a secret: shown masked)
     */
    record StoreKeyRevoked(String accessKeyId) implements Expectation {
        @Override
        public String describe() {
            return "the store refuses the old key " + AccessKeyMask.mask(accessKeyId) + " (InvalidAccessKeyId)";
        }
    }
}
