package dev.credrift.reconciler.it;

import static dev.credrift.reconciler.it.ItWorld.LOKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.status.ConditionType;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.DriftDetected;
import dev.credrift.events.payload.RemediationDeferred;
import dev.credrift.events.payload.RemediationFailed;
import dev.credrift.events.payload.RemediationHalted;
import dev.credrift.events.payload.RemediationSucceeded;
import dev.credrift.events.payload.RemediationSuperseded;
import dev.credrift.events.payload.StepKind;
import dev.credrift.reconciler.Reconciler;
import dev.credrift.reconciler.ReconcilerConfig;
import dev.credrift.reconciler.StepHook;
import dev.credrift.reconciler.handle.Flapping;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * architecture.md §5.1 (issue 12, findings 1–3 and the flapping source): the world moves while a remediation runs — the store
 * refuses the key after the plan, the source rotates again under a step, a budget runs out — and the reconciler
 * neither propagates a refused key nor halts on a stale one; it heals to the latest authority.
 */
class MovingWorldIT extends OnItWorld {

    @Test
    void shouldWriteAndRollNothingWhenTheStoreRefusesTheAuthorityAfterThePlan() {
        Credential before = world.story1(spec -> spec);
        Credential rotated = world.rotate(ItWorld.USER);
        world.rookSecret(rotated);
        // right after the probe step passed (its verdict cached), RGW rotates again; the Rook secret lags behind
        Reconciler reconciler = world.deploy(afterStep(StepKind.PROBE_STORE, 1, () -> world.rotate(ItWorld.USER)));

        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RemediationFailed.class).isEmpty());
        world.awaitIdle(reconciler);

        assertThat(world.outcomes(RemediationFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.errorCode()).isEqualTo("AUTHORITY_REJECTED");
            assertThat(f.step()).isEqualTo(StepKind.WRITE_VAULT);
            assertThat(f.willRetry()).isFalse();
        });
        assertThat(vaultKeyId()).isEqualTo(before.accessKeyId());
        assertThat(world.rollouts("loki")).isZero();

        world.nudge(LOKI);
        await().atMost(30, TimeUnit.SECONDS)
                .until(() -> world.outcomes(DriftDetected.class).stream()
                        .anyMatch(d -> d.driftClass() == DriftClass.AUTHORITY_REJECTED));
    }

    @Test
    void shouldSupersedeAndHealToTheNewKeyWhenTheSourceRotatesAfterThePlan() {
        world.story1(spec -> spec);
        Credential planned = world.rotate(ItWorld.USER);
        world.rookSecret(planned);
        AtomicReference<Credential> latest = new AtomicReference<>();
        Reconciler reconciler = world.deploy(afterStep(StepKind.PROBE_STORE, 1, () -> {
            latest.set(world.rotate(ItWorld.USER));
            world.rookSecret(latest.get());
        }));

        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RemediationSucceeded.class).isEmpty());
        world.awaitIdle(reconciler);

        assertThat(world.outcomes(RemediationSuperseded.class)).singleElement().satisfies(s -> {
            assertThat(s.step()).isEqualTo(StepKind.WRITE_VAULT);
            assertThat(s.planned()).isEqualTo(ItWorld.FINGERPRINTER.fingerprint(planned));
            assertThat(s.current()).isEqualTo(ItWorld.FINGERPRINTER.fingerprint(latest.get()));
        });
        assertThat(world.outcomes(RemediationSucceeded.class))
                .singleElement()
                .satisfies(s -> assertThat(s.fingerprint()).isEqualTo(ItWorld.FINGERPRINTER.fingerprint(latest.get())));
        assertThat(world.outcomes(RemediationFailed.class)).isEmpty();
        assertThat(world.outcomes(RemediationHalted.class)).isEmpty();
        assertThat(vaultKeyId()).isEqualTo(latest.get().accessKeyId());
        assertThat(world.rollouts("loki")).isEqualTo(1);
        assertThat(world.audit()).anySatisfy(r -> assertThat(r.action()).isEqualTo("REMEDIATION_SUPERSEDED"));
        assertThat(world.status(LOKI).condition(ConditionType.IN_SYNC))
                .hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());
    }

    @Test
    void shouldHealToTheLatestKeyInsteadOfHaltingWhenTheSourceRotatesAgainDuringTheRollout() {
        world.story1(spec -> spec.readinessTimeout("20s"));
        Credential first = world.rotate(ItWorld.USER);
        world.rookSecret(first);
        AtomicReference<Credential> second = new AtomicReference<>();
        AtomicReference<Instant> rotatedAt = new AtomicReference<>();
        Reconciler reconciler = world.deploy(afterStep(StepKind.ROLL_OUT, 1, () -> {
            second.set(world.rotate(ItWorld.USER));
            world.rookSecret(second.get());
            rotatedAt.set(Instant.now());
            world.nudge(LOKI); // what the watcher sends for the changed Rook secret
        }));

        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RemediationSucceeded.class).isEmpty());
        Duration healed = Duration.between(rotatedAt.get(), Instant.now());
        world.awaitIdle(reconciler);

        System.out.printf("moving world: second rotation to in sync in %d ms%n", healed.toMillis());
        assertThat(world.outcomes(RemediationHalted.class)).isEmpty();
        assertThat(world.outcomes(RemediationSuperseded.class))
                .singleElement()
                .satisfies(s -> assertThat(s.step()).isEqualTo(StepKind.AWAIT_READY));
        assertThat(world.outcomes(RemediationSucceeded.class))
                .singleElement()
                .satisfies(s -> assertThat(s.fingerprint()).isEqualTo(ItWorld.FINGERPRINTER.fingerprint(second.get())));
        assertThat(vaultKeyId()).isEqualTo(second.get().accessKeyId());
        // at most one rollout per credential it had to move to (invariant 3); one is enough when the first rollout's
        // pods started after the replica already held the second key (seen when the resync came within the second)
        assertThat(world.rollouts("loki")).isBetween(1, 2);
        assertThat(healed).isLessThan(Duration.ofSeconds(20)); // well before readinessTimeout would have halted
        assertThat(world.status(LOKI).condition(ConditionType.HALTED))
                .hasValueSatisfying(c -> assertThat(c.isFalse()).isTrue());
    }

    @Test
    void shouldDeferAndHealLaterWhenTheVaultWriteLimiterRefuses() {
        world.story1(spec -> spec);
        ReconcilerConfig config = world.config();
        Reconciler reconciler =
                world.deploy(config.withLimits(new ReconcilerConfig.Limits(20, 1, Duration.ofMillis(100))));
        world.rookSecret(world.rotate(ItWorld.USER));
        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> world.outcomes(RemediationSucceeded.class).size() == 1);
        world.awaitIdle(reconciler);

        // the one write of this minute is spent: the next rotation's write is deferred, not failed
        Credential latest = world.rotate(ItWorld.USER);
        world.rookSecret(latest);
        world.nudge(LOKI);
        await().atMost(30, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RemediationDeferred.class).isEmpty());
        assertThat(world.outcomes(RemediationDeferred.class)).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo("VAULT_WRITE_RATE_LIMITED");
            assertThat(d.step()).isEqualTo(StepKind.WRITE_VAULT);
            assertThat(d.retryAt()).isAfter(Instant.now());
        });
        await().atMost(10, TimeUnit.SECONDS)
                .untilAsserted(() -> assertThat(world.status(LOKI).condition(ConditionType.REMEDIATING))
                        .hasValueSatisfying(c -> {
                            assertThat(c.reason()).isEqualTo("Deferred");
                            assertThat(c.message())
                                    .contains("VAULT_WRITE_RATE_LIMITED")
                                    .contains("next attempt at");
                        }));

        // once the limiter refills, the deferred remediation resumes by itself and heals
        await().atMost(120, TimeUnit.SECONDS)
                .until(() -> world.outcomes(RemediationSucceeded.class).size() == 2);
        world.awaitIdle(reconciler);
        assertThat(world.outcomes(RemediationFailed.class)).isEmpty();
        assertThat(vaultKeyId()).isEqualTo(latest.accessKeyId());
        assertThat(world.status(LOKI).condition(ConditionType.IN_SYNC))
                .hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());
    }

    @Test
    void shouldHaltAsFlappingWhenTheSourceKeepsChangingUnderItsRemediations() {
        Credential before = world.story1(spec -> spec);
        world.rookSecret(world.rotate(ItWorld.USER));
        ReconcilerConfig config = world.config();
        AtomicReference<Credential> latest = new AtomicReference<>();
        Reconciler reconciler =
                world.deploy(config.withLimits(config.limits().withFlapping(new Flapping(1, Duration.ofMinutes(10))))
                        .withStepHook(afterStep(StepKind.PROBE_STORE, 2, () -> {
                            latest.set(world.rotate(ItWorld.USER));
                            world.rookSecret(latest.get());
                        })));

        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RemediationHalted.class).isEmpty());
        world.awaitIdle(reconciler);

        assertThat(world.outcomes(RemediationSuperseded.class)).hasSize(2);
        assertThat(world.outcomes(RemediationHalted.class))
                .singleElement()
                .satisfies(h -> assertThat(h.reason()).isEqualTo(RemediationHalted.Reason.SOURCE_FLAPPING));
        assertThat(world.status(LOKI).condition(ConditionType.HALTED)).hasValueSatisfying(c -> {
            assertThat(c.isTrue()).isTrue();
            assertThat(c.reason()).isEqualTo("SourceFlapping");
        });
        assertThat(vaultKeyId()).isEqualTo(before.accessKeyId());
        assertThat(world.rollouts("loki")).isZero();

        // cleared like any halt; then healed to the key the source settled on
        world.clearHalt(ItWorld.BINDING);
        world.nudge(LOKI);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> !world.outcomes(RemediationSucceeded.class).isEmpty());
        world.awaitIdle(reconciler);
        assertThat(vaultKeyId()).isEqualTo(latest.get().accessKeyId());
        assertThat(world.rollouts("loki")).isEqualTo(1);
    }

    private String vaultKeyId() {
        return world.onePassword
                .readField(ItWorld.VAULT, ItWorld.ITEM, "access_key")
                .reveal();
    }

    /** Changes the world (off the event loop) right after the first {@code times} journaled steps of {@code kind}. */
    private StepHook afterStep(StepKind kind, int times, Runnable change) {
        AtomicInteger seen = new AtomicInteger();
        return (at, binding, index, stepKind) -> {
            if (at != StepHook.Point.AFTER_JOURNAL || stepKind != kind || seen.incrementAndGet() > times) {
                return Future.succeededFuture();
            }
            return world.vertx
                    .executeBlocking(() -> {
                        change.run();
                        return null;
                    })
                    .mapEmpty();
        };
    }
}
