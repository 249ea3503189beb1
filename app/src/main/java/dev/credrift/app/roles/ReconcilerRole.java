package dev.credrift.app.roles;

import dev.credrift.app.audit.AuditKeyFiles;
import dev.credrift.app.config.CredriftConfig;
import dev.credrift.connect.ConnectClientConfig;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.reconciler.Reconciler;
import dev.credrift.reconciler.ReconcilerConfig;
import dev.credrift.reconciler.handle.Flapping;
import dev.credrift.reconciler.probe.Probing;
import io.vertx.core.Future;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the reconciler: observations → assessment, healing, outcomes, audit. */
public final class ReconcilerRole {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcilerRole.class);

    private ReconcilerRole() {}

    public static ConnectClientConfig connect(CredriftConfig.OnePassword onePassword) {
        ConnectClientConfig connect = ConnectClientConfig.of(onePassword.url(), onePassword.tokenFile());
        if (onePassword.caFile().isPresent()) {
            connect = connect.withCaBundle(onePassword.caFile().get());
        }
        if (onePassword.requestTimeout().isPresent()) {
            connect = connect.withTimeouts(
                    connect.connectTimeout(), onePassword.requestTimeout().get());
        }
        return connect;
    }

    static ReconcilerConfig config(Fingerprinter fingerprinter, RoleContext context) {
        CredriftConfig config = context.config();
        CredriftConfig.ReconcilerTuning tuning = config.reconciler();
        ReconcilerConfig reconciler = ReconcilerConfig.defaults(
                        fingerprinter, connect(config.onePassword().orElseThrow()))
                .withTopics(context.topics())
                .withGroupId(context.groupPrefix() + "-reconciler")
                .withKafka(context.kafkaProperties())
                .withAuditKeys(AuditKeyFiles.forSealing(config.audit()));
        if (tuning.maxConcurrentBindings().isPresent()) {
            var c = reconciler.concurrency();
            reconciler = reconciler.withConcurrency(new ReconcilerConfig.Concurrency(
                    tuning.maxConcurrentBindings().get(),
                    Math.max(c.workerPoolSize(), tuning.maxConcurrentBindings().get()),
                    c.maxInFlightRecords(),
                    c.commitInterval()));
        }
        if (tuning.globalRolloutsPerHour().isPresent()
                || tuning.vaultWritesPerMinute().isPresent()) {
            var l = reconciler.limits();
            reconciler = reconciler.withLimits(new ReconcilerConfig.Limits(
                    tuning.globalRolloutsPerHour().orElse(l.globalRolloutsPerHour()),
                    tuning.vaultWritesPerMinute().orElse(l.vaultWritesPerMinute()),
                    l.vaultWriteWait(),
                    l.flapping()));
        }
        if (tuning.flappingSupersessions().isPresent()
                || tuning.flappingWindow().isPresent()) {
            var l = reconciler.limits();
            reconciler = reconciler.withLimits(l.withFlapping(new Flapping(
                    tuning.flappingSupersessions().orElse(l.flapping().maxSupersessions()),
                    tuning.flappingWindow().orElse(l.flapping().window()))));
        }
        if (tuning.probeCacheTtl().isPresent()
                || tuning.identityRecheck().isPresent()
                || tuning.storeRecheck().isPresent()) {
            var p = reconciler.probing();
            reconciler = reconciler.withProbing(new Probing(
                    p.timeouts(),
                    tuning.probeCacheTtl().orElse(p.cacheTtl()),
                    tuning.identityRecheck().orElse(p.identityRecheck()),
                    tuning.storeRecheck().orElse(p.storeRecheck())));
        }
        if (tuning.notReadyGrace().isPresent()) {
            var c = reconciler.consumers();
            reconciler = reconciler.withConsumers(new ReconcilerConfig.Consumers(
                    tuning.notReadyGrace().get(), c.volumeMountsRefresh(), c.startingRecheck()));
        }
        return context.overrides().reconciler().apply(reconciler);
    }

    /** @param fingerprinter the set's one fingerprinter (see {@code RoleSet}) */
    static Future<StartedRole> start(RoleContext context, Fingerprinter fingerprinter) {
        ReconcilerConfig config = config(fingerprinter, context);
        return Reconciler.deploy(
                        context.vertx(),
                        config,
                        context.kubernetes().get(),
                        context.bootstrap().value(),
                        context.registry())
                .map(reconciler -> {
                    LOG.info("reconciler started: group {}", config.groupId());
                    return new StartedRole() {
                        @Override
                        public Role role() {
                            return Role.RECONCILER;
                        }

                        @Override
                        public Optional<String> notReady() {
                            return reconciler.consumerAssigned()
                                    ? Optional.empty()
                                    : Optional.of("reconciler: consumer group " + config.groupId()
                                            + " has not assigned it partitions yet");
                        }

                        @Override
                        public Future<Void> stop() {
                            return reconciler.stop();
                        }
                    };
                });
    }
}
