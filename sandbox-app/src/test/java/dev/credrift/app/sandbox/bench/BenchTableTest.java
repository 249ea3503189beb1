package dev.credrift.app.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.sandbox.kube.RequestCounts;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchTableTest {

    @Test
    void shouldRenderOneRowPerWorldWithSecondsVerbsAndPodsWhenGivenResults() {
        Map<RequestCounts.Verb, Long> requests = new EnumMap<>(RequestCounts.Verb.class);
        requests.put(RequestCounts.Verb.GET, 40L);
        requests.put(RequestCounts.Verb.LIST, 3L);
        requests.put(RequestCounts.Verb.PATCH, 7L);
        ScenarioResult plain = new ScenarioResult(
                10,
                0,
                new Percentiles(10, 610, 4_600, 4_600),
                new Percentiles(10, 2_490, 3_010, 3_010),
                0,
                0,
                requests,
                12.5,
                10.0,
                3.25,
                20.0,
                512.4,
                300.0,
                1234,
                100,
                8.0);
        ScenarioResult crowded = new ScenarioResult(
                20, 1500, Percentiles.NONE, Percentiles.NONE, 20, 1, Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, 120);

        String table = BenchTable.render(List.of(plain, crowded));

        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2))
                .startsWith("| 10 | 0.61 / 4.60 / 4.60 | 10/10 | 2.49 / 3.01 | 50: 40/3/0/0/0/7/0 |")
                .contains("| 12.5 (10.0 / 2.5) | 3.3 | 20.0 | 512.4 (300.0) | 1234 | 100 | 12.3 | 8.0 |");
        assertThat(lines.get(3))
                .startsWith("| 20 + 1500 pods | – / – / – (20 undetected) (1 judged drifting before"
                        + " the rotation) | 0/20 | – / – | 0: ");
        assertThat(lines.get(2)).doesNotContain("before the rotation");
        assertThat(lines.get(0).split("\\|")).hasSameSizeAs(lines.get(2).split("\\|"));
    }
}
