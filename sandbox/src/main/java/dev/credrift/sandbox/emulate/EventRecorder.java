package dev.credrift.sandbox.emulate;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code core/v1} Events about objects as controllers do ({@code kubectl describe} shows them). Messages must
 * never hold a credential: callers pass reasons, names and masked ids only. Failures to record are logged, never
 * thrown: an Event is a courtesy.
 */
public final class EventRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

    private final KubernetesClient client;
    private final String component;
    private final Clock clock;

    /** Records as {@code component} (e.g. {@code external-secrets}, {@code kubelet}). */
    public EventRecorder(KubernetesClient client, String component, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.component = Objects.requireNonNull(component, "component");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A {@code Normal} event. */
    public void normal(HasMetadata object, String reason, String message) {
        record(object, "Normal", reason, message);
    }

    /** A {@code Warning} event. */
    public void warning(HasMetadata object, String reason, String message) {
        record(object, "Warning", reason, message);
    }

    private void record(HasMetadata object, String type, String reason, String message) {
        String namespace = object.getMetadata().getNamespace();
        String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        String suffix = HexFormat.of()
                .toHexDigits(ThreadLocalRandom.current().nextLong())
                .substring(0, 16);
        try {
            client.v1()
                    .events()
                    .inNamespace(namespace)
                    .resource(new EventBuilder()
                            .withNewMetadata()
                            .withNamespace(namespace)
                            .withName(object.getMetadata().getName() + "." + suffix)
                            .endMetadata()
                            .withInvolvedObject(new ObjectReferenceBuilder()
                                    .withApiVersion(object.getApiVersion())
                                    .withKind(object.getKind())
                                    .withNamespace(namespace)
                                    .withName(object.getMetadata().getName())
                                    .withUid(object.getMetadata().getUid())
                                    .build())
                            .withType(type)
                            .withReason(reason)
                            .withMessage(message)
                            .withNewSource()
                            .withComponent(component)
                            .endSource()
                            .withFirstTimestamp(now)
                            .withLastTimestamp(now)
                            .withCount(1)
                            .build())
                    .create();
        } catch (KubernetesClientException e) {
            LOG.debug(
                    "could not record event {} on {}/{}: {}",
                    reason,
                    namespace,
                    object.getMetadata().getName(),
                    e.getMessage());
        }
    }
}
