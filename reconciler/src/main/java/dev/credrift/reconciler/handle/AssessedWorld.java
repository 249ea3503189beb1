package dev.credrift.reconciler.handle;

import dev.credrift.events.credential.Credential;
import dev.credrift.reconciler.assess.Assessment;
import dev.credrift.reconciler.assess.ReplicaMark;
import dev.credrift.reconciler.classify.Classification;
import dev.credrift.reconciler.world.WorldSnapshot;
import java.util.Optional;

/** A snapshot, its assessment and verdict, and the authority's credential (in memory) when it could be read. */
record AssessedWorld(
        WorldSnapshot snapshot,
        Assessment assessment,
        Optional<ReplicaMark> mark,
        Classification classification,
        Optional<Credential> authority) {}
