package dev.credrift.app.rotate;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the requested rotation is, read from {@code status.rotation}: nothing yet while the reconciler has not acted
 * on this request's token ({@code lastRequest}), then its phase, key ids (masked, as the status holds them) and
 * message. Pure.
 *
 * @param phase    the phase, e.g. {@code Minting}
 * @param newKey   the new key's masked id, or empty before the mint
 * @param message  the status message, or empty
 */
record RotationProgress(String phase, Optional<String> newKey, Optional<String> message) {

    /** Phases after which nothing more happens for this request. */
    static final Set<String> TERMINAL = Set.of("Completed", "Failed", "Halted", "Observed", "Refused");

    /** Phases that end the command with exit 0; every other terminal phase ends it with 1. */
    static final Set<String> SUCCESS = Set.of("Completed", "Observed");

    /** The progress of the request with {@code token}, if the reconciler has acted on it. */
    static Optional<RotationProgress> of(Map<String, Object> status, String token) {
        if (status == null || !(status.get("rotation") instanceof Map<?, ?> rotation)) {
            return Optional.empty();
        }
        if (!token.equals(rotation.get("lastRequest")) || !(rotation.get("phase") instanceof String phase)) {
            return Optional.empty();
        }
        Optional<String> newKey =
                rotation.get("newKey") instanceof Map<?, ?> key && key.get("accessKeyId") instanceof String id
                        ? Optional.of(id)
                        : Optional.empty();
        Optional<String> message = rotation.get("message") instanceof String text && !text.isBlank()
                ? Optional.of(text)
                : Optional.empty();
        return Optional.of(new RotationProgress(phase, newKey, message));
    }

    boolean terminal() {
        return TERMINAL.contains(phase);
    }

    boolean succeeded() {
        return SUCCESS.contains(phase);
    }

    /** The line printed when the phase changes, e.g. {@code ProbingNew  new key S1CF…N6CK}. */
    String line() {
        StringBuilder line = new StringBuilder(phase);
        newKey.ifPresent(key -> line.append("  new key ").append(key));
        message.ifPresent(text -> line.append("  ").append(text));
        return line.toString();
    }
}
