package dev.credrift.reconciler.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.credrift.events.BindingId;
import dev.credrift.events.LoggingKeys;
import dev.credrift.sandbox.logs.LogCapture;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class ReconciliationTest {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationTest.class);
    private static final BindingId LOKI = BindingId.of("monitoring", "loki-s3");

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void shouldPutEveryKnownPartOnALineWhenLoggedThroughIt() {
        Reconciliation handling = new Reconciliation(LOKI, "timer", 7, null).withRemediation("r-1");
        try (LogCapture capture = LogCapture.asConfigured()) {
            handling.on(LOG.atWarn()).log("Handle: failed");
            Reconciliation.of(LOKI).on(LOG.atWarn()).log("Report: status not written");

            assertThat(capture.events())
                    .extracting(LogCapture.Line::context)
                    .containsExactly(
                            Map.of(
                                    LoggingKeys.BINDING,
                                    "monitoring/loki-s3",
                                    LoggingKeys.TRIGGER,
                                    "timer",
                                    LoggingKeys.HANDLING,
                                    "7",
                                    LoggingKeys.REMEDIATION,
                                    "r-1"),
                            Map.of(LoggingKeys.BINDING, "monitoring/loki-s3"));
        }
    }

    @Test
    void shouldHoldTheContextInTheMdcOnlyWhileTheBlockingCallRunsWhenCalled() throws Exception {
        MDC.put("other", "kept");

        String inside = Reconciliation.of(LOKI)
                .withRemediation("r-1")
                .call(() -> MDC.get(LoggingKeys.BINDING) + " " + MDC.get(LoggingKeys.REMEDIATION));

        assertThat(inside).isEqualTo("monitoring/loki-s3 r-1");
        assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("other", "kept"));
    }

    @Test
    void shouldClearTheMdcWhenTheBlockingCallFails() {
        assertThatThrownBy(() -> Reconciliation.of(LOKI).call(() -> {
                    throw new IllegalStateException("store down");
                }))
                .hasMessage("store down");

        assertThat(MDC.get(LoggingKeys.BINDING)).isNull();
    }
}
