package dev.credrift.reconciler.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.spec.AdminSecretRef;
import dev.credrift.api.spec.CredentialBindingSpec;
import dev.credrift.api.spec.KeyAdminSecretRef;
import dev.credrift.api.spec.MinioSource;
import dev.credrift.api.spec.Mode;
import dev.credrift.api.spec.RookObjectUserSource;
import dev.credrift.api.spec.Rotation;
import dev.credrift.api.spec.SecretSource;
import dev.credrift.api.spec.Source;
import dev.credrift.api.spec.SourceKind;
import dev.credrift.api.spec.Store;
import dev.credrift.api.spec.WebIdentityProvider;
import dev.credrift.api.spec.WebIdentitySource;
import dev.credrift.reconciler.rotate.RotationDecision.Due;
import dev.credrift.reconciler.rotate.RotationDecision.NotDue;
import dev.credrift.reconciler.rotate.RotationDecision.ObserveOnly;
import dev.credrift.reconciler.rotate.RotationMetrics.Outcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seam the handler calls, the {@code credrift check} line, and the rotation metrics. */
class RotationSeamTest {

    private static final Instant NOW = Instant.parse("2026-12-05T03:00:00Z");
    private static final Rotation MONTHLY =
            new Rotation("720h", null, null, null, null, new KeyAdminSecretRef("rgw-admin", null, null, null));

    private final Rotations rotations = new Rotations(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldSayNothingWhenTheBindingDeclaresNoRotation() {
        CredentialBinding binding = binding(new RookObjectUserSource("storage", "s3", "loki"), null, Mode.REMEDIATE);

        assertThat(rotations.decide(binding, Optional.empty(), facts(NOW))).isEmpty();
    }

    @Test
    void shouldPlanOnlyWhenTheWholeBindingIsObserved() {
        CredentialBinding observed = binding(new RookObjectUserSource("storage", "s3", "loki"), MONTHLY, Mode.OBSERVE);
        CredentialBinding healed = binding(new RookObjectUserSource("storage", "s3", "loki"), MONTHLY, Mode.REMEDIATE);
        RotationFacts old = facts(NOW.minus(Duration.ofDays(40)));

        assertThat(rotations.decide(observed, Optional.empty(), old)).containsInstanceOf(ObserveOnly.class);
        assertThat(rotations.decide(healed, Optional.empty(), old)).containsInstanceOf(Due.class);
    }

    @Test
    void shouldKnowWhatCanBeMintedWhenGivenEachSource() {
        Map<Capability, CredentialBindingSpec> specs = Map.of(
                Capability.RGW_ADMIN_OPS, spec(new RookObjectUserSource("storage", "s3", "loki"), MONTHLY),
                Capability.ROOK_SPEC_KEYS,
                        spec(
                                new RookObjectUserSource("storage", "s3", "loki"),
                                new Rotation("720h", null, null, null, null, null)),
                Capability.MINIO_SERVICE_ACCOUNT,
                        spec(
                                new MinioSource(
                                        "http://minio:9000", new AdminSecretRef("root", null, null, null), null),
                                MONTHLY),
                Capability.ROLE_BASED,
                        spec(
                                new WebIdentitySource(
                                        WebIdentityProvider.AWS,
                                        "arn:aws:iam::123456789012:role/loki",
                                        null,
                                        "loki",
                                        null,
                                        null,
                                        null),
                                MONTHLY),
                Capability.NO_MINT, spec(new SecretSource(null, "loki-keys", null, null), MONTHLY));

        specs.forEach((capability, spec) -> assertThat(Rotations.capability(spec, true))
                .as(capability.name())
                .isEqualTo(capability));
        assertThat(Rotations.capability(specs.get(Capability.RGW_ADMIN_OPS), false))
                .isEqualTo(Capability.ROOK_WITHOUT_SPEC_KEYS);
        assertThat(Rotations.capability(null, true)).isEqualTo(Capability.NO_MINT);
    }

    @Test
    void shouldSayKeyAgeAndNextRotationWhenCheckAsks() {
        Instant since = NOW.minus(Duration.ofDays(28));

        String line = RotationSummary.checkLine(new NotDue(since.plus(Duration.ofDays(30))), Optional.of(since), NOW);
        String due = RotationSummary.checkLine(new Due(NOW, false), Optional.of(NOW.minus(Duration.ofHours(5))), NOW);
        String unknown = RotationSummary.checkLine(new NotDue(Instant.MAX), Optional.empty(), NOW);

        assertThat(line).isEqualTo("key age 28 d, next rotation in 2 d");
        assertThat(due).isEqualTo("key age 5 h, rotation due now");
        assertThat(unknown).isEqualTo("key age unknown, no rotation scheduled");
    }

    @Test
    void shouldCountOutcomesAndReadKeyAgeWhenScraped() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RotationMetrics metrics = new RotationMetrics(registry, Clock.fixed(NOW, ZoneOffset.UTC));

        metrics.rotation(Outcome.COMPLETED);
        metrics.rotation(Outcome.COMPLETED);
        metrics.rotation(Outcome.FAILED);
        metrics.keySince("monitoring/loki-s3", NOW.minus(Duration.ofDays(31)));
        metrics.keySince("monitoring/loki-s3", NOW.minus(Duration.ofDays(1)));

        assertThat(registry.get(RotationMetrics.ROTATIONS)
                        .tag("outcome", "completed")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        assertThat(registry.get(RotationMetrics.ROTATIONS)
                        .tag("outcome", "failed")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get(RotationMetrics.KEY_AGE)
                        .tag("binding", "monitoring/loki-s3")
                        .gauges())
                .hasSize(1);
        assertThat(registry.get(RotationMetrics.KEY_AGE)
                        .tag("binding", "monitoring/loki-s3")
                        .gauge()
                        .value())
                .isEqualTo(Duration.ofDays(1).toSeconds());
    }

    private static RotationFacts facts(Instant keySince) {
        return new RotationFacts(Capability.RGW_ADMIN_OPS, Optional.of(keySince), Set.of("OLDKEY"), Map.of(), false);
    }

    private static CredentialBinding binding(SourceKind source, Rotation rotation, Mode mode) {
        CredentialBinding binding = new CredentialBinding();
        CredentialBindingSpec spec = spec(source, rotation);
        binding.setSpec(new CredentialBindingSpec(
                mode, spec.authority(), spec.source(), null, null, List.of(), spec.store(), null, rotation));
        return binding;
    }

    /** A binding's spec with this source and rotation (shared with {@code CapabilityTest}). */
    static CredentialBindingSpec spec(SourceKind source, Rotation rotation) {
        return new CredentialBindingSpec(
                null,
                null,
                Source.of(source),
                null,
                null,
                List.of(),
                new Store(null, "loki-chunks", null, null, null),
                null,
                rotation);
    }
}
