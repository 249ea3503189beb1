package dev.credrift.app.run;

import dev.credrift.app.config.CredriftConfig;
import dev.credrift.app.health.KubernetesCheck;
import dev.credrift.app.health.OnePasswordCheck;
import dev.credrift.app.health.ReadinessBoard;
import dev.credrift.app.health.ReadinessMonitor;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;

/**
 * The background checks of the dependencies the watcher and the reconciler need beyond Kafka: the Kubernetes API
 * (not ready without it) and 1Password Connect (degraded without it). Each is added to the readiness board and
 * re-checked every readiness interval.
 */
final class DependencyChecks {

    /** Without onePassword.requestTimeout: as long as the Connect client's own default. */
    private static final Duration ONE_PASSWORD_TIMEOUT = Duration.ofSeconds(10);

    private DependencyChecks() {}

    /**
     * Checks the Kubernetes API once within the Kubernetes timeout, then keeps checking in the background.
     *
     * @return completes the first time the API answers (already complete if it answered now)
     */
    static Future<Void> kubernetes(RunningCredrift.Parts parts, RunSettings settings, Clock clock, Waits waits) {
        KubernetesCheck check = KubernetesCheck.of(parts.kubernetes.get(), settings.kubernetesTimeout(), clock);
        parts.kubernetesCheck = check;
        ReadinessMonitor monitor = new ReadinessMonitor(
                parts.vertx,
                "kubernetes",
                check::check,
                KubernetesCheck.DEPENDENCY + " at " + check.url() + " answers",
                settings.readinessInterval(),
                settings.kubernetesTimeout().plusSeconds(2),
                clock);
        parts.kubernetesMonitor = monitor;
        parts.board.add("kubernetes", ReadinessBoard.Impact.UNREADY, monitor::current);
        monitor.start();
        waits.await(
                monitor.firstVerdict(),
                settings.kubernetesTimeout().plusSeconds(5),
                "checking the " + KubernetesCheck.DEPENDENCY + " at " + check.url());
        return monitor.firstReady();
    }

    /** 1Password Connect, when configured: failing it degrades credrift, it does not make it unready. */
    static void onePassword(RunningCredrift.Parts parts, RunSettings settings, Clock clock) {
        if (settings.config().onePassword().isEmpty()) {
            return;
        }
        CredriftConfig.OnePassword connect = settings.config().onePassword().get();
        Duration timeout = connect.requestTimeout().orElse(ONE_PASSWORD_TIMEOUT);
        OnePasswordCheck check = OnePasswordCheck.of(parts.vertx, connect.url(), connect.caFile(), timeout, clock);
        parts.onePasswordCheck = check;
        ReadinessMonitor monitor = new ReadinessMonitor(
                parts.vertx,
                "onepassword",
                check::check,
                OnePasswordCheck.DEPENDENCY + " at " + connect.url() + " answers",
                settings.readinessInterval(),
                timeout.plusSeconds(2),
                clock);
        parts.onePasswordMonitor = monitor;
        parts.board.add("onepassword", ReadinessBoard.Impact.DEGRADED, monitor::current);
        monitor.start();
    }
}
