package dev.credrift.app.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void shouldTakeNearestRanksWhenGivenAHundredSamplesInAnyOrder() {
        List<Long> samples = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            samples.add(i * 10);
        }
        Collections.shuffle(samples);
        Percentiles p = Percentiles.of(samples);
        assertThat(p).isEqualTo(new Percentiles(100, 500, 990, 1000));
    }

    @Test
    void shouldUseTheOnlySampleForEveryRankWhenThereIsOne() {
        assertThat(Percentiles.of(List.of(42L))).isEqualTo(new Percentiles(1, 42, 42, 42));
    }

    @Test
    void shouldReportTheMaximumAsP99WhenFewerThanAHundredSamples() {
        Percentiles p = Percentiles.of(List.of(5L, 1L, 3L));
        assertThat(p.p50()).isEqualTo(3);
        assertThat(p.p99()).isEqualTo(5);
    }

    @Test
    void shouldSayNoneWhenThereAreNoSamples() {
        assertThat(Percentiles.of(List.of())).isEqualTo(Percentiles.NONE);
        assertThat(BenchTable.seconds(Percentiles.NONE.p50())).isEqualTo("–");
    }
}
