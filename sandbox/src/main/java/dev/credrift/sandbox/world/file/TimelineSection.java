package dev.credrift.sandbox.world.file;

import dev.credrift.sandbox.world.spec.Action;
import dev.credrift.sandbox.world.spec.TimelineStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Reads a {@code timeline:} step: its time, note and exactly one action. */
final class TimelineSection {

    private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet");

    private final Placeholders declared;
    private final ObjectsSection objects;
    private final StsSection sts;

    TimelineSection(Placeholders declared, ObjectsSection objects, StsSection sts) {
        this.declared = declared;
        this.objects = objects;
        this.sts = sts;
    }

    TimelineStep step(Fields s) {
        Duration at = s.requiredDuration("at");
        Optional<String> note = s.optionalString("note");
        Map<String, Function<Fields, Action>> actions = actions();
        String key = s.oneOf(actions.keySet(), "action");
        YamlNode body = s.node(key);
        Action action = key.equals("applyObject")
                ? new Action.ApplyObject(objects.object(body))
                : actions.get(key).apply(Fields.of(body, "the " + key + " action"));
        s.done();
        return new TimelineStep(at, note, action, s.location());
    }

    private Map<String, Function<Fields, Action>> actions() {
        Map<String, Function<Fields, Action>> a = new LinkedHashMap<>();
        a.put(
                "rotateRookUser",
                f -> f.done(new Action.RotateRookUser(f.string("namespace"), f.string("store"), f.string("user"))));
        a.put(
                "addRookUserKey",
                f -> f.done(new Action.AddRookUserKey(f.string("namespace"), f.string("store"), f.string("user"))));
        a.put("rotateStoreUser", f -> f.done(new Action.RotateStoreUser(storeUser(f))));
        a.put("suspendStoreUser", f -> f.done(new Action.SuspendStoreUser(storeUser(f))));
        a.put("resumeStoreUser", f -> f.done(new Action.ResumeStoreUser(storeUser(f))));
        a.put(
                "editVaultItem",
                f -> f.done(new Action.EditVaultItem(
                        f.string("vault"),
                        f.string("item"),
                        declared.templates(f.map("fields", "field labels and values")))));
        a.put("deletePod", f -> f.done(new Action.DeletePod(f.string("namespace"), f.string("name"))));
        a.put(
                "restartWorkload",
                f -> f.done(new Action.RestartWorkload(f.string("namespace"), workloadKind(f), f.string("name"))));
        a.put("annotate", f -> {
            Fields annotations = f.map("annotations", "annotations");
            Map<String, String> values = new LinkedHashMap<>();
            for (String key : new ArrayList<>(annotations.keys())) {
                values.put(key, Fields.text(annotations.node(key)));
            }
            annotations.done();
            return f.done(new Action.Annotate(
                    f.string("apiVersion"), f.string("kind"), f.string("namespace"), f.string("name"), values));
        });
        a.put("expireCertificate", f -> f.done(tlsAction(f, new Action.ExpireCertificate())));
        a.put("untrustCertificate", f -> f.done(tlsAction(f, new Action.UntrustCertificate())));
        a.put("renewCertificate", f -> f.done(tlsAction(f, new Action.RenewCertificate())));
        a.put("applyObject", f -> {
            throw new IllegalStateException("handled by step()");
        });
        a.put("editTrustPolicy", sts::editTrustPolicy);
        a.put("setOidcClientIds", sts::setOidcClientIds);
        a.put(
                "deleteObject",
                f -> f.done(new Action.DeleteObject(
                        f.string("apiVersion"), f.string("kind"), f.string("namespace"), f.string("name"))));
        return a;
    }

    private Action tlsAction(Fields f, Action action) {
        if (declared.rgw()) {
            throw new WorldFileException(
                    f.location(),
                    f.path(),
                    "a real Ceph RGW store (store.backend: rgw) cannot"
                            + " swap its certificate during a story; this action works only with the S3 stand-in");
        }
        if (!declared.tls()) {
            throw new WorldFileException(f.location(), f.path(), "needs store.tls");
        }
        return action;
    }

    private String storeUser(Fields f) {
        String user = f.string("user");
        if (!declared.hasStoreUser(user)) {
            throw f.error("user", "store.users does not declare this user");
        }
        return user;
    }

    /** {@code kind} of a workload reference: Deployment, StatefulSet or DaemonSet. */
    static String workloadKind(Fields f) {
        String kind = f.string("kind");
        if (!WORKLOAD_KINDS.contains(kind)) {
            throw f.error("kind", "must be Deployment, StatefulSet or DaemonSet");
        }
        return kind;
    }
}
