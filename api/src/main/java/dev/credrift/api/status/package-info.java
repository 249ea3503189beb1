/**
 * The observed half of a {@code CredentialBinding}: conditions ({@code InSync}, {@code Remediating},
 * {@code Halted}, {@code Valid}), the four fingerprints, the drift class, the last remediation and the halt.
 *
 * <p>Only fingerprints and masked ids ever appear here; the CRD's pattern on fingerprints refuses anything longer,
 * so a raw secret cannot be written to status even by mistake. {@link dev.credrift.api.status.Conditions} builds
 * conditions the Kubernetes way: stamped with the generation they judge, with a transition time that moves only
 * when the status does.
 */
package dev.credrift.api.status;
