package dev.credrift.app.sandbox;

import dev.credrift.events.CredriftEvent;
import dev.credrift.events.payload.BackInSync;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.DriftDetected;
import dev.credrift.events.payload.RemediationSucceeded;
import dev.credrift.sandbox.world.World;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Listens to credrift's outcomes in one world: prints each (an {@code IN_SYNC} assessment only when it is news),
 * feeds drift classes to the world's log (its {@code driftClassSeen} checks need the classes that came and went),
 * and remembers, per binding, when drift was first reported, the chain at that moment and when it healed.
 */
final class StoryTracker implements OutcomeTap.Listener {

    /** What happened to one binding. */
    static final class BindingStory {
        Instant driftedAt;
        HopRow atDrift;
        Instant healedAt;
        Long remediationMillis;
        DriftClass lastClass;
        String lastDetail;
    }

    private final World world;
    private final TimelinePrinter printer;
    private final HopReader hops;
    private final Map<String, BindingStory> bindings = new LinkedHashMap<>();

    StoryTracker(World world, TimelinePrinter printer, HopReader hops) {
        this.world = world;
        this.printer = printer;
        this.hops = hops;
    }

    @Override
    public void outcome(CredriftEvent event) {
        String id = event.bindingId().toString();
        boolean print = true;
        synchronized (this) {
            BindingStory story = bindings.computeIfAbsent(id, key -> new BindingStory());
            if (event.payload() instanceof DriftDetected drift) {
                world.recordDriftClass(id, drift.driftClass().name());
                print = drift.driftClass() != story.lastClass;
                story.lastClass = drift.driftClass();
                story.lastDetail = drift.detail();
                if (drift.driftClass() != DriftClass.IN_SYNC && story.driftedAt == null) {
                    story.driftedAt = event.time();
                    story.atDrift =
                            hops.atDrift(id, drift.fingerprints(), "at drift").orElse(null);
                }
            } else if (event.payload() instanceof BackInSync || event.payload() instanceof RemediationSucceeded) {
                // whichever comes first says every hop holds the authority's credential again
                if (story.driftedAt != null && story.healedAt == null) {
                    story.healedAt = event.time();
                }
                if (event.payload() instanceof RemediationSucceeded succeeded) {
                    story.remediationMillis = succeeded.durationMillis();
                }
            }
        }
        if (print) {
            OutcomeText.describe(event)
                    .ifPresent(text -> printer.line(event.time(), "credrift", TimelinePrinter.shortened(text)));
        }
    }

    synchronized Map<String, BindingStory> bindings() {
        return new LinkedHashMap<>(bindings);
    }

    synchronized Optional<BindingStory> binding(String id) {
        return Optional.ofNullable(bindings.get(id));
    }
}
