package dev.credrift.sandbox.world.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.sandbox.world.BuiltInWorlds;
import dev.credrift.sandbox.world.spec.Action;
import dev.credrift.sandbox.world.spec.StsSpec;
import dev.credrift.sandbox.world.spec.WorldSpec;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The world file's {@code sts} section and its timeline actions. */
class StsSectionTest {

    private static final String WORLD = """
            apiVersion: sandbox.credrift.dev/v1alpha1
            kind: World
            name: sts-world
            store:
              buckets: [tempo-traces]
              users:
                - name: tempo-role
            sts:
              issuer: https://oidc.example/id/1
              aws:
                oidcProvider: {arn: "arn:aws:iam::111122223333:oidc-provider/oidc.example/id/1", clientIds: [sts.amazonaws.com]}
                roles:
                  - arn: arn:aws:iam::111122223333:role/tempo
                    storeUser: tempo-role
                    trust: {subjects: ["system:serviceaccount:tracing:tempo"], audiences: []}
            objects:
              - apiVersion: v1
                kind: Namespace
                metadata: {name: tracing}
            timeline:
              - at: 2s
                editTrustPolicy: {role: "arn:aws:iam::111122223333:role/tempo", subjects: ["system:serviceaccount:tracing:x"]}
            """;

    @Test
    void shouldReadTheStsSectionAndItsActions() {
        WorldSpec spec = WorldFileReader.parse("sts.yaml", WORLD);
        StsSpec sts = spec.sts().orElseThrow();
        assertThat(sts.issuer()).isEqualTo("https://oidc.example/id/1");
        StsSpec.Cloud aws = sts.aws().orElseThrow();
        assertThat(aws.clientIds()).containsExactly("sts.amazonaws.com");
        assertThat(aws.roles()).singleElement().satisfies(role -> {
            assertThat(role.storeUser()).isEqualTo("tempo-role");
            assertThat(role.subjects()).containsExactly("system:serviceaccount:tracing:tempo");
        });
        assertThat(sts.alibaba()).isEmpty();
        assertThat(spec.timeline().get(0).action())
                .isEqualTo(new Action.EditTrustPolicy(
                        "arn:aws:iam::111122223333:role/tempo", Set.of("system:serviceaccount:tracing:x"), Set.of()));
    }

    @Test
    void shouldNameTheFieldWhenARoleOrProviderIsUnknownOrWrong() {
        assertThatThrownBy(() -> WorldFileReader.parse(
                        "sts.yaml",
                        WORLD.replace(
                                "editTrustPolicy: {role: \"arn:aws:iam::111122223333:role/tempo\"",
                                "editTrustPolicy: {role: \"arn:aws:iam::111122223333:role/other\"")))
                .isInstanceOf(WorldFileException.class)
                .hasMessageContaining("role")
                .hasMessageContaining("sts declares no role");
        assertThatThrownBy(() ->
                        WorldFileReader.parse("sts.yaml", WORLD.replace("storeUser: tempo-role", "storeUser: nobody")))
                .isInstanceOf(WorldFileException.class)
                .hasMessageContaining("storeUser")
                .hasMessageContaining("store.users does not declare");
        assertThatThrownBy(() -> WorldFileReader.parse(
                        "sts.yaml",
                        WORLD.replace("issuer: https://oidc.example/id/1", "issuer: http://oidc.example/id/1")))
                .isInstanceOf(WorldFileException.class)
                .hasMessageContaining("issuer");
        assertThatThrownBy(
                        () -> WorldFileReader.parse("sts.yaml", WORLD.replace("editTrustPolicy", "setOidcClientIds")))
                .isInstanceOf(WorldFileException.class);
    }

    @Test
    void shouldShipStoriesFourAndFiveWithTheirStsWorlds() {
        assertThat(BuiltInWorlds.load("story-4-tempo-irsa").sts().orElseThrow().aws())
                .isPresent();
        assertThat(BuiltInWorlds.load("story-5-loki-rrsa").sts().orElseThrow().alibaba())
                .isPresent();
    }
}
