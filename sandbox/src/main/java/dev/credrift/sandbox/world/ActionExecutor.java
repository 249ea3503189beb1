package dev.credrift.sandbox.world;

import dev.credrift.events.credential.Credential;
import dev.credrift.sandbox.world.spec.Action;
import dev.credrift.sandbox.world.spec.TlsSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Applies one {@link Action} to a running world; returns a one-line outcome without values. */
final class ActionExecutor {

    private final World world;

    ActionExecutor(World world) {
        this.world = world;
    }

    String apply(Action action) {
        KubernetesClient client = world.kubernetesClient();
        if (action instanceof Action.RotateRookUser a) {
            return "new key " + describe(world.rook().rotate(a.namespace(), a.store(), a.user()));
        }
        if (action instanceof Action.AddRookUserKey a) {
            return "added key " + describe(world.rook().addKey(a.namespace(), a.store(), a.user()));
        }
        if (action instanceof Action.RotateStoreUser a) {
            return "new key " + describe(world.objectStore().users().rotate(a.user()));
        }
        if (action instanceof Action.SuspendStoreUser a) {
            world.objectStore().suspend(a.user());
            return "suspended";
        }
        if (action instanceof Action.ResumeStoreUser a) {
            world.objectStore().resume(a.user());
            return "resumed";
        }
        if (action instanceof Action.EditVaultItem a) {
            a.fields()
                    .forEach((label, value) -> world.onePassword()
                            .editField(a.vault(), a.item(), label, value.resolve(world::placeholder)));
            return "edited " + a.fields().size() + " field(s)";
        }
        if (action instanceof Action.DeletePod a) {
            if (client.pods()
                    .inNamespace(a.namespace())
                    .withName(a.name())
                    .delete()
                    .isEmpty()) {
                throw new IllegalArgumentException("no pod " + a.namespace() + "/" + a.name());
            }
            return "deleted";
        }
        if (action instanceof Action.RestartWorkload a) {
            String patch = Serialization.asJson(Map.of(
                    "spec",
                    Map.of(
                            "template",
                            Map.of(
                                    "metadata",
                                    Map.of(
                                            "annotations",
                                            Map.of(
                                                    "kubectl.kubernetes.io/restartedAt",
                                                    world.clock()
                                                            .instant()
                                                            .truncatedTo(ChronoUnit.SECONDS)
                                                            .toString()))))));
            var resource = switch (a.kind()) {
                case "StatefulSet" ->
                    client.apps().statefulSets().inNamespace(a.namespace()).withName(a.name());
                case "Deployment" ->
                    client.apps().deployments().inNamespace(a.namespace()).withName(a.name());
                default -> client.apps().daemonSets().inNamespace(a.namespace()).withName(a.name());
            };
            if (resource.get() == null) {
                throw new IllegalArgumentException("no " + a.kind() + " " + a.namespace() + "/" + a.name());
            }
            resource.patch(PatchContext.of(PatchType.JSON_MERGE), patch);
            return "restartedAt set";
        }
        if (action instanceof Action.Annotate a) {
            var resource = client.genericKubernetesResources(a.apiVersion(), a.kind())
                    .inNamespace(a.namespace())
                    .withName(a.name());
            if (resource.get() == null) {
                throw new IllegalArgumentException("no " + a.kind() + " " + a.namespace() + "/" + a.name());
            }
            resource.patch(
                    PatchContext.of(PatchType.JSON_MERGE),
                    Serialization.asJson(Map.of("metadata", Map.of("annotations", a.annotations()))));
            return "annotated";
        }
        if (action instanceof Action.ExpireCertificate) {
            world.store().replaceCertificate(world.certificate(TlsSpec.CertificateState.EXPIRED));
            return "the store now presents " + world.store().certificate().orElseThrow();
        }
        if (action instanceof Action.UntrustCertificate) {
            world.store().replaceCertificate(world.certificate(TlsSpec.CertificateState.UNTRUSTED));
            return "the store now presents " + world.store().certificate().orElseThrow();
        }
        if (action instanceof Action.RenewCertificate) {
            world.store().replaceCertificate(world.certificate(TlsSpec.CertificateState.VALID));
            return "the store now presents " + world.store().certificate().orElseThrow();
        }
        if (action instanceof Action.EditTrustPolicy a) {
            return world.sts()
                    .orElseThrow(() -> new IllegalArgumentException("this world has no STS"))
                    .editTrustPolicy(a.roleArn(), a.subjects(), a.audiences());
        }
        if (action instanceof Action.SetOidcClientIds a) {
            return world.sts()
                    .orElseThrow(() -> new IllegalArgumentException("this world has no STS"))
                    .setClientIds(a.providerArn(), a.clientIds());
        }
        if (action instanceof Action.ApplyObject a) {
            world.applier().apply(a.object());
            return "applied";
        }
        if (action instanceof Action.DeleteObject a) {
            return world.applier().delete(a.apiVersion(), a.kind(), a.namespace(), a.name())
                    ? "deleted"
                    : "did not exist";
        }
        throw new IllegalStateException("unknown action " + action.getClass().getSimpleName());
    }

    private String describe(Credential credential) {
        return credential.maskedAccessKeyId() + " (fingerprint "
                + world.fingerprinter().fingerprint(credential) + ")";
    }
}
