package dev.credrift.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HopTableTest {

    @Test
    void shouldShowOneRowPerMomentAndWhyConsumersFailWhenRendered() {
        String table = HopTable.render(
                "monitoring/loki-s3",
                List.of(
                        new HopRow(
                                "at start", HopMark.GOOD, HopMark.GOOD, HopMark.GOOD, HopMark.GOOD, Optional.empty()),
                        new HopRow(
                                "at drift +3.4s",
                                HopMark.GOOD,
                                HopMark.BAD,
                                HopMark.BAD,
                                HopMark.BAD,
                                Optional.of("pod loki-0 not ready: InvalidAccessKeyId (HTTP 403)")),
                        new HopRow(
                                "at end",
                                HopMark.GOOD,
                                HopMark.GOOD,
                                HopMark.GOOD,
                                HopMark.UNKNOWN,
                                Optional.empty())));

        assertThat(table.lines())
                .containsExactly(
                        "  chain of monitoring/loki-s3  source  vault  replica  consumers",
                        "    at start                     ✓       ✓       ✓        ✓",
                        "    at drift +3.4s               ✓       ✗       ✗        ✗      pod loki-0 not ready: InvalidAccessKeyId (HTTP 403)",
                        "    at end                       ✓       ✓       ✓        ·");
    }
}
