/**
 * Stand-ins for the world credrift runs in, shared by every module's tests and by {@code credrift sandbox}:
 * an embedded Kafka broker and its JUnit extension ({@code kafka}), the Kubernetes mock API server
 * ({@code kube}), an S3 store with rotatable users ({@code s3}) and a private CA ({@code tls}), a 1Password
 * Connect emulator checked against the published spec ({@code onepassword}), a webhook sink
 * ({@code webhook}), the Rook / ESO / kubelet emulators ({@code emulate}), AWS and Alibaba STS stand-ins with a
 * service-account token issuer ({@code sts}) and world files ({@code world}).
 * Sandbox never depends on watcher, reconciler or notifier: those test against it, and the app wires both.
 */
package dev.credrift.sandbox;
