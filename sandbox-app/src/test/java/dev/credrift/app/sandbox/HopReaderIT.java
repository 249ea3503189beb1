package dev.credrift.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.sandbox.world.World;
import dev.credrift.sandbox.world.WorldOptions;
import dev.credrift.sandbox.world.file.WorldFileReader;
import dev.credrift.sandbox.world.spec.WorldSpec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chain table reads replicas that ExternalSecrets fill with {@code dataFrom} ({@code extract} and {@code find}). */
class HopReaderIT {

    private static final String WORLD = """
            apiVersion: sandbox.credrift.dev/v1alpha1
            kind: World
            name: data-from
            store:
              buckets: [loki-chunks]
              users: [{name: loki}]
            onePassword:
              vaults:
                - name: Infrastructure
                  items:
                    - title: loki-s3-config
                      fields: {access_key: "${storeUser.loki.accessKeyId}",
                               secret_key: "${storeUser.loki.secretAccessKey}"}
            objects:
              - {apiVersion: v1, kind: Namespace, metadata: {name: monitoring}}
              - apiVersion: external-secrets.io/v1
                kind: SecretStore
                metadata: {name: onepassword, namespace: monitoring}
                spec:
                  provider:
                    onepassword:
                      connectHost: ${onepassword.url}
                      vaults: {Infrastructure: 1}
                      auth:
                        secretRef:
                          connectTokenSecretRef: {name: onepassword-connect-token, key: token}
            %s
            """;

    @Test
    void shouldMarkTheReplicaWhenTheExternalSecretUsesDataFromExtractOrFind() {
        String objects = externalSecret("extracted", "extract: {key: loki-s3-config}")
                + externalSecret("found", "find: {path: loki-s3-config, name: {regexp: \"_key$\"}}")
                + externalSecret("found-elsewhere", "find: {name: {regexp: \"^access\"}}");
        WorldSpec spec = WorldFileReader.parse("data-from.yaml", WORLD.formatted(objects));

        try (World world = World.start(spec, WorldOptions.worldOnly())) {
            HopReader hops = new HopReader(world);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<String, HopRow> rows = hops.readAll("now");
                assertThat(rows.get("monitoring/extracted").replica()).isEqualTo(HopMark.GOOD);
                assertThat(rows.get("monitoring/found").replica()).isEqualTo(HopMark.GOOD);
                // find selects fields by label: secret_key is not copied, so the replica holds no whole key
                assertThat(rows.get("monitoring/found-elsewhere").replica()).isEqualTo(HopMark.UNKNOWN);
            });
        }
    }

    private static String externalSecret(String name, String dataFrom) {
        return """
                  - apiVersion: external-secrets.io/v1
                    kind: ExternalSecret
                    metadata: {name: %1$s, namespace: monitoring}
                    spec:
                      refreshInterval: 1h
                      secretStoreRef: {name: onepassword, kind: SecretStore}
                      target: {name: %1$s, creationPolicy: Owner}
                      dataFrom:
                        - %2$s
                  - apiVersion: credrift.dev/v1alpha1
                    kind: CredentialBinding
                    metadata: {name: %1$s, namespace: monitoring}
                    spec:
                      mode: Observe
                      authority: Vault
                      vault:
                        onePassword:
                          vault: Infrastructure
                          item: loki-s3-config
                          fields: {accessKeyId: access_key, secretAccessKey: secret_key}
                      replica:
                        externalSecret: {name: %1$s}
                      store:
                        bucket: loki-chunks
                """.formatted(name, dataFrom);
    }
}
