package dev.credrift.app.run;

import dev.credrift.app.config.CredriftConfig;
import dev.credrift.app.health.Readiness;
import dev.credrift.app.roles.FingerprintKey;
import dev.credrift.app.roles.Role;
import dev.credrift.app.roles.RoleContext;
import dev.credrift.app.roles.RoleSet;
import dev.credrift.app.roles.RoleStartException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the roles of one process. The watcher and the reconciler need the Kubernetes API: if it has not answered by
 * the end of start-up, the notifier starts alone and they start in the background the first time the API answers,
 * while {@code /readyz} says which roles wait (and the Kubernetes check says why). A role that fails to start in the
 * background is fatal, as it would have been at start-up.
 */
final class RoleLaunch {

    private static final Logger LOG = LoggerFactory.getLogger(RoleLaunch.class);
    private static final Set<Role> NEED_KUBERNETES = EnumSet.of(Role.WATCHER, Role.RECONCILER);

    private final RoleContext context;
    private final Set<Role> roles;
    private final List<RoleSet> started = new CopyOnWriteArrayList<>();
    private final Promise<Void> fatal = Promise.promise();
    private volatile Set<Role> waiting = Set.of();
    private boolean stopped;

    RoleLaunch(RoleContext context, Set<Role> roles) {
        this.context = context;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /**
     * Reads the local files the roles will need (today the fingerprint key) before anything connects anywhere: a bad
     * file is a configuration error and must stop the start-up at once, also when the roles that read it would only
     * start later in the background because the Kubernetes API was slow to answer.
     *
     * @throws RoleStartException naming the first role that needs the file, the setting and the file
     */
    static void checkLocalFiles(CredriftConfig config, Set<Role> roles) {
        Optional<Role> needsKey =
                roles.stream().filter(NEED_KUBERNETES::contains).sorted().findFirst();
        if (needsKey.isEmpty() || config.fingerprintKeyFile().isEmpty()) {
            return;
        }
        try {
            FingerprintKey.load(config.fingerprintKeyFile().get());
        } catch (IllegalArgumentException e) {
            throw new RoleStartException(needsKey.get(), e.getMessage(), e);
        }
    }

    boolean needsKubernetes() {
        return roles.stream().anyMatch(NEED_KUBERNETES::contains);
    }

    /** Starts every role now. */
    Future<Void> startAll() {
        return start(roles);
    }

    /** Starts the roles that need no Kubernetes now, the others when {@code kubernetesAnswers} completes. */
    Future<Void> startDeferred(Future<Void> kubernetesAnswers) {
        Set<Role> later = EnumSet.noneOf(Role.class);
        later.addAll(roles);
        later.retainAll(NEED_KUBERNETES);
        Set<Role> now = EnumSet.copyOf(roles);
        now.removeAll(NEED_KUBERNETES);
        waiting = Collections.unmodifiableSet(EnumSet.copyOf(later));
        kubernetesAnswers
                .compose(answered -> start(later))
                .onSuccess(v -> {
                    waiting = Set.of();
                    LOG.info("the kubernetes API answers: started {}", labels(later));
                })
                .onFailure(failure -> {
                    LOG.error("{} failed to start: {}", labels(later), failure.getMessage());
                    fatal.tryFail(failure);
                });
        return start(now);
    }

    private Future<Void> start(Set<Role> which) {
        return RoleSet.start(context, which).compose(set -> {
            synchronized (this) {
                if (!stopped) {
                    started.add(set);
                    return Future.<Void>succeededFuture();
                }
            }
            return set.stop();
        });
    }

    /** Ready unless roles still wait for the Kubernetes API or a started role cannot do its job yet. */
    Readiness readiness(Instant now) {
        List<String> reasons = new ArrayList<>();
        Set<Role> pending = waiting;
        if (!pending.isEmpty()) {
            reasons.add(labels(pending) + " not started: waiting for the kubernetes API");
        }
        started.forEach(set -> reasons.addAll(set.notReady()));
        return reasons.isEmpty() ? new Readiness.Ready(now) : new Readiness.NotReady(String.join("; ", reasons), now);
    }

    /** The roles running, in start order. */
    List<Role> running() {
        return started.stream().flatMap(set -> set.running().stream()).toList();
    }

    /** Fails if a role started in the background failed to start; never completes otherwise. */
    Future<Void> fatal() {
        return fatal.future();
    }

    /** Stops what has started, last started first; roles still waiting never start. */
    Future<Void> stop() {
        List<RoleSet> reversed;
        synchronized (this) {
            stopped = true;
            reversed = new ArrayList<>(started);
        }
        Collections.reverse(reversed);
        Future<Void> chain = Future.succeededFuture();
        for (RoleSet set : reversed) {
            chain = chain.transform(ignored -> set.stop());
        }
        return chain;
    }

    private static String labels(Set<Role> roles) {
        return String.join(", ", roles.stream().map(Role::label).toList());
    }
}
