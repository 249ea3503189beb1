package dev.credrift.app.rotate;

import dev.credrift.api.CredentialBinding;
import dev.credrift.app.cli.DurationConverter;
import dev.credrift.app.cli.Environment;
import dev.credrift.app.config.ClusterOptions;
import dev.credrift.app.config.CredriftConfig;
import dev.credrift.app.roles.KubernetesClients;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code credrift rotate NAME}: sets {@code credrift.dev/rotate-now} on the binding to a fresh token (an RFC 3339
 * instant) with a JSON merge patch — the reconciler starts a rotation when the token differs from
 * {@code status.rotation.lastRequest} — and with {@code --wait} follows {@code status.rotation} until the reconciler
 * has acted on that token and reached a terminal phase.
 */
@Command(
        name = "rotate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Ask credrift for a managed key rotation of one CredentialBinding now (the credrift.dev/rotate-now"
                    + " annotation), and with --wait follow it: one line per phase of status.rotation.",
            "Exit status: 0 asked (with --wait: Completed), 1 Failed, Halted, Refused or timed out, 2 usage error"
                    + " or a binding that cannot be rotated (missing, no spec.rotation and no rotatable source)."
        })
public final class RotateCommand implements Callable<Integer> {

    static final int NOT_COMPLETED = 1;
    static final int BAD_INPUT = 2;

    // a Kubernetes object name (DNS-1123 subdomain): anything else cannot name a binding
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final String API_VERSION = HasMetadata.getApiVersion(CredentialBinding.class);
    private static final String KIND = HasMetadata.getKind(CredentialBinding.class);

    private final Environment environment;
    private final Clock clock;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The CredentialBinding to rotate.")
    private String name;

    @Option(
            names = {"-n", "--namespace"},
            paramLabel = "NAMESPACE",
            description = "Its namespace (default: the kubeconfig's, else default).")
    private String namespace;

    @Option(names = "--wait", description = "Follow the rotation until it completes, fails or --timeout passes.")
    private boolean await;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "10m",
            description = "How long --wait waits (default: ${DEFAULT-VALUE}); the rotation itself goes on.")
    private Duration timeout;

    @Mixin
    private ClusterOptions cluster;

    public RotateCommand(Environment environment) {
        this(environment, Clock.systemUTC());
    }

    RotateCommand(Environment environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        if (!NAME.matcher(name).matches()) {
            throw new CommandLine.ParameterException(
                    commandLine, "NAME: '" + printable(name) + "' is not a Kubernetes object name");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new CommandLine.ParameterException(commandLine, "--timeout: must be longer than zero");
        }
        CredriftConfig config = cluster.load(environment, commandLine);
        CredriftConfig.Kubernetes settings = cluster.kubernetes(config);
        PrintWriter out = commandLine.getOut();
        PrintWriter err = commandLine.getErr();
        try (KubernetesClient client = KubernetesClients.create(settings)) {
            String ns = namespace != null
                    ? namespace
                    : Optional.ofNullable(client.getNamespace())
                            .filter(n -> !n.isBlank())
                            .orElse("default");
            String binding = ns + "/" + name;
            Resource<GenericKubernetesResource> resource = client.genericKubernetesResources(API_VERSION, KIND)
                    .inNamespace(ns)
                    .withName(name);
            GenericKubernetesResource found = resource.get();
            if (found == null) {
                err.println("credrift: no CredentialBinding " + binding);
                err.flush();
                return BAD_INPUT;
            }
            if (RotateRequest.decide(binding, map(found, "spec")) instanceof RotateRequest.Refused refused) {
                err.println("credrift: " + refused.reason());
                err.flush();
                return BAD_INPUT;
            }
            String token = clock.instant().toString();
            try (StatusFeed feed = await ? StatusFeed.watch(resource) : StatusFeed.none()) {
                resource.patch(PatchContext.of(PatchType.JSON_MERGE), annotationPatch(token));
                out.println("asked for a rotation of " + binding + " (" + RotateRequest.ANNOTATION + "=" + token + ")");
                out.flush();
                if (!await) {
                    out.println("follow it with: credrift rotate " + name + " -n " + ns + " --wait, or kubectl get"
                            + " credentialbinding " + name + " -n " + ns + " -o jsonpath='{.status.rotation}'");
                    out.flush();
                    return 0;
                }
                return follow(binding, token, feed, resource, out);
            }
        } catch (KubernetesClientException e) {
            // the API server's message names the object and the problem; it never carries a Secret's value here
            err.println("credrift: the Kubernetes API refused or did not answer: " + e.getCode() + " "
                    + Optional.ofNullable(e.getStatus())
                            .map(s -> s.getMessage())
                            .orElse(e.getClass().getSimpleName()));
            err.flush();
            return NOT_COMPLETED;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }

    private int follow(
            String binding,
            String token,
            StatusFeed feed,
            Resource<GenericKubernetesResource> resource,
            PrintWriter out) {
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        String lastPhase = null;
        Optional<Map<String, Object>> status =
                Optional.ofNullable(resource.get()).map(r -> map(r, "status"));
        while (true) {
            Optional<RotationProgress> progress = status.flatMap(s -> RotationProgress.of(s, token));
            if (progress.isPresent() && !progress.get().phase().equals(lastPhase)) {
                lastPhase = progress.get().phase();
                out.println(String.format(
                        Locale.ROOT,
                        "  +%.1fs  %s",
                        Duration.between(start, clock.instant()).toMillis() / 1000.0,
                        progress.get().line()));
                out.flush();
            }
            if (progress.isPresent() && progress.get().terminal()) {
                out.println("rotation of " + binding + " " + progress.get().phase());
                out.flush();
                return progress.get().succeeded() ? 0 : NOT_COMPLETED;
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                out.println("timed out after " + timeout.toSeconds() + " s waiting for the rotation of " + binding
                        + (lastPhase == null
                                ? ": credrift has not acted on the request yet (is the reconciler running?)"
                                : "; last phase " + lastPhase)
                        + "; the rotation goes on: credrift does not stop it");
                out.flush();
                return NOT_COMPLETED;
            }
            status =
                    feed.next(left).or(() -> Optional.ofNullable(resource.get()).map(r -> map(r, "status")));
        }
    }

    private static String annotationPatch(String token) {
        // the token is an Instant's ISO form: nothing in it needs JSON escaping
        return "{\"metadata\":{\"annotations\":{\"" + RotateRequest.ANNOTATION + "\":\"" + token + "\"}}}";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(GenericKubernetesResource resource, String field) {
        Object value = resource.getAdditionalProperties().get(field);
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
    }

    private static String printable(String value) {
        String shown = value.length() > 64 ? value.substring(0, 64) + "…" : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
