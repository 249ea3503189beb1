/**
 * Running a world: {@link dev.credrift.sandbox.world.World#start} brings up the Kubernetes stand-in, the S3 store
 * (the S3 stand-in over HTTP or HTTPS with a private CA, or a real Ceph RGW: package {@code world.store}), the
 * 1Password Connect emulator, the Rook, ESO and workload emulators, optionally a Kafka broker and a webhook sink, and
 * applies the world file's objects;
 * {@link dev.credrift.sandbox.world.Timeline} plays its actions; {@link dev.credrift.sandbox.world.ExpectedState}
 * checks its end state against deadlines; {@link dev.credrift.sandbox.world.WorldReport} tells what happened.
 * {@link dev.credrift.sandbox.world.WorldRunner} does the last three in a row. Built-in worlds live under
 * {@code worlds/} ({@link dev.credrift.sandbox.world.BuiltInWorlds}).
 *
 * <p>{@code World} itself only orders start-up and answers for the running parts; the start-up steps are each one
 * class: {@code WorldServers} starts the three servers in parallel, {@code WorldCertificates} holds a TLS world's CA,
 * {@code WorldSeeding} puts the world file's starting state into them, {@code DriftClassWatch} records the drift
 * classes bindings report, {@code WorldSettling} waits for the emulators to settle, {@code WorldPlaceholders}
 * answers {@code ${...}} placeholders, and {@code StartedResources} stops everything last-started-first.
 *
 * <p>credrift itself is not started here: {@code credrift sandbox} starts a world, points the watcher, reconciler and
 * notifier at {@link dev.credrift.sandbox.world.World#kubernetesClient()}, the 1Password URL and the Kafka bootstrap
 * servers, then runs the timeline and checks the expectations.
 */
package dev.credrift.sandbox.world;
