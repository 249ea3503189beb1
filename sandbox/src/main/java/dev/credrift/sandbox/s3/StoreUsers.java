package dev.credrift.sandbox.s3;

import dev.credrift.events.credential.AccessKeyMask;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store's identity map: users, their keys, suspension and bucket permissions. Reads are lock-free
 * (one per request); changes are serialized so that a key and its owner always agree. Every change is
 * visible to the very next request, as on RGW (no propagation delay).
 */
final class StoreUsers {

    private static final String ACCESS_KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String SECRET_ALPHABET = ACCESS_KEY_ALPHABET + "abcdefghijklmnopqrstuvwxyz";
    // RGW's generated keys: 20-character access key ids, 40-character secrets
    private static final int ACCESS_KEY_LENGTH = 20;
    private static final int SECRET_LENGTH = 40;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, KeyEntry> keysByAccessKey = new ConcurrentHashMap<>();
    private final Map<String, UserState> users = new ConcurrentHashMap<>();
    // temporary keys (issued by the STS stand-ins): when they stop working, and the session token that must go with
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final Map<String, SecretValue> sessionTokens = new ConcurrentHashMap<>();
    // keys removed or rotated away, with the user who held them: a request with one still counts against that user
    private final Map<String, String> formerOwners = new ConcurrentHashMap<>();

    /** An access key and who owns it. */
    record KeyEntry(String user, Credential credential) {}

    /** A user's flags; immutable, replaced on change. */
    record UserState(boolean suspended, Optional<Set<String>> allowedBuckets) {

        boolean mayUse(String bucket) {
            return bucket == null
                    || allowedBuckets.map(allowed -> allowed.contains(bucket)).orElse(true);
        }
    }

    Optional<KeyEntry> lookup(String accessKeyId) {
        return accessKeyId == null ? Optional.empty() : Optional.ofNullable(keysByAccessKey.get(accessKeyId));
    }

    Optional<UserState> user(String user) {
        return Optional.ofNullable(users.get(user));
    }

    synchronized void addUser(String user, Credential credential) {
        requireName(user);
        if (users.containsKey(user)) {
            throw new IllegalArgumentException("store user '" + user + "' already exists");
        }
        requireFreeKey(credential);
        users.put(user, new UserState(false, Optional.empty()));
        keysByAccessKey.put(credential.accessKeyId(), new KeyEntry(user, credential));
    }

    synchronized void addKey(String user, Credential credential) {
        requireUser(user);
        requireFreeKey(credential);
        keysByAccessKey.put(credential.accessKeyId(), new KeyEntry(user, credential));
    }

    synchronized boolean removeKey(String accessKeyId) {
        expiries.remove(accessKeyId);
        sessionTokens.remove(accessKeyId);
        KeyEntry removed = keysByAccessKey.remove(accessKeyId);
        if (removed != null) {
            formerOwners.put(accessKeyId, removed.user());
        }
        return removed != null;
    }

    /** The user who holds this key now, or held it before it was removed; empty for a key never known. */
    Optional<String> owner(String accessKeyId) {
        if (accessKeyId == null) {
            return Optional.empty();
        }
        KeyEntry entry = keysByAccessKey.get(accessKeyId);
        return entry != null ? Optional.of(entry.user()) : Optional.ofNullable(formerOwners.get(accessKeyId));
    }

    /**
     * The S3 error code a correctly signed request for {@code bucket} with this static key would get now, or empty if
     * the store would accept it, in the order a request is checked.
     */
    Optional<String> refusal(Credential credential, String bucket) {
        Optional<KeyEntry> entry = lookup(credential.accessKeyId());
        if (entry.isEmpty()) {
            return Optional.of("InvalidAccessKeyId");
        }
        if (!entry.get()
                .credential()
                .secret()
                .reveal()
                .equals(credential.secret().reveal())) {
            return Optional.of("SignatureDoesNotMatch");
        }
        Optional<UserState> state = user(entry.get().user());
        if (state.isEmpty()) {
            return Optional.of("InvalidAccessKeyId");
        }
        if (state.get().suspended()) {
            return Optional.of(UserBlobStoreLocator.USER_SUSPENDED);
        }
        return state.get().mayUse(bucket) ? Optional.empty() : Optional.of(UserBlobStoreLocator.ACCESS_DENIED);
    }

    /**
     * A key that works, with its session token, until {@code expiresAt} (an STS session's), then gets
     * {@code ExpiredToken}.
     */
    synchronized void addTemporaryKey(String user, Credential credential, SecretValue sessionToken, Instant expiresAt) {
        requireUser(user);
        requireFreeKey(credential);
        keysByAccessKey.put(credential.accessKeyId(), new KeyEntry(user, credential));
        expiries.put(credential.accessKeyId(), expiresAt);
        sessionTokens.put(credential.accessKeyId(), sessionToken);
    }

    /** The session token a temporary key must come with; empty for a user's own keys. */
    Optional<SecretValue> sessionToken(String accessKeyId) {
        return accessKeyId == null ? Optional.empty() : Optional.ofNullable(sessionTokens.get(accessKeyId));
    }

    /** When a temporary key expires; empty for a user's own keys. */
    Optional<Instant> expiry(String accessKeyId) {
        return accessKeyId == null ? Optional.empty() : Optional.ofNullable(expiries.get(accessKeyId));
    }

    synchronized Credential rotate(String user) {
        requireUser(user);
        retireKeysOf(user);
        Credential fresh = generate();
        keysByAccessKey.put(fresh.accessKeyId(), new KeyEntry(user, fresh));
        return fresh;
    }

    synchronized void removeUser(String user) {
        requireUser(user);
        retireKeysOf(user);
        users.remove(user);
    }

    private void retireKeysOf(String user) {
        keysByAccessKey.values().removeIf(entry -> {
            boolean held = entry.user().equals(user);
            if (held) {
                formerOwners.put(entry.credential().accessKeyId(), user);
            }
            return held;
        });
    }

    synchronized void setSuspended(String user, boolean suspended) {
        UserState state = requireUser(user);
        users.put(user, new UserState(suspended, state.allowedBuckets()));
    }

    synchronized void setAllowedBuckets(String user, Optional<Set<String>> buckets) {
        UserState state = requireUser(user);
        users.put(user, new UserState(state.suspended(), buckets.map(Set::copyOf)));
    }

    List<Credential> keys(String user) {
        requireUser(user);
        List<Credential> keys = new ArrayList<>();
        for (KeyEntry entry : keysByAccessKey.values()) {
            // temporary keys belong to sessions, not to the user's key list (Rook and the world see only these)
            if (entry.user().equals(user)
                    && !expiries.containsKey(entry.credential().accessKeyId())) {
                keys.add(entry.credential());
            }
        }
        // RGW lists keys[] sorted by access key, not by age: callers must not guess "the newest"
        keys.sort(Comparator.comparing(Credential::accessKeyId));
        return List.copyOf(keys);
    }

    Credential generate() {
        String accessKeyId;
        do {
            accessKeyId = randomString(ACCESS_KEY_ALPHABET, ACCESS_KEY_LENGTH);
        } while (keysByAccessKey.containsKey(accessKeyId));
        return new Credential(accessKeyId, SecretValue.of(randomString(SECRET_ALPHABET, SECRET_LENGTH)));
    }

    private String randomString(String alphabet, int length) {
        StringBuilder builder = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            builder.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return builder.toString();
    }

    private UserState requireUser(String user) {
        UserState state = user == null ? null : users.get(user);
        if (state == null) {
            throw new IllegalArgumentException("store user '" + user + "' does not exist");
        }
        return state;
    }

    private void requireFreeKey(Credential credential) {
        if (credential == null) {
            throw new IllegalArgumentException("store key: credential must not be null");
        }
        if (keysByAccessKey.containsKey(credential.accessKeyId())) {
            throw new IllegalArgumentException(
                    "store key " + AccessKeyMask.mask(credential.accessKeyId()) + " already belongs to a user");
        }
    }

    private static void requireName(String user) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("store user name must not be blank");
        }
    }
}
