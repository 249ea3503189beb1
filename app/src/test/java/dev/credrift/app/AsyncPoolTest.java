package dev.credrift.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AsyncPoolTest {

    @Test
    void shouldAskForTwoThreadsWhenThePodHasTwoCpus() {
        assertThat(AsyncPool.parallelism(Optional.empty(), 2)).contains("2");
    }

    @Test
    void shouldAskForTwoThreadsWhenThePodHasOneCpu() {
        assertThat(AsyncPool.parallelism(Optional.empty(), 1)).contains("2");
    }

    @Test
    void shouldKeepTheJdksDefaultWhenThereAreManyCpus() {
        assertThat(AsyncPool.parallelism(Optional.empty(), 8)).contains("7");
    }

    @Test
    void shouldLeaveAnExplicitSettingAloneWhenOneIsConfigured() {
        assertThat(AsyncPool.parallelism(Optional.of("1"), 2)).isEmpty();
    }
}
