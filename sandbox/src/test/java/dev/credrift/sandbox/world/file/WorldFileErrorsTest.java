package dev.credrift.sandbox.world.file;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** One test per kind of world-file error: each names file:line:column and the field path, never a value. */
class WorldFileErrorsTest {

    private static final String HEAD = WorldFileReaderTest.HEAD;

    private static final String LOKI = HEAD + """
            objects:
              - apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: loki, namespace: monitoring}
                spec:
                  replicas: %s
                  selector:
                    matchLabels: {app: loki}
                  template:
                    metadata:
                      labels: {app: loki}
                    spec:
                      containers:
                        - name: loki
                          %s: grafana/loki:3.0.0
            """;

    @Test
    void shouldNameTheTypoWhenAFlowMapMisspellsARequiredField() {
        assertThatThrownBy(() -> parse(HEAD + """
                timeline:
                  - at: 2s
                    rotateRookUser: {namespace: storage, store: storage, usr: loki}
                """))
                .hasMessage("bad.yaml:10:58: timeline[0].rotateRookUser.usr: unknown field; did you mean user?");
    }

    @Test
    void shouldNameTheUnknownFieldWhenAKubernetesObjectHasATypo() {
        assertThatThrownBy(() -> parse(LOKI.formatted("2", "imag")))
                .hasMessage("bad.yaml:22:15: objects[0].spec.template.spec.containers[0].imag: unknown field of"
                        + " StatefulSet apps/v1; did you mean image?");
    }

    @Test
    void shouldNameFieldAndTypeWhenReplicasIsText() {
        assertThatThrownBy(() -> parse(LOKI.formatted("two", "image")))
                .hasMessage("bad.yaml:13:17: objects[0].spec.replicas: must be a whole number, not text, in"
                        + " StatefulSet apps/v1");
    }

    @Test
    void shouldNameTheFieldWhenACustomResourceHasAnUnknownFieldOrAValueOutsideItsEnum() {
        String externalSecret = HEAD + """
                objects:
                  - apiVersion: external-secrets.io/v1
                    kind: ExternalSecret
                    metadata: {name: loki-s3-credentials, namespace: monitoring}
                    spec:
                      refreshInteval: 1h
                      target: {name: loki-s3-credentials, creationPolicy: %s}
                """;

        assertThatThrownBy(() -> parse(externalSecret.formatted("Owner")))
                .hasMessage("bad.yaml:13:7: objects[0].spec.refreshInteval: unknown field of ExternalSecret"
                        + " external-secrets.io/v1; did you mean refreshInterval?");
        assertThatThrownBy(() -> parse(externalSecret
                        .replace("refreshInteval", "refreshInterval")
                        .formatted("Mine")))
                .hasMessage("bad.yaml:14:59: objects[0].spec.target.creationPolicy: must be one of [Owner, Orphan,"
                        + " Merge, None, CreateOrMerge], in ExternalSecret external-secrets.io/v1");
    }

    @Test
    void shouldAskForQuotesWithoutEchoingTheValueWhenASecretValueIsANumber() {
        assertThatThrownBy(() -> parse(HEAD + """
                objects:
                  - apiVersion: v1
                    kind: Secret
                    metadata: {name: s3, namespace: monitoring}
                    stringData: {AWS_SECRET_ACCESS_KEY: 740213958861}
                """))
                .hasMessage("bad.yaml:12:41: objects[0].stringData.AWS_SECRET_ACCESS_KEY: must be text, not a"
                        + " number (quote it), in Secret v1");
    }

    @Test
    void shouldCheckMetadataWhenTheKindHasNoSchema() {
        assertThatThrownBy(() -> parse(HEAD + """
                objects:
                  - apiVersion: external-secrets.io/v1
                    kind: SecretStore
                    metadata: {name: onepassword, namespace: monitoring, label: {a: b}}
                """))
                .hasMessage("bad.yaml:11:58: objects[0].metadata.label: unknown field of SecretStore"
                        + " external-secrets.io/v1; did you mean labels?");
    }

    @Test
    void shouldHintAtIndentationWhenAKeyIsLessIndentedThanItsSiblings() {
        assertThatThrownBy(() -> parse(HEAD + """
                onePassword:
                  vaults:
                    - name: Infrastructure
                     items: []
                """))
                .hasMessage(
                        "bad.yaml:11:6: bad indentation: this line is indented less than the one before it"
                                + " but more than its parent; line it up with the keys or '-' items it belongs with (spaces, not tabs)");
    }

    @Test
    void shouldHintAtIndentationWhenAKeyIsIndentedUnderAValue() {
        assertThatThrownBy(() -> parse(HEAD + """
                settings:
                  tick: 500ms
                    probePeriod: 1s
                """))
                .hasMessage("bad.yaml:10:16: bad indentation: this key is indented under a key that already has"
                        + " a value; line it up with that key (or, if the value itself holds ': ', quote it)");
    }

    private static void parse(String yaml) {
        WorldFileReader.parse("bad.yaml", yaml);
    }
}
