package dev.credrift.reconciler.handle;

import dev.credrift.api.spec.Mode;
import dev.credrift.api.spec.RookObjectUserSource;
import dev.credrift.api.spec.Rotation;
import dev.credrift.api.spec.WebIdentitySource;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.RotationStarted;
import dev.credrift.events.payload.RotationStepKind;
import dev.credrift.reconciler.assess.AuthorityCheck;
import dev.credrift.reconciler.classify.Classification;
import dev.credrift.reconciler.identity.IdentityExchange;
import dev.credrift.reconciler.journal.JournalEntry;
import dev.credrift.reconciler.journal.RotationMemory;
import dev.credrift.reconciler.probe.ProbeVerdict;
import dev.credrift.reconciler.rotate.Capability;
import dev.credrift.reconciler.rotate.RotationDecision;
import dev.credrift.reconciler.rotate.RotationFacts;
import dev.credrift.reconciler.rotate.RotationJournal;
import dev.credrift.reconciler.rotate.RotationMetrics;
import dev.credrift.reconciler.rotate.RotationSight;
import dev.credrift.reconciler.rotate.RotationView;
import dev.credrift.reconciler.rotate.Rotations;
import dev.credrift.reconciler.rotate.TokenLifetimes;
import dev.credrift.reconciler.step.Exec;
import dev.credrift.reconciler.world.BoundBinding;
import dev.credrift.reconciler.world.KubeGateway;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler's rotation stage (issue 17): after assessment, decide the binding's rotation with the pure seam
 * {@link Rotations#decide}, then carry out what the decision asks. Carried out so far: the status ({@code
 * status.rotation}, the {@code Rotating} condition), the key age metric, an Observe plan published once per due
 * rotation ({@code rotation.started} with {@code dryRun}), a refusal counted once, and {@code rotate-now} tokens
 * remembered once acted on. The steps of a rotation (MinIO service account, Rook {@code spec.keys} user, RGW Admin
 * Ops) are carried out by {@link RotationSteps}.
 */
final class RotationStage {

    private static final Logger LOG = LoggerFactory.getLogger(RotationStage.class);

    private final Exec exec;
    private final KubeGateway kube;
    private final Notices notices;
    private final Rotations rotations;
    private final RotationMetrics metrics;

    private final RotationSteps steps;

    RotationStage(RotationPorts ports, Notices notices, RotationMetrics metrics, Requeue requeue) {
        this.exec = ports.exec();
        this.kube = ports.cluster().kube();
        this.notices = notices;
        this.rotations = new Rotations(exec.clock());
        this.metrics = metrics;
        this.steps = new RotationSteps(ports, notices, metrics, requeue);
    }

    /** Decides the binding's rotation, stages what to remember and what status says; does nothing without one. */
    Future<Void> decide(Handling h, BoundBinding b, AssessedWorld w) {
        if (b.spec().rotation() == null) {
            return Future.succeededFuture();
        }
        return specKeys(h, b).compose(listed -> lifetimes(h, b, w).compose(lt -> decide(h, b, w, listed, lt)));
    }

    // a role-based binding has nothing to rotate: how long its keys and its pods' tokens live is reported instead
    private Future<Optional<TokenLifetimes>> lifetimes(Handling h, BoundBinding b, AssessedWorld w) {
        Optional<WebIdentitySource> web = IdentityAssessing.webIdentity(b);
        if (web.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        Instant now = exec.clock().instant();
        Optional<TokenLifetimes.IssuedKeys> keys = w.assessment().authorityCheck() instanceof AuthorityCheck.Identity i
                        && i.exchange() instanceof IdentityExchange.Accepted accepted
                ? Optional.of(TokenLifetimes.IssuedKeys.of(now, accepted.expiration()))
                : Optional.empty();
        return exec.guards()
                .kubernetes()
                .call(
                        exec.context(),
                        h.log(),
                        () -> TokenLifetimes.podTokens(
                                kube.pods(b.id().namespace()), web.get().serviceAccount()))
                .map(tokens -> Optional.of(new TokenLifetimes(keys, tokens)));
    }

    // a Rook user's spec.keys decides whether it can be rotated at all (Rook keeps one key without it)
    private Future<Boolean> specKeys(Handling h, BoundBinding b) {
        if (!(b.spec().source().selected().orElse(null) instanceof RookObjectUserSource rook)) {
            return Future.succeededFuture(false);
        }
        return exec.guards()
                .kubernetes()
                .call(
                        exec.context(),
                        h.log(),
                        () -> kube.rookObjectUser(rook.namespace(), rook.user())
                                .map(u -> u.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec
                                        && spec.get("keys") instanceof List<?> keys
                                        && !keys.isEmpty())
                                .orElse(false));
    }

    private Future<Void> decide(
            Handling h, BoundBinding b, AssessedWorld w, boolean rookSpecKeys, Optional<TokenLifetimes> lifetimes) {
        Rotation rotation = b.spec().rotation();
        Instant now = exec.clock().instant();
        JournalEntry entry = h.entry();
        Optional<Fingerprint> authority = w.assessment().authorityFingerprint();
        RotationMemory memory = entry.rotationMemoryOrNone()
                .seen(authority.map(Fingerprint::value).orElse(null), now);
        Optional<String> pending = Rotations.pendingRequest(
                Optional.ofNullable(b.annotations().get(Rotations.ROTATE_NOW)),
                Optional.ofNullable(memory.lastRequest()));
        Optional<RotationJournal> journal = entry.rotationJournal();
        // a halted rotation stays halted until a new request starts over (RotationPlanner)
        Optional<RotationJournal> open = pending.isPresent() ? journal.filter(j -> j.halt() == null) : journal;
        Optional<Instant> keySince = keySince(journal, memory);
        Capability capability = Rotations.capability(b.spec(), rookSpecKeys);
        RotationSight sight = RotationSight.of(
                open,
                w.authority().map(Credential::accessKeyId),
                w.assessment().authorityCheck() instanceof AuthorityCheck.Probed p
                        && p.verdict() instanceof ProbeVerdict.Accepted,
                w.classification() instanceof Classification.Classified c && c.inSync());
        RotationFacts facts = new RotationFacts(
                capability,
                keySince,
                sight.storeKeys(),
                sight.heldBy(),
                pending.isPresent(),
                entry.halted().map(halt -> halt.reason().name()),
                lifetimes);
        RotationDecision decision = rotations.decide(b.resource(), open, facts).orElseThrow();
        keySince.ifPresent(since -> metrics.keySince(b.id().toString(), since));
        boolean endsWithoutRotation =
                decision instanceof RotationDecision.ObserveOnly || decision instanceof RotationDecision.Refuse;
        RotationMemory remembered =
                endsWithoutRotation && pending.isPresent() ? memory.withLastRequest(pending.get()) : memory;
        Future<RotationMemory> done = carryOut(h, b, w, decision, remembered, pending.isPresent());
        boolean steps = capability.mints() && b.spec().mode() != Mode.OBSERVE;
        Future<Optional<RotationJournal>> carried = steps
                ? done.compose(m -> this.steps.carryOut(h, b, w, decision, pending, capability))
                : done.map(journal);
        return carried.compose(after -> done.map(m -> {
                    // what the rotation stands at after its steps: decided again on the journal as it is now
                    RotationDecision shown = after.equals(journal)
                            ? decision
                            : rotations
                                    .decide(b.resource(), after, facts(facts))
                                    .orElseThrow();
                    // a rotation this handling opened acted on the pending token: never act on it twice
                    RotationMemory remember =
                            after.equals(journal) || pending.isEmpty() ? m : m.withLastRequest(pending.get());
                    return new Shown(shown, after, remember);
                }))
                .map(s -> {
                    RotationMemory after = s.memory();
                    RotationView view = RotationView.of(
                            s.decision(),
                            s.journal(),
                            Optional.ofNullable(after.lastRequest()),
                            rotation.every() != null,
                            Optional.ofNullable(after.outcome()));
                    // Observed and Refused open no rotation: what status says of them is remembered to stay on show
                    h.stage(e -> e.withRotationMemory(endsWithoutRotation ? after.withOutcome(view.status()) : after));
                    h.rotationView(view);
                    return null;
                });
    }

    private record Shown(RotationDecision decision, Optional<RotationJournal> journal, RotationMemory memory) {}

    // a journal that moved on is not asked for again: the token it acted on is in it
    private static RotationFacts facts(RotationFacts facts) {
        return new RotationFacts(
                facts.capability(),
                facts.keySince(),
                facts.storeKeys(),
                facts.heldBy(),
                false,
                facts.bindingHalt(),
                facts.lifetimes());
    }

    // the last rotation of credrift's, or the first sight of the current key, whichever is later
    private static Optional<Instant> keySince(Optional<RotationJournal> journal, RotationMemory memory) {
        Optional<Instant> rotated =
                journal.filter(RotationJournal::isDone).flatMap(j -> j.completedAt(RotationStepKind.PROVE_OLD_REFUSED));
        return Stream.of(rotated, memory.since()).flatMap(Optional::stream).max(Comparator.naturalOrder());
    }

    private Future<RotationMemory> carryOut(
            Handling h,
            BoundBinding b,
            AssessedWorld w,
            RotationDecision decision,
            RotationMemory memory,
            boolean requested) {
        if (decision instanceof RotationDecision.ObserveOnly observe
                && (requested || !observe.dueSince().equals(memory.announced()))) {
            metrics.rotation(RotationMetrics.Outcome.OBSERVED);
            return observed(h, b, w, observe, requested).map(v -> memory.withAnnounced(observe.dueSince()));
        }
        if (decision instanceof RotationDecision.Refuse refuse && (requested || memory.announced() == null)) {
            metrics.rotation(RotationMetrics.Outcome.REFUSED);
            h.log().on(LOG.atInfo()).log("Rotation: refused: {}", refuse.detail());
            return Future.succeededFuture(memory.withAnnounced(exec.clock().instant()));
        }
        return Future.succeededFuture(memory);
    }

    // mode Observe: the plan is published (event and audit record) and nothing is changed
    private Future<Void> observed(
            Handling h, BoundBinding b, AssessedWorld w, RotationDecision.ObserveOnly observe, boolean requested) {
        String rotationId = UUID.randomUUID().toString();
        String plan = String.join(" → ", observe.plan().stream().map(Enum::name).toList());
        h.log().on(LOG.atInfo()).log("Rotation: mode Observe, plan published: {}", plan);
        Optional<Fingerprint> authority = w.assessment().authorityFingerprint();
        Future<Void> published = w.assessment().authorityCheck() instanceof AuthorityCheck.Probed probed
                ? notices.publish(
                        new RotationStarted(
                                b.id(),
                                rotationId,
                                requested ? RotationStarted.Trigger.ON_DEMAND : RotationStarted.Trigger.SCHEDULE,
                                probed.accessKeyId(),
                                observe.dueSince(),
                                true),
                        rotationId)
                // the event names the old key: without a probed key id there is only the audit record
                : Future.succeededFuture();
        return published.compose(v -> notices.audit(
                h,
                "ROTATION_PLANNED_DRY_RUN",
                "mode Observe: rotation due since " + observe.dueSince() + "; planned " + plan + ", none carried out",
                rotationId,
                authority.orElse(null),
                null));
    }
}
