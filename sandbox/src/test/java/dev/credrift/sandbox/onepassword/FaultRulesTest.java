package dev.credrift.sandbox.onepassword;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FaultRulesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldApplyWindowedFaultOnlyInsideItsWindowWhenRequestsArriveOverTime() {
        FaultRules rules = new FaultRules();
        Fault limited = Fault.rateLimited(Duration.ofSeconds(2));
        rules.addWindow(null, limited, T0.plusSeconds(5), T0.plusSeconds(10));

        assertThat(rules.take("GET", T0.plusSeconds(4))).isEmpty();
        assertThat(rules.take("GET", T0.plusSeconds(5))).contains(limited);
        assertThat(rules.take("PATCH", T0.plusMillis(9_999))).contains(limited);
        assertThat(rules.take("GET", T0.plusSeconds(10))).isEmpty();
        assertThat(rules.take("GET", T0.plusSeconds(6)))
                .as("a passed window is dropped")
                .isEmpty();
    }

    @Test
    void shouldApplyWindowedFaultToItsMethodOnlyWhenMethodIsGiven() {
        FaultRules rules = new FaultRules();
        Fault slow = Fault.delay(Duration.ofSeconds(3));
        rules.addWindow("PATCH", slow, T0, T0.plusSeconds(10));

        assertThat(rules.take("GET", T0.plusSeconds(1))).isEmpty();
        assertThat(rules.take("patch", T0.plusSeconds(1))).contains(slow);
    }
}
