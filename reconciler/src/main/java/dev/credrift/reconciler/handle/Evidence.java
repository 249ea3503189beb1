package dev.credrift.reconciler.handle;

import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.HopFingerprints;
import java.util.Optional;

/**
 * What a remediation was decided on (architecture.md §5.1 rule 5): the spec's generation and every hop's fingerprint. A
 * failure that will not go away by itself is not tried again until this differs.
 */
final class Evidence {

    private Evidence() {}

    static String of(long generation, HopFingerprints hops, Optional<Fingerprint> consumers) {
        return "generation " + generation + ", source " + text(hops.source()) + ", vault " + text(hops.vault())
                + ", replica " + text(hops.replica()) + ", consumers "
                + consumers.map(Fingerprint::value).orElse("-");
    }

    private static String text(Fingerprint fp) {
        return fp == null ? "-" : fp.value();
    }
}
