package dev.credrift.events;

/**
 * The names of the reconciliation context every role puts on its log lines as SLF4J 2 key/values
 * ({@code LOG.atInfo().addKeyValue(LoggingKeys.BINDING, id).log(…)}): the ECS JSON output carries them as fields
 * and the text output prints them before the message. They live here, beside {@link BindingId}, because this is the
 * one module watcher, reconciler and notifier all depend on without depending on each other; the names are a
 * contract with whoever searches the logs, like the topic names are one with Kafka. Constants only: no logging
 * dependency enters events-schema.
 */
public final class LoggingKeys {

    /** The CredentialBinding a line is about, {@code <namespace>/<name>}. */
    public static final String BINDING = "credrift.binding";
    /** Why the binding is being handled (the reconciler's trigger: observation, timer, startup). */
    public static final String TRIGGER = "credrift.trigger";
    /** Which handling of the binding, counted per reconciler since it started: tells concurrent handlings apart. */
    public static final String HANDLING = "credrift.handling";
    /** The remediation a line is about (its id, also the correlation id of its events). */
    public static final String REMEDIATION = "credrift.remediation";

    private LoggingKeys() {}
}
