package dev.credrift.reconciler.report;

import dev.credrift.api.CredentialBinding;
import dev.credrift.events.BindingId;
import dev.credrift.reconciler.world.KubeGateway;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** Kubernetes Events ({@code events.k8s.io/v1}) on a binding, as {@code kubectl describe} shows them. Blocking. */
public final class KubeEvents {

    /** The {@code reportingController} of every Event. */
    public static final String CONTROLLER = "credrift.dev/reconciler";

    private static final DateTimeFormatter MICRO_TIME = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int NOTE_MAX = 1024;

    /** Normal or Warning, as Kubernetes spells them. */
    public enum Type {
        Normal,
        Warning
    }

    private final KubeGateway kube;
    private final Clock clock;
    private final String instance;

    public KubeEvents(KubeGateway kube, Clock clock, String instance) {
        this.kube = Objects.requireNonNull(kube, "kube");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.instance = Objects.requireNonNull(instance, "instance");
    }

    /**
     * @param reason CamelCase, e.g. {@code VaultStale}
     * @param action what credrift did or decided, e.g. {@code Remediate}, {@code Alert}
     * @param note   for a human; clipped to the 1 KiB the API allows
     */
    public void record(BindingId binding, String uid, Type type, String reason, String action, String note) {
        String name = binding.name() + "."
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Event event = new EventBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(binding.namespace())
                .endMetadata()
                .withRegarding(new ObjectReferenceBuilder()
                        .withApiVersion(CredentialBinding.API_VERSION)
                        .withKind(CredentialBinding.KIND)
                        .withNamespace(binding.namespace())
                        .withName(binding.name())
                        .withUid(uid)
                        .build())
                .withType(type.name())
                .withReason(reason)
                .withAction(action)
                .withNote(note.length() <= NOTE_MAX ? note : note.substring(0, NOTE_MAX - 1) + "\u2026")
                .withReportingController(CONTROLLER)
                .withReportingInstance(instance)
                .withEventTime(new MicroTime(MICRO_TIME.format(clock.instant())))
                .build();
        kube.createEvent(event);
    }
}
