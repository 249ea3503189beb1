package dev.credrift.sandbox.sts;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import dev.credrift.sandbox.s3.S3StoreStandIn;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Mints temporary keys for a role and registers them with the S3 stand-in as keys of the role's store user, valid
 * until they expire. The lifetime is the requested {@code DurationSeconds} unless a test shortens every session.
 */
final class SessionIssuer {

    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String MIXED = UPPER + "abcdefghijklmnopqrstuvwxyz";

    private final S3StoreStandIn store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentLinkedQueue<IssuedSession> issued = new ConcurrentLinkedQueue<>();
    private volatile Optional<Duration> lifetimeOverride = Optional.empty();

    SessionIssuer(S3StoreStandIn store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void shortenLifetime(Duration lifetime) {
        lifetimeOverride = Optional.of(lifetime);
    }

    /**
     * @param keyPrefix {@code ASIA} (AWS) or {@code STS.} (Alibaba)
     */
    IssuedSession issue(StsRole role, String sessionName, Duration requested, String keyPrefix, int keyLength) {
        Duration lifetime = lifetimeOverride.orElse(requested);
        Instant expiration = clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
        Credential credential = new Credential(keyPrefix + random(UPPER, keyLength), SecretValue.of(random(MIXED, 40)));
        byte[] token = new byte[96];
        random.nextBytes(token);
        SecretValue sessionToken = SecretValue.of(Base64.getEncoder().encodeToString(token));
        store.addTemporaryKey(role.storeUser(), credential, sessionToken, expiration);
        IssuedSession session = new IssuedSession(credential, sessionToken, expiration, role.arn(), sessionName);
        issued.add(session);
        return session;
    }

    List<IssuedSession> issued() {
        return List.copyOf(issued);
    }

    private String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
