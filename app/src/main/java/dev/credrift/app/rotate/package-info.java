/**
 * {@code credrift rotate}: ask the running reconciler for a managed rotation of one binding (the
 * {@code credrift.dev/rotate-now} annotation) and, with {@code --wait}, follow {@code status.rotation} until it ends.
 * The reconciler does the rotation; this command only asks and watches.
 */
package dev.credrift.app.rotate;
