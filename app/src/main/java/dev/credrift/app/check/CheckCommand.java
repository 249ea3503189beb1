package dev.credrift.app.check;

import dev.credrift.api.CredentialBinding;
import dev.credrift.app.cli.Environment;
import dev.credrift.app.config.ClusterOptions;
import dev.credrift.app.config.CredriftConfig;
import dev.credrift.app.roles.FingerprintKey;
import dev.credrift.app.roles.KubernetesClients;
import dev.credrift.app.roles.ReconcilerRole;
import dev.credrift.connect.write.OnePasswordConnectClient;
import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Fingerprinter;
import dev.credrift.reconciler.assess.Freshness;
import dev.credrift.reconciler.check.BindingCheck;
import dev.credrift.reconciler.check.CheckReport;
import dev.credrift.reconciler.probe.MinioStoreProbe;
import dev.credrift.reconciler.world.ConnectVaultAccess;
import dev.credrift.reconciler.world.KubeGateway;
import dev.credrift.reconciler.world.VaultAccess;
import dev.credrift.reconciler.world.WorldReader;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code credrift check}: what credrift sees for each binding, now, and what it would do. Changes nothing. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Assess CredentialBindings once, now, as the reconciler would: read the source, 1Password, the"
                    + " replica and the consumers, probe the store with the authority's key, and print each hop's"
                    + " fingerprint, the drift class and the plan credrift would follow. Changes nothing; needs no Kafka.",
            "Exit status: 0 every binding in sync, 1 at least one drifted or undetermined, 2 usage error,"
                    + " 3 a binding is missing or cannot be read."
        })
public final class CheckCommand implements Callable<Integer> {

    static final int DRIFTED = 1;
    static final int NOT_ASSESSED = 3;

    private final Environment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(
            paramLabel = "NAME",
            arity = "0..*",
            description = "Bindings to check (in --namespace); none: every binding of the namespace.")
    private List<String> names = new ArrayList<>();

    @Option(
            names = {"-n", "--namespace"},
            paramLabel = "NAMESPACE",
            description = "The bindings' namespace (default: the kubeconfig's, else default).")
    private String namespace;

    @Option(
            names = {"-A", "--all-namespaces"},
            description = "Every binding in every namespace.")
    private boolean allNamespaces;

    @Mixin
    private ClusterOptions cluster;

    public CheckCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        if (allNamespaces && (namespace != null || !names.isEmpty())) {
            throw new CommandLine.ParameterException(
                    commandLine, "--all-namespaces takes neither --namespace nor names");
        }
        CredriftConfig config = cluster.load(environment, commandLine);
        PrintWriter out = commandLine.getOut();
        Optional<Fingerprinter> configured = config.fingerprintKeyFile().map(FingerprintKey::load);
        Fingerprinter fingerprinter = configured.orElseGet(CheckCommand::ephemeral);
        CredriftConfig.Kubernetes settings = cluster.kubernetes(config);
        try (KubernetesClient client = KubernetesClients.create(settings);
                MinioStoreProbe probe = new MinioStoreProbe()) {
            VaultAccess vault = config.onePassword()
                    .<VaultAccess>map(
                            p -> new ConnectVaultAccess(OnePasswordConnectClient.create(ReconcilerRole.connect(p))))
                    .orElseGet(UnconfiguredVault::new);
            Clock clock = Clock.systemUTC();
            BindingCheck check = new BindingCheck(
                    new WorldReader(new KubeGateway(client), vault),
                    probe,
                    fingerprinter,
                    new Freshness(Duration.ofMinutes(2), false),
                    clock);
            List<BindingId> ids = bindings(client);
            if (ids.isEmpty()) {
                out.println(
                        "no CredentialBinding " + (allNamespaces ? "in any namespace" : "in namespace " + ns(client)));
                out.flush();
                return 0;
            }
            if (configured.isEmpty()) {
                out.println("(no fingerprintKeyFile configured: fingerprints below use a one-off key and do not"
                        + " match the ones in the bindings' status)");
            }
            RotationLine rotation = new RotationLine(client, clock);
            int exit = 0;
            for (BindingId id : ids) {
                CheckReport report = check.check(id);
                CheckPrinter.print(report, out);
                rotation.line(id, report instanceof CheckReport.Assessed)
                        .ifPresent(line -> out.println("  rotation   " + line));
                exit = Math.max(
                        exit,
                        report instanceof CheckReport.NotAssessed
                                ? NOT_ASSESSED
                                : ((CheckReport.Assessed) report).inSync() ? 0 : DRIFTED);
            }
            out.flush();
            return exit;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }

    private List<BindingId> bindings(KubernetesClient client) {
        if (!names.isEmpty()) {
            String ns = ns(client);
            return names.stream().map(name -> BindingId.of(ns, name)).toList();
        }
        var resources = client.resources(CredentialBinding.class);
        List<CredentialBinding> found = allNamespaces
                ? resources.inAnyNamespace().list().getItems()
                : resources.inNamespace(ns(client)).list().getItems();
        return found.stream()
                .map(CredentialBinding::bindingId)
                .map(BindingId::parse)
                .sorted(Comparator.comparing(BindingId::toString))
                .toList();
    }

    private String ns(KubernetesClient client) {
        if (namespace != null) {
            return namespace;
        }
        String fromConfig = client.getNamespace();
        return fromConfig == null || fromConfig.isBlank() ? "default" : fromConfig;
    }

    private static Fingerprinter ephemeral() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new Fingerprinter(key);
    }
}
