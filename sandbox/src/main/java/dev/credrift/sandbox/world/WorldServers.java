package dev.credrift.sandbox.world;

import dev.credrift.sandbox.emulate.EmulatedKinds;
import dev.credrift.sandbox.kube.MockKubernetes;
import dev.credrift.sandbox.onepassword.OnePasswordConnectEmulator;
import dev.credrift.sandbox.onepassword.ReadAfterWriteLag;
import dev.credrift.sandbox.tls.ServerCertificate;
import dev.credrift.sandbox.world.spec.TlsSpec;
import dev.credrift.sandbox.world.spec.WorldSpec;
import dev.credrift.sandbox.world.store.WorldStore;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The world's three servers — the S3 store, the 1Password Connect emulator and the Kubernetes stand-in — started in
 * parallel, since each spends most of its start-up loading classes (and a real RGW store seconds booting Ceph).
 */
record WorldServers(WorldStore store, OnePasswordConnectEmulator onePassword, MockKubernetes kubernetes) {

    /**
     * Starts the three servers; whichever started is remembered in {@code resources} before any failure is thrown,
     * so that closing the world stops it.
     *
     * @throws WorldException naming the server that did not start, or — before starting anything — saying how to
     *                        install Ceph when the store is a real RGW and the Ceph binaries are missing
     */
    static WorldServers start(
            WorldSpec spec, Optional<WorldCertificates> certificates, Clock clock, StartedResources resources) {
        WorldStore.unavailableReason(spec.store()).ifPresent(reason -> {
            throw new WorldException("world " + spec.name() + " cannot start here: " + reason);
        });
        Optional<TlsSpec> tls = spec.store().tls();
        Optional<ServerCertificate> certificate =
                tls.map(t -> certificates.orElseThrow().certificate(t.certificate()));
        ExecutorService starter = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "sandbox-world-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<WorldStore> storeStart =
                    CompletableFuture.supplyAsync(() -> WorldStore.start(spec.store(), certificate), starter);
            CompletableFuture<OnePasswordConnectEmulator> onePasswordStart =
                    CompletableFuture.supplyAsync(() -> newOnePassword(spec, clock), starter);
            CompletableFuture<MockKubernetes> kubernetesStart =
                    CompletableFuture.supplyAsync(WorldServers::newKubernetes, starter);
            // wait for all three, so that whatever did start is remembered and stopped if another failed
            CompletableFuture.allOf(storeStart, onePasswordStart, kubernetesStart)
                    .handle((v, e) -> null)
                    .join();
            WorldServers servers = new WorldServers(
                    started(storeStart, resources),
                    started(onePasswordStart, resources),
                    started(kubernetesStart, resources));
            join(storeStart, "the S3 store");
            join(onePasswordStart, "the 1Password Connect emulator");
            join(kubernetesStart, "the Kubernetes stand-in");
            return servers;
        } finally {
            starter.shutdown();
        }
    }

    private static MockKubernetes newKubernetes() {
        MockKubernetes kube = MockKubernetes.start();
        try {
            kube.installCrd(EmulatedKinds.secretStoreCrd());
        } catch (RuntimeException e) {
            kube.close();
            throw e;
        }
        return kube;
    }

    private static OnePasswordConnectEmulator newOnePassword(WorldSpec spec, Clock clock) {
        String token = "sandbox-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + Long.toHexString(ThreadLocalRandom.current().nextLong());
        return OnePasswordConnectEmulator.builder()
                .token(token)
                .clock(clock)
                .readAfterWriteLag(spec.readAfterWriteLag()
                        .map(ReadAfterWriteLag::forDuration)
                        .orElse(ReadAfterWriteLag.none()))
                .start();
    }

    private static <T extends AutoCloseable> T started(CompletableFuture<T> start, StartedResources resources) {
        return start.isCompletedExceptionally() ? null : resources.remember(start.join());
    }

    private static void join(CompletableFuture<?> start, String what) {
        try {
            start.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new WorldException(what + " did not start: " + cause, cause);
        }
    }
}
