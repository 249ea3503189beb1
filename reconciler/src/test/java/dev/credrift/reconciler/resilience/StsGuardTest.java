package dev.credrift.reconciler.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.reconciler.identity.StsReply;
import dev.credrift.reconciler.identity.StsUnavailable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The STS guard: throttling is retried after growing waits, never at once; a refusal is an answer, not retried. */
class StsGuardTest {

    private final GuardRuntime runtime = new GuardRuntime("sts-guard-test");
    // no jitter, so that the waits can be checked: 100 ms, 200 ms, 400 ms
    private final Guard guard = new Guard(
            ExternalSystem.STS,
            new GuardSettings(
                    4,
                    Duration.ofMillis(100),
                    2.0,
                    0.0,
                    Duration.ofSeconds(2),
                    50f,
                    20,
                    10,
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(5)),
            Transient::sts,
            runtime.scheduler(),
            runtime.worker());

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void shouldBackOffExponentiallyWhileStsThrottlesThenTakeTheAnswer() throws Exception {
        List<Long> calls = new CopyOnWriteArrayList<>();
        StsReply answer = runtime.await(guard.call(runtime.context(), () -> {
            calls.add(System.nanoTime());
            if (calls.size() < 4) {
                throw new StsUnavailable("STS http://sts answered 400 Throttling.User", true);
            }
            return (StsReply) new StsReply.Refused(403, "AccessDenied", "Not authorized");
        }));
        assertThat(answer).isInstanceOf(StsReply.Refused.class);
        assertThat(calls).hasSize(4);
        long first = TimeUnit.NANOSECONDS.toMillis(calls.get(1) - calls.get(0));
        long second = TimeUnit.NANOSECONDS.toMillis(calls.get(2) - calls.get(1));
        long third = TimeUnit.NANOSECONDS.toMillis(calls.get(3) - calls.get(2));
        assertThat(first).isGreaterThanOrEqualTo(95);
        assertThat(second).isGreaterThanOrEqualTo(195);
        assertThat(third).isGreaterThanOrEqualTo(395);
    }

    @Test
    void shouldNotRetryARefusal() throws Exception {
        List<Long> calls = new CopyOnWriteArrayList<>();
        runtime.await(guard.call(runtime.context(), () -> {
            calls.add(System.nanoTime());
            return (StsReply) new StsReply.Refused(400, "InvalidIdentityToken", "Incorrect token audience");
        }));
        assertThat(calls).hasSize(1);
        assertThat(Transient.sts(new StsUnavailable("x", true))).isTrue();
        assertThat(Transient.sts(new IllegalStateException("bug"))).isFalse();
    }
}
