package dev.credrift.sandbox.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class NoConcurrentModificationTest {

    private static final Logger LOG = LoggerFactory.getLogger("dev.credrift.test.consume");

    @Test
    void shouldPickOnlyTheConcurrentModificationLineWhenCommitsFailForSeveralReasons() {
        try (LogCapture logs = LogCapture.asConfigured()) {
            LOG.warn("Consume: commit failed ({}); retried on the next tick", "RebalanceInProgressException");
            LOG.warn("Consume: commit failed ({}); retried on the next tick", "ConcurrentModificationException");

            assertThat(logs.lines()).hasSize(2);
            assertThat(NoConcurrentModification.offending(logs.lines()))
                    .singleElement()
                    .asString()
                    .contains("WARN")
                    .contains("ConcurrentModificationException");
        }
    }

    @Test
    void shouldRestoreCredriftsLevelWhenACaptureOfEveryLineCloses() {
        LogCapture every = LogCapture.everyCredriftLine();
        LOG.trace("a trace line");
        every.close();
        try (LogCapture configured = LogCapture.asConfigured()) {
            LOG.trace("another trace line");

            assertThat(every.lines()).anyMatch(line -> line.contains("a trace line"));
            assertThat(configured.lines()).isEmpty();
        }
    }
}
