package dev.credrift.app.roles;

import dev.credrift.notifier.Notifier;
import dev.credrift.notifier.NotifierConfig;
import dev.credrift.notifier.NotifierEnvironment;
import dev.credrift.notifier.routing.BindingLabels;
import io.vertx.core.Future;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the notifier: outcomes → the configured sinks. */
final class NotifierRole {

    private static final Logger LOG = LoggerFactory.getLogger(NotifierRole.class);

    private NotifierRole() {}

    static NotifierConfig config(RoleContext context) {
        var section = context.config().notifier();
        NotifierConfig config = NotifierConfig.of(section.sinks())
                .withRoutes(section.routes())
                .withTopics(context.topics())
                .withGroupId(context.groupPrefix() + "-notifier")
                .withKafka(context.kafkaProperties());
        config = section.dedupWindow().map(config::withDedupWindow).orElse(config);
        return context.overrides().notifier().apply(config);
    }

    static Future<StartedRole> start(RoleContext context) {
        NotifierConfig config = config(context);
        if (config.sinks().isEmpty()) {
            LOG.warn(
                    "notifier: no sinks configured (notifier.sinks in {}); outcomes are read but sent nowhere",
                    context.config().describeSource());
        }
        NotifierEnvironment environment = new NotifierEnvironment(
                Clock.systemUTC(), BindingLabels.NONE, context.environment(), context.registry());
        return Notifier.start(context.vertx(), config, context.bootstrap().value(), environment)
                .map(notifier -> {
                    LOG.info(
                            "notifier started: {} sink(s), group {}",
                            config.sinks().size(),
                            config.groupId());
                    return new StartedRole() {
                        @Override
                        public Role role() {
                            return Role.NOTIFIER;
                        }

                        @Override
                        public Future<Void> stop() {
                            return notifier.stop();
                        }
                    };
                });
    }
}
