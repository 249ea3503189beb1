package dev.credrift.sandbox.emulate.workload;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import java.util.Map;
import java.util.Optional;

/**
 * What a container's process saw when it started: its environment and the files of its Secret and ConfigMap
 * volumes, as values that never print themselves. Kept in the emulator's memory only.
 *
 * @param env   environment variables by name
 * @param files mounted files by absolute path
 */
record ResolvedSecrets(Map<String, SecretValue> env, Map<String, SecretValue> files) {

    ResolvedSecrets {
        env = Map.copyOf(env);
        files = Map.copyOf(files);
    }

    /** The value behind {@code env:NAME} or {@code file:/path}. */
    Optional<SecretValue> lookup(String source) {
        if (source.startsWith("env:")) {
            return Optional.ofNullable(env.get(source.substring(4)));
        }
        if (source.startsWith("file:")) {
            return Optional.ofNullable(files.get(source.substring(5)));
        }
        return Optional.empty();
    }

    /** The credential the behaviour points at, if both parts are present and the id is usable. */
    Optional<Credential> credential(ConsumerBehaviour behaviour) {
        Optional<SecretValue> id = lookup(behaviour.accessKeyIdFrom());
        Optional<SecretValue> secret = lookup(behaviour.secretFrom());
        if (id.isEmpty() || secret.isEmpty() || id.get().isEmpty()) {
            return Optional.empty();
        }
        String accessKeyId = id.get().reveal().trim();
        if (accessKeyId.isEmpty() || accessKeyId.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(new Credential(accessKeyId, secret.get()));
    }

    @Override
    public String toString() {
        return "ResolvedSecrets[env=" + env.keySet() + ", files=" + files.keySet() + "]";
    }
}
