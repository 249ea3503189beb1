package dev.credrift.reconciler.logging;

import dev.credrift.events.BindingId;
import dev.credrift.events.LoggingKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One handling of a binding, as its log lines name it (the keys of {@link LoggingKeys}).
 *
 * @param trigger     why the binding is handled; {@code null} when the line is not part of a handling's start
 * @param handling    the handling's sequence number in this reconciler; 0 when unknown
 * @param remediation the remediation the line is about; {@code null} when none
 */
public record Reconciliation(BindingId binding, String trigger, long handling, String remediation) {

    public Reconciliation {
        Objects.requireNonNull(binding, "binding");
    }

    /** A line about {@code binding} only. */
    public static Reconciliation of(BindingId binding) {
        return new Reconciliation(binding, null, 0, null);
    }

    /** The same handling, about remediation {@code id} ({@code null}: none). */
    public Reconciliation withRemediation(String id) {
        return new Reconciliation(binding, trigger, handling, id);
    }

    /** Adds this context to a line: {@code context.on(LOG.atInfo()).log(…)}. */
    public LoggingEventBuilder on(LoggingEventBuilder line) {
        LoggingEventBuilder built = line;
        for (Map.Entry<String, String> keyValue : keyValues().entrySet()) {
            built = built.addKeyValue(keyValue.getKey(), keyValue.getValue());
        }
        return built;
    }

    /**
     * Runs {@code blocking} on this thread with this context in the MDC, restoring what was there after: for code
     * below the handler that logs without knowing the binding (store probe, 1Password client, Kubernetes reads).
     */
    public <T> T call(Callable<T> blocking) throws Exception {
        Map<String, String> before = MDC.getCopyOfContextMap();
        keyValues().forEach(MDC::put);
        try {
            return blocking.call();
        } finally {
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }

    private Map<String, String> keyValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(LoggingKeys.BINDING, binding.toString());
        if (trigger != null) {
            values.put(LoggingKeys.TRIGGER, trigger);
        }
        if (handling > 0) {
            values.put(LoggingKeys.HANDLING, Long.toString(handling));
        }
        if (remediation != null) {
            values.put(LoggingKeys.REMEDIATION, remediation);
        }
        return values;
    }
}
