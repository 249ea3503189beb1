package dev.credrift.reconciler.it;

import dev.credrift.sandbox.world.file.WorldFileReader;
import dev.credrift.sandbox.world.spec.WorldSpec;
import java.util.Map;

/**
 * The sandbox world of a {@link History}, as a world file: Rook users in one store, per binding {@code b-<i>} a
 * 1Password item {@code item-<i>}, an ExternalSecret and replica {@code es-<i>} and a Deployment {@code app-<i>}
 * reading it through env; optionally a Deployment {@code shared} reading the replicas of bindings 0 and 1 (it uses
 * the first one's key). Consumers are discovered from the pods (no explicit list), as on a real cluster.
 */
final class MovingWorldSpec {

    static final String NS = "monitoring";
    static final String ROOK_NS = "storage";
    static final String VAULT = "Infrastructure";
    static final String BUCKET = "soak-bucket";

    private MovingWorldSpec() {}

    static String item(int binding) {
        return "item-" + binding;
    }

    static String replica(int binding) {
        return "es-" + binding;
    }

    static String binding(int binding) {
        return "b-" + binding;
    }

    static String rookSecret(String user) {
        return "rook-ceph-object-user-storage-" + user;
    }

    static WorldSpec of(History history) {
        return WorldFileReader.parse("moving-world-" + history.seed() + ".yaml", yaml(history));
    }

    static String yaml(History history) {
        StringBuilder y = new StringBuilder();
        y.append("apiVersion: sandbox.credrift.dev/v1alpha1\nkind: World\nname: moving-world-")
                .append(Long.toUnsignedString(history.seed(), 36))
                .append('\n');
        y.append("description: a generated moving world (seed ")
                .append(history.seed())
                .append(")\n");
        y.append("settings: {tick: 200ms, probePeriod: 500ms}\n");
        y.append("store:\n  buckets: [").append(BUCKET).append("]\n  users:\n");
        history.users().forEach(u -> y.append("    - name: ").append(u).append('\n'));
        y.append("onePassword:\n  vaults:\n    - name: ").append(VAULT).append("\n      items:\n");
        for (int i = 0; i < history.bindings().size(); i++) {
            String user = history.userOf(i);
            y.append("        - title: ")
                    .append(item(i))
                    .append('\n')
                    .append("          fields:\n")
                    .append("            access_key: ${storeUser.")
                    .append(user)
                    .append(".accessKeyId}\n")
                    .append("            secret_key: ${storeUser.")
                    .append(user)
                    .append(".secretAccessKey}\n");
        }
        y.append("objects:\n");
        object(y, "v1", "Namespace", null, ROOK_NS, "");
        object(y, "v1", "Namespace", null, NS, "");
        for (String user : history.users()) {
            object(
                    y,
                    "ceph.rook.io/v1",
                    "CephObjectStoreUser",
                    ROOK_NS,
                    user,
                    "    spec: {store: storage, displayName: " + user + "}\n");
        }
        object(y, "external-secrets.io/v1", "SecretStore", NS, "onepassword", """
                    spec:
                      provider:
                        onepassword:
                          connectHost: ${onepassword.url}
                          vaults: {%s: 1}
                          auth:
                            secretRef:
                              connectTokenSecretRef: {name: onepassword-connect-token, key: token}
                """.formatted(VAULT));
        for (int i = 0; i < history.bindings().size(); i++) {
            object(y, "external-secrets.io/v1", "ExternalSecret", NS, replica(i), """
                        spec:
                          refreshInterval: 1h
                          secretStoreRef: {name: onepassword, kind: SecretStore}
                          target: {name: %1$s, creationPolicy: Owner}
                          data:
                            - secretKey: AWS_ACCESS_KEY_ID
                              remoteRef: {key: %2$s, property: access_key}
                            - secretKey: AWS_SECRET_ACCESS_KEY
                              remoteRef: {key: %2$s, property: secret_key}
                    """.formatted(replica(i), item(i)));
        }
        for (String workload : history.workloads()) {
            StringBuilder env = new StringBuilder();
            String prefix = "";
            for (int binding : history.bindingsOf(workload)) {
                env.append(envVar(prefix + "AWS_ACCESS_KEY_ID", replica(binding), "AWS_ACCESS_KEY_ID"))
                        .append(envVar(prefix + "AWS_SECRET_ACCESS_KEY", replica(binding), "AWS_SECRET_ACCESS_KEY"));
                prefix = "SECOND_";
            }
            object(
                    y,
                    "apps/v1",
                    "Deployment",
                    NS,
                    workload,
                    """
                        spec:
                          replicas: 1
                          selector:
                            matchLabels: {app: %1$s}
                          template:
                            metadata:
                              labels: {app: %1$s}
                            spec:
                              containers:
                                - name: app
                                  image: grafana/loki:3.0.0
                                  env:
                    %2$s""".formatted(workload, env),
                    Map.of(
                            "sandbox.credrift.dev/probe-bucket",
                            BUCKET,
                            "sandbox.credrift.dev/on-auth-failure",
                            "NotReady"));
        }
        for (int i = 0; i < history.bindings().size(); i++) {
            object(y, "credrift.dev/v1alpha1", "CredentialBinding", NS, binding(i), """
                        spec:
                          mode: Remediate
                          authority: Source
                          source:
                            rookObjectUser: {namespace: %1$s, store: storage, user: %2$s}
                          vault:
                            onePassword:
                              vault: %3$s
                              item: %4$s
                              fields: {accessKeyId: access_key, secretAccessKey: secret_key}
                          replica:
                            externalSecret: {name: %5$s}
                          store:
                            bucket: %6$s
                          rollout:
                            maxPerHour: %7$d
                            readinessTimeout: 20s
                    """.formatted(
                            ROOK_NS, history.userOf(i), VAULT, item(i), replica(i), BUCKET, history.maxPerHour()));
        }
        return y.toString();
    }

    private static String envVar(String name, String secret, String key) {
        return "                - name: " + name + "\n"
                + "                  valueFrom:\n"
                + "                    secretKeyRef: {name: " + secret + ", key: " + key + "}\n";
    }

    private static void object(
            StringBuilder y, String apiVersion, String kind, String namespace, String name, String rest) {
        object(y, apiVersion, kind, namespace, name, rest, Map.of());
    }

    private static void object(
            StringBuilder y,
            String apiVersion,
            String kind,
            String namespace,
            String name,
            String rest,
            Map<String, String> annotations) {
        y.append("  - apiVersion: ")
                .append(apiVersion)
                .append('\n')
                .append("    kind: ")
                .append(kind)
                .append('\n')
                .append("    metadata:\n      name: ")
                .append(name)
                .append('\n');
        if (namespace != null) {
            y.append("      namespace: ").append(namespace).append('\n');
        }
        if (!annotations.isEmpty()) {
            y.append("      annotations:\n");
            annotations.forEach((k, v) ->
                    y.append("        ").append(k).append(": ").append(v).append('\n'));
        }
        y.append(rest);
    }
}
