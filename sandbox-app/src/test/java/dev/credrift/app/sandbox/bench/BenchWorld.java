package dev.credrift.app.sandbox.bench;

import dev.credrift.sandbox.world.file.WorldFileReader;
import dev.credrift.sandbox.world.spec.WorldSpec;
import java.util.Locale;

/**
 * The benchmark's worlds, written as world files and read by the sandbox's own reader: {@code n} bindings in one
 * namespace, each a Rook user, a 1Password item, an ExternalSecret and a one-replica Deployment reading the replica
 * through env, all rotated at once one second into the timeline; optionally unrelated pods beside them. The reconciler
 * budgets are fixed here (see {@link #ROLLOUTS_PER_HOUR}).
 */
final class BenchWorld {

    static final String NAMESPACE = "bench";
    static final String BUCKET = "bench-data";
    /** Global rollouts per hour: heal times are measured for at most this many bindings of one world. */
    static final int ROLLOUTS_PER_HOUR = 100;
    /** Vault writes per minute: high enough never to be the limit, so heal times show the rollouts' budget only. */
    static final int VAULT_WRITES_PER_MINUTE = 10_000;

    private BenchWorld() {}

    /** {@code bench/app-<i>-s3}. */
    static String bindingId(int i) {
        return NAMESPACE + "/app-" + i + "-s3";
    }

    static String name(int bindings, int unrelatedPods) {
        return "scale-" + bindings + (unrelatedPods > 0 ? "-beside-" + unrelatedPods + "-pods" : "");
    }

    static WorldSpec spec(int bindings, int unrelatedPods) {
        return WorldFileReader.parse(name(bindings, unrelatedPods) + ".yaml", yaml(bindings, unrelatedPods));
    }

    static String yaml(int bindings, int unrelatedPods) {
        if (bindings < 1 || unrelatedPods < 0) {
            throw new IllegalArgumentException("a benchmark world needs at least one binding and no negative pods");
        }
        StringBuilder y = new StringBuilder();
        y.append("""
                apiVersion: sandbox.credrift.dev/v1alpha1
                kind: World
                name: %s
                description: %d bindings in one namespace, all rotated at once
                settings: {probePeriod: 2s, settleTimeout: %ds}
                reconciler: {globalRolloutsPerHour: %d, vaultWritesPerMinute: %d}
                store:
                  buckets: [%s]
                  users:
                """.formatted(
                        name(bindings, unrelatedPods),
                        bindings,
                        60 + bindings / 2 + unrelatedPods / 20,
                        ROLLOUTS_PER_HOUR,
                        VAULT_WRITES_PER_MINUTE,
                        BUCKET));
        for (int i = 0; i < bindings; i++) {
            y.append("    - name: app-").append(i).append('\n');
        }
        y.append("""
                onePassword:
                  vaults:
                    - name: Infrastructure
                      items:
                """);
        for (int i = 0; i < bindings; i++) {
            y.append("""
                            - title: app-%1$d-s3
                              fields:
                                access_key: ${storeUser.app-%1$d.accessKeyId}
                                secret_key: ${storeUser.app-%1$d.secretAccessKey}
                    """.formatted(i));
        }
        y.append("""
                objects:
                  - {apiVersion: v1, kind: Namespace, metadata: {name: storage}}
                  - {apiVersion: v1, kind: Namespace, metadata: {name: %1$s}}
                  - apiVersion: external-secrets.io/v1
                    kind: SecretStore
                    metadata: {name: onepassword, namespace: %1$s}
                    spec:
                      provider:
                        onepassword:
                          connectHost: ${onepassword.url}
                          vaults: {Infrastructure: 1}
                          auth:
                            secretRef:
                              connectTokenSecretRef: {name: onepassword-connect-token, key: token}
                """.formatted(NAMESPACE));
        for (int i = 0; i < bindings; i++) {
            y.append(binding(i));
        }
        for (int i = 0; i < unrelatedPods; i++) {
            y.append("""
                      - apiVersion: v1
                        kind: Pod
                        metadata: {name: unrelated-%d, namespace: %s, labels: {app: unrelated}}
                        spec:
                          containers: [{name: sleeper, image: busybox:1.36}]
                    """.formatted(i, NAMESPACE));
        }
        y.append("timeline:\n");
        for (int i = 0; i < bindings; i++) {
            y.append("  - {at: 1s, rotateRookUser: {namespace: storage, store: storage, user: app-")
                    .append(i)
                    .append("}}\n");
        }
        return y.toString();
    }

    private static String binding(int i) {
        return String.format(Locale.ROOT, """
                  - apiVersion: ceph.rook.io/v1
                    kind: CephObjectStoreUser
                    metadata: {name: app-%1$d, namespace: storage}
                    spec: {store: storage, displayName: app-%1$d}
                  - apiVersion: external-secrets.io/v1
                    kind: ExternalSecret
                    metadata: {name: app-%1$d-s3-credentials, namespace: %2$s}
                    spec:
                      refreshInterval: 1h
                      secretStoreRef: {name: onepassword, kind: SecretStore}
                      target: {name: app-%1$d-s3-credentials, creationPolicy: Owner}
                      data:
                        - {secretKey: AWS_ACCESS_KEY_ID, remoteRef: {key: app-%1$d-s3, property: access_key}}
                        - {secretKey: AWS_SECRET_ACCESS_KEY, remoteRef: {key: app-%1$d-s3, property: secret_key}}
                  - apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: app-%1$d
                      namespace: %2$s
                      labels: {app: app-%1$d}
                      annotations:
                        sandbox.credrift.dev/probe-bucket: %3$s
                        sandbox.credrift.dev/on-auth-failure: NotReady
                    spec:
                      replicas: 1
                      selector: {matchLabels: {app: app-%1$d}}
                      template:
                        metadata: {labels: {app: app-%1$d}}
                        spec:
                          containers:
                            - name: app
                              image: example/app:1.0
                              env:
                                - name: AWS_ACCESS_KEY_ID
                                  valueFrom: {secretKeyRef: {name: app-%1$d-s3-credentials, key: AWS_ACCESS_KEY_ID}}
                                - name: AWS_SECRET_ACCESS_KEY
                                  valueFrom: {secretKeyRef: {name: app-%1$d-s3-credentials, key: AWS_SECRET_ACCESS_KEY}}
                  - apiVersion: credrift.dev/v1alpha1
                    kind: CredentialBinding
                    metadata: {name: app-%1$d-s3, namespace: %2$s}
                    spec:
                      mode: Remediate
                      authority: Source
                      source:
                        rookObjectUser: {namespace: storage, store: storage, user: app-%1$d}
                      vault:
                        onePassword:
                          vault: Infrastructure
                          item: app-%1$d-s3
                          fields: {accessKeyId: access_key, secretAccessKey: secret_key}
                      replica:
                        externalSecret: {name: app-%1$d-s3-credentials}
                      store:
                        bucket: %3$s
                      rollout:
                        maxPerHour: 3
                        readinessTimeout: 2m
                """, i, NAMESPACE, BUCKET);
    }
}
