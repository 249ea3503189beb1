package dev.credrift.sandbox.world;

import dev.credrift.sandbox.emulate.RealTimeScheduler;
import dev.credrift.sandbox.emulate.eso.EsoEmulator;
import dev.credrift.sandbox.emulate.probe.S3ListProbe;
import dev.credrift.sandbox.emulate.probe.StoreProbe;
import dev.credrift.sandbox.emulate.probe.StoreTrust;
import dev.credrift.sandbox.emulate.rook.RookEmulator;
import dev.credrift.sandbox.emulate.workload.WorkloadEmulator;
import dev.credrift.sandbox.emulate.workload.WorkloadSettings;
import dev.credrift.sandbox.kube.MockKubernetes;
import dev.credrift.sandbox.world.spec.WorldSettings;
import dev.credrift.sandbox.world.spec.WorldSpec;
import dev.credrift.sandbox.world.store.WorldStore;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The emulators that drive a world's objects once they are applied: Rook (users to Secrets), ESO (items to replica
 * Secrets) and the workloads (pods reading the replica and probing the store), on one real-time scheduler. Each is
 * remembered in the world's started resources, so it stops with the world.
 */
record WorldEmulators(RookEmulator rook, EsoEmulator eso, WorkloadEmulator workloads) {

    static WorldEmulators start(
            MockKubernetes kubernetes,
            WorldStore store,
            StoreProbe consumerProbe,
            WorldSettings settings,
            Clock clock,
            StartedResources started) {
        RealTimeScheduler scheduler = started.remember(new RealTimeScheduler(clock));
        RookEmulator rook = started.remember(new RookEmulator(kubernetes.newClient(), store.users(), store.endpoint()));
        rook.start();
        EsoEmulator eso = started.remember(new EsoEmulator(
                kubernetes.newClient(),
                clock,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()));
        eso.start(scheduler, settings.tick());
        WorkloadEmulator workloads = started.remember(new WorkloadEmulator(
                kubernetes.newClient(),
                clock,
                Optional.of(consumerProbe),
                new WorkloadSettings(
                        settings.tick(),
                        settings.probePeriod(),
                        settings.crashLoopBackOff(),
                        settings.crashLoopBackOffMax())));
        workloads.start(scheduler);
        return new WorldEmulators(rook, eso, workloads);
    }

    /** What consumers' pods probe the store with: trusting the world's CA in TLS worlds. */
    static StoreProbe consumerProbe(
            WorldSpec spec, Optional<WorldCertificates> certificates, WorldStore store, Clock clock) {
        StoreTrust trust = spec.store()
                .tls()
                .map(tls -> StoreTrust.of(
                        certificates.orElseThrow().ca().caCertificate(),
                        tls.serverName().orElse(null)))
                .orElse(StoreTrust.jvmDefault());
        return new S3ListProbe(store.endpoint(), trust, clock, Duration.ofSeconds(3));
    }
}
