package dev.credrift.sandbox.emulate.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadinessRuleTest {

    @ParameterizedTest(name = "faulted={0} probes={1} adopted={2} -> {3}")
    @CsvSource({
        "true,  true,  true,  FAILS",
        "true,  false, false, FAILS",
        "true,  false, true,  FAILS",
        "false, true,  true,  ASK_THE_STORE",
        "false, true,  false, ASK_THE_STORE",
        "false, false, true,  AS_REPORTED",
        "false, false, false, STARTED_IS_READY"
    })
    void shouldLetAFaultWinThenTheStoreThenTheReportWhenJudgingReadiness(
            boolean faulted, boolean probes, boolean adopted, ReadinessRule expected) {
        assertThat(ReadinessRule.of(faulted, probes, adopted)).isEqualTo(expected);
    }
}
