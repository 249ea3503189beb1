package dev.credrift.notifier.report;

import dev.credrift.events.credential.Fingerprint;
import dev.credrift.events.payload.Authority;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.DriftDetected;
import dev.credrift.events.payload.HopFingerprints;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The binding's hops in order, source → vault → replica → consumers, each with what it held:
 * {@code Rook ✓ → 1Password ✗ → ESO ✗ → loki ✗}.
 */
public record HopChain(List<Hop> hops) {

    /** One hop. */
    public record Hop(String label, HopState state) {}

    /** Copies the list. */
    public HopChain {
        hops = List.copyOf(hops);
    }

    /**
     * The chain at detection. A hop is ✓ when it holds the authority's credential, ✗ when it holds
     * another one, ? when it could not be read; when the store rejects the authority's credential,
     * every hop holding it is ✗. Consumers are ✗ when their replica is, ✓ only in sync.
     */
    public static HopChain of(DriftDetected drift, HopLabels labels, String consumersLabel) {
        HopFingerprints fingerprints = drift.fingerprints();
        Fingerprint authority = drift.authority() == Authority.SOURCE ? fingerprints.source() : fingerprints.vault();
        boolean rejected = drift.driftClass() == DriftClass.AUTHORITY_REJECTED;
        HopState replica = state(fingerprints.replica(), authority, rejected);
        HopState consumers = switch (drift.driftClass()) {
            case IN_SYNC -> HopState.OK;
            case CONSUMERS_STALE -> HopState.STALE;
            default -> replica == HopState.STALE ? HopState.STALE : HopState.UNKNOWN;
        };
        return new HopChain(List.of(
                new Hop(labels.source(), state(fingerprints.source(), authority, rejected)),
                new Hop(labels.vault(), state(fingerprints.vault(), authority, rejected)),
                new Hop(labels.replica(), replica),
                new Hop(consumersLabel, consumers)));
    }

    /** {@code Rook ✓ → 1Password ✗ → ESO ✗ → loki ✗}. */
    public String line() {
        return hops.stream().map(hop -> hop.label() + " " + hop.state().mark()).collect(Collectors.joining(" \u2192 "));
    }

    private static HopState state(Fingerprint held, Fingerprint authority, boolean authorityRejected) {
        if (held == null || authority == null) {
            return HopState.UNKNOWN;
        }
        if (held.equals(authority)) {
            return authorityRejected ? HopState.STALE : HopState.OK;
        }
        return authorityRejected ? HopState.UNKNOWN : HopState.STALE;
    }
}
