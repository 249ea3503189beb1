package dev.credrift.reconciler.step;

import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.reconciler.probe.StoreProbe;

/** How a credential is checked: does the store accept it ({@code probe}), and which one is it (fingerprint). */
public record StoreChecks(StoreProbe probe, Fingerprinter fingerprinter) {}
