package dev.credrift.app.roles;

import dev.credrift.events.credential.Fingerprinter;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The roles of one process, started downstream first — notifier, reconciler, watcher — so that the first
 * observation already has a reader, and stopped in the opposite order so that nothing is produced into a role that
 * is already gone.
 */
public final class RoleSet {

    private static final Logger LOG = LoggerFactory.getLogger(RoleSet.class);
    private static final List<Role> START_ORDER = List.of(Role.NOTIFIER, Role.RECONCILER, Role.WATCHER);

    private final List<StartedRole> started;

    private RoleSet(List<StartedRole> started) {
        this.started = List.copyOf(started);
    }

    /** Starts each role in {@code roles}; if one fails, the ones already started are stopped and the start fails. */
    public static Future<RoleSet> start(RoleContext context, Set<Role> roles) {
        Set<Role> wanted = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        List<StartedRole> started = Collections.synchronizedList(new ArrayList<>());
        Keys keys = new Keys(context);
        Future<Void> chain = Future.succeededFuture();
        for (Role role : START_ORDER) {
            if (!wanted.contains(role)) {
                continue;
            }
            chain = chain.compose(v -> startOne(context, keys, role)).map(running -> {
                started.add(running);
                return null;
            });
        }
        return chain.map(v -> new RoleSet(started))
                // startOne names the role in every failure it reports
                .recover(failure -> new RoleSet(started).stop().transform(ignored -> Future.failedFuture(failure)));
    }

    private static Future<StartedRole> startOne(RoleContext context, Keys keys, Role role) {
        try {
            Future<StartedRole> starting = switch (role) {
                case NOTIFIER -> NotifierRole.start(context);
                case WATCHER -> WatcherRole.start(context, keys.fingerprinter());
                case RECONCILER -> ReconcilerRole.start(context, keys.fingerprinter());
            };
            return starting.recover(failure -> Future.failedFuture(
                    failure instanceof RoleStartException
                            ? failure
                            : new RoleStartException(role, messageOf(failure), failure)));
        } catch (RuntimeException e) {
            return Future.failedFuture(new RoleStartException(role, messageOf(e), e));
        }
    }

    /**
     * The fingerprint key, read once for every role of the set: the watcher and the reconciler must fingerprint with
     * the same bytes, also when the file is replaced while they start (else every binding would look drifted).
     */
    private static final class Keys {
        private final RoleContext context;
        private Fingerprinter fingerprinter;

        Keys(RoleContext context) {
            this.context = context;
        }

        synchronized Fingerprinter fingerprinter() {
            if (fingerprinter == null) {
                fingerprinter = FingerprintKey.load(
                        context.config().fingerprintKeyFile().orElseThrow());
            }
            return fingerprinter;
        }
    }

    private static String messageOf(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    /** The roles running, in start order. */
    public List<Role> running() {
        return started.stream().map(StartedRole::role).toList();
    }

    /** Why started roles cannot do their job yet, one reason each; empty when all can. */
    public List<String> notReady() {
        return started.stream().flatMap(role -> role.notReady().stream()).toList();
    }

    /** Stops every role, last started first; a role that fails to stop is logged and the others still stop. */
    public Future<Void> stop() {
        Future<Void> chain = Future.succeededFuture();
        List<StartedRole> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        for (StartedRole role : reversed) {
            chain = chain.transform(ignored -> role.stop()
                    .onFailure(
                            e -> LOG.warn("{}: stopping failed: {}", role.role().label(), e.toString()))
                    .otherwiseEmpty());
        }
        return chain;
    }
}
