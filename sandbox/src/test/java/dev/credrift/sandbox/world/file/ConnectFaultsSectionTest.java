package dev.credrift.sandbox.world.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.sandbox.world.spec.ConnectFaultSpec;
import dev.credrift.sandbox.world.spec.VaultSpec;
import dev.credrift.sandbox.world.spec.WorldSpec;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The world file's {@code onePassword.faults}, item {@code sections} and {@code reconciler} budgets. */
class ConnectFaultsSectionTest {

    private static final String WORLD = """
            apiVersion: sandbox.credrift.dev/v1alpha1
            kind: World
            name: faults-world
            onePassword:
              vaults:
                - name: Infrastructure
                  items:
                    - title: loki-s3-config
                      fields: {access_key: AKIAEXAMPLE, secret_key: not-a-real-secret}
                      sections:
                        - label: S3
                          fields: {endpoint: "${s3.endpoint}"}
              faults:
                - {from: 2s, until: 12s, status: 429, retryAfter: 3s, method: PATCH}
                - {from: 20s, until: 25s, status: 503}
                - {from: 30s, until: 40s, delay: 15s}
                - {from: 50s, until: 55s, hang: true}
            reconciler: {globalRolloutsPerHour: 1, vaultWritesPerMinute: 2, concurrency: 4}
            """;

    @Test
    void shouldReadFaultWindowsSectionsAndBudgetsWhenAllAreGiven() {
        WorldSpec spec = WorldFileReader.parse("faults.yaml", WORLD);

        assertThat(spec.onePasswordFaults())
                .extracting(ConnectFaultSpec::kind)
                .containsExactly(
                        new ConnectFaultSpec.Status(429, Optional.of(Duration.ofSeconds(3))),
                        new ConnectFaultSpec.Status(503, Optional.empty()),
                        new ConnectFaultSpec.Delay(Duration.ofSeconds(15)),
                        new ConnectFaultSpec.Hang());
        ConnectFaultSpec first = spec.onePasswordFaults().get(0);
        assertThat(first.from()).isEqualTo(Duration.ofSeconds(2));
        assertThat(first.until()).isEqualTo(Duration.ofSeconds(12));
        assertThat(first.method()).contains("PATCH");
        assertThat(spec.onePasswordFaults().get(1).method()).isEmpty();

        VaultSpec.Item item = spec.vaults().get(0).items().get(0);
        assertThat(item.fields()).containsOnlyKeys("access_key", "secret_key");
        assertThat(item.sections()).containsOnlyKeys("S3");
        assertThat(item.sections().get("S3")).containsOnlyKeys("endpoint");

        assertThat(spec.reconciler().globalRolloutsPerHour()).contains(1);
        assertThat(spec.reconciler().vaultWritesPerMinute()).contains(2);
        assertThat(spec.reconciler().concurrency()).contains(4);
    }

    @Test
    void shouldUseDefaultsWhenNoFaultsNoSectionsAndNoBudgetsAreGiven() {
        WorldSpec spec = WorldFileReader.parse("plain.yaml", """
                apiVersion: sandbox.credrift.dev/v1alpha1
                kind: World
                name: plain
                """);

        assertThat(spec.onePasswordFaults()).isEmpty();
        assertThat(spec.reconciler().concurrency()).isEmpty();
        assertThat(spec.reconciler().globalRolloutsPerHour()).isEmpty();
    }

    @Test
    void shouldNameFileLineAndFieldWhenAFaultIsWrong() {
        assertThatThrownBy(() -> parse("{from: 2s, until: 12s, status: 404}"))
                .isInstanceOf(WorldFileException.class)
                .hasMessageContaining("faults.yaml:")
                .hasMessageContaining("onePassword.faults[0].status")
                .hasMessageContaining("429 or a 5xx");
        assertThatThrownBy(() -> parse("{from: 12s, until: 2s, status: 503}"))
                .hasMessageContaining("until")
                .hasMessageContaining("later than from");
        assertThatThrownBy(() -> parse("{from: 1s, until: 2s, status: 503, delay: 1s}"))
                .hasMessageContaining("more than one of [status, delay]");
        assertThatThrownBy(() -> parse("{from: 1s, until: 2s}"))
                .hasMessageContaining("needs one of status, delay, hang");
        assertThatThrownBy(() -> parse("{from: 1s, until: 2s, delay: 1s, retryAfter: 1s}"))
                .hasMessageContaining("retryAfter")
                .hasMessageContaining("status only");
        assertThatThrownBy(() -> parse("{from: 1s, until: 2s, status: 429, retryAfter: 1500ms}"))
                .hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> parse("{from: 1s, until: 2s, status: 503, method: FETCH}"))
                .hasMessageContaining("onePassword.faults[0].method");
        assertThatThrownBy(() -> parse("{from: 1s, until: 2s, status: 503, retryafter: 1s}"))
                .hasMessageContaining("onePassword.faults[0].retryafter")
                .hasMessageContaining("unknown field");
    }

    @Test
    void shouldNameTheFieldWhenABudgetOrSectionIsWrong() {
        assertThatThrownBy(
                        () -> WorldFileReader.parse("faults.yaml", WORLD.replace("concurrency: 4", "concurrency: 0")))
                .hasMessageContaining("reconciler.concurrency")
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> WorldFileReader.parse("faults.yaml", WORLD.replace("concurrency: 4", "workers: 4")))
                .hasMessageContaining("reconciler.workers")
                .hasMessageContaining("unknown field");
        assertThatThrownBy(() -> WorldFileReader.parse("faults.yaml", WORLD.replace("label: S3", "name: S3")))
                .hasMessageContaining("sections[0].label")
                .hasMessageContaining("is required");
    }

    private static WorldSpec parse(String fault) {
        return WorldFileReader.parse("faults.yaml", """
                apiVersion: sandbox.credrift.dev/v1alpha1
                kind: World
                name: faults-world
                onePassword:
                  faults:
                    - %s
                """.formatted(fault));
    }
}
