package dev.credrift.reconciler.world;

import dev.credrift.api.CredentialBinding;
import dev.credrift.api.spec.CredentialBindingSpec;
import dev.credrift.api.spec.MinioSource;
import dev.credrift.api.spec.OnePasswordFields;
import dev.credrift.api.spec.OnePasswordItem;
import dev.credrift.api.spec.RookObjectUserSource;
import dev.credrift.api.spec.SecretSource;
import dev.credrift.api.spec.SourceKind;
import dev.credrift.api.spec.WebIdentitySource;
import dev.credrift.api.validation.CredentialBindingValidator;
import dev.credrift.events.BindingId;
import dev.credrift.events.credential.Credential;
import dev.credrift.events.payload.ObjectRef;
import dev.credrift.events.payload.ProblemCode;
import dev.credrift.reconciler.probe.ProbeTarget;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads a binding's world, blocking: the binding, then the cluster's hops (source, ExternalSecret and replica,
 * consumers, probe target), then the vault. Missing or malformed objects become {@link Hop.Unreadable} problems;
 * only API failures (which the guards retry) are thrown.
 */
public final class WorldReader {

    /** Rook's keys in {@code rook-ceph-object-user-<store>-<user>}. */
    public static final String ROOK_ACCESS_KEY = "AccessKey";

    public static final String ROOK_SECRET_KEY = "SecretKey";
    public static final String ROOK_ENDPOINT = "Endpoint";

    private final KubeGateway kube;
    private final ClusterReads cached;
    private final VaultAccess vault;
    private final CredentialBindingValidator validator = new CredentialBindingValidator();
    private final ConsumerFinder consumers;
    private final StoreTargets targets;

    /** Reads everything straight from the API server (the {@code check} command). */
    public WorldReader(KubeGateway kube, VaultAccess vault) {
        this(kube, kube, vault);
    }

    /**
     * @param cached what assessments and awaits read (informer caches), the binding included; the fresh look at
     *               the authority ({@link #readSource}) still goes to the API server through {@code kube}
     */
    public WorldReader(KubeGateway kube, ClusterReads cached, VaultAccess vault) {
        this.kube = Objects.requireNonNull(kube, "kube");
        this.cached = Objects.requireNonNull(cached, "cached");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.consumers = new ConsumerFinder(cached);
        this.targets = new StoreTargets(kube);
    }

    /**
     * The binding, if it exists and reads as a CredentialBinding: from the caches (no API read per handling, issue
     * 13), from the API server when the caches do not know it (yet): a binding just created is never taken as gone.
     */
    public BindingLookup readBinding(BindingId id) {
        Optional<GenericKubernetesResource> raw = cached.binding(id);
        if (raw.isEmpty() && cached != kube) {
            raw = kube.binding(id);
        }
        if (raw.isEmpty()) {
            return new BindingLookup.Gone();
        }
        CredentialBinding binding;
        try {
            binding = kube.serialization().convertValue(raw.get(), CredentialBinding.class);
        } catch (RuntimeException e) {
            // Jackson's message may quote the input: name the type of failure only
            return new BindingLookup.Unreadable("CredentialBinding " + id + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (binding == null || binding.getSpec() == null) {
            return new BindingLookup.Unreadable("CredentialBinding " + id + " has no spec");
        }
        Long generation = binding.getMetadata().getGeneration();
        Map<String, String> annotations = binding.getMetadata().getAnnotations();
        return new BindingLookup.Found(new BoundBinding(
                id,
                binding,
                generation == null ? 0 : generation,
                annotations == null ? Map.of() : annotations,
                validator.validate(binding)));
    }

    /** Source, ExternalSecret and replica, consumers and probe target. */
    public ClusterRead readCluster(BoundBinding binding) {
        CredentialBindingSpec spec = binding.spec();
        String namespace = binding.id().namespace();
        Hop<SourceValue> source = source(namespace, spec, cached);
        OnePasswordFields fields = spec.vault() == null || spec.vault().onePassword() == null
                ? null
                : spec.vault().onePassword().fields();
        Hop<ReplicaValue> replica = replica(namespace, spec, fields);
        List<ConsumerWorkload> workloads = List.of();
        List<String> problems = List.of();
        Optional<ReplicaValue> replicaValue = replica.value();
        if (replicaValue.isPresent()) {
            ConsumerFinder.Found found = consumers.find(
                    namespace, replicaValue.get().externalSecret().targetSecret(), spec.consumers());
            workloads = found.workloads();
            problems = found.problems();
        }
        // a MinIO source names its endpoint, which is also the store's unless spec.store.endpoint says otherwise
        Optional<String> minioEndpoint = spec.source() == null || spec.source().minio() == null
                ? Optional.empty()
                : Optional.ofNullable(spec.source().minio().endpoint());
        Hop<ProbeTarget> target = targets.target(
                namespace,
                spec.store(),
                source.value()
                        .flatMap(SourceValue::endpoint)
                        .or(() -> minioEndpoint)
                        .or(() -> impliedStoreEndpoint(spec)));
        return new ClusterRead(source, replica, workloads, problems, target);
    }

    /**
     * The source hop only, from the API server, bypassing the caches: the fresh look at the authority right before a
     * step acts (architecture.md §5.1 rule 1).
     */
    public Hop<SourceValue> readSource(BoundBinding binding) {
        return source(binding.id().namespace(), binding.spec(), kube);
    }

    /** The ExternalSecret and the replica Secret only (for waiting on a sync). */
    public Hop<ReplicaValue> readReplica(BoundBinding binding) {
        CredentialBindingSpec spec = binding.spec();
        OnePasswordFields fields = spec.vault() == null || spec.vault().onePassword() == null
                ? null
                : spec.vault().onePassword().fields();
        return replica(binding.id().namespace(), spec, fields);
    }

    /** One consumer workload and its pods (for rolling and the readiness gate), if it exists. */
    public Optional<ConsumerWorkload> readWorkload(WorkloadRef ref, String replicaSecret) {
        return consumers.one(ref, replicaSecret);
    }

    /** What assessments and awaits read: the caches (or the API server, for the {@code check} command). */
    public ClusterReads cached() {
        return cached;
    }

    /**
     * Wakes {@code wake} (on any thread) when the cached reads see a change of an object of {@code namespace} that
     * {@code relevant} accepts; see {@link ClusterReads#onChange}. Close the handle when done waiting.
     */
    public AutoCloseable onChange(String namespace, Predicate<HasMetadata> relevant, Runnable wake) {
        return cached.onChange(namespace, relevant, wake);
    }

    /** Why the vault cannot be read at all by this reconciler, if so (checked before {@link #readVault}). */
    public Optional<Hop<VaultValue>> vaultUnusable(BoundBinding binding) {
        CredentialBindingSpec spec = binding.spec();
        if (spec.vault() == null || spec.vault().onePassword() == null) {
            return Optional.of(Hop.unreadable(ProblemCode.NO_TARGET, "spec.vault.onePassword is not set"));
        }
        OnePasswordItem item = spec.vault().onePassword();
        if (item.fields() == null
                || item.fields().accessKeyId() == null
                || item.fields().secretAccessKey() == null) {
            return Optional.of(
                    Hop.unreadable(ProblemCode.INVALID_VALUE, "spec.vault.onePassword.fields must name both fields"));
        }
        if (item.connectSecretRef() != null) {
            return Optional.of(Hop.unreadable(
                    ProblemCode.INVALID_VALUE,
                    "spec.vault.onePassword.connectSecretRef is"
                            + " not supported yet: this reconciler talks to its own 1Password Connect server only"));
        }
        return Optional.empty();
    }

    /** The vault item's credential; throws the client's typed failures. */
    public VaultValue readVault(BoundBinding binding) {
        return vault.read(binding.spec().vault().onePassword());
    }

    private Hop<SourceValue> source(String bindingNamespace, CredentialBindingSpec spec, ClusterReads from) {
        Optional<SourceKind> kind =
                spec.source() == null ? Optional.empty() : spec.source().selected();
        if (kind.isEmpty()) {
            return Hop.unreadable(ProblemCode.INVALID_VALUE, "spec.source must set exactly one kind");
        }
        if (kind.get() instanceof RookObjectUserSource rook) {
            return secretSource(
                    from,
                    rook.namespace(),
                    rook.secretName(),
                    ROOK_ACCESS_KEY,
                    ROOK_SECRET_KEY,
                    Optional.of(ROOK_ENDPOINT));
        }
        if (kind.get() instanceof SecretSource secret) {
            String namespace = secret.namespace() == null ? bindingNamespace : secret.namespace();
            return secretSource(
                    from,
                    namespace,
                    secret.name(),
                    secret.accessKeyIdKey(),
                    secret.secretAccessKeyKey(),
                    Optional.empty());
        }
        if (kind.get() instanceof MinioSource) {
            return Hop.unreadable(
                    ProblemCode.NO_TARGET,
                    "spec.source.minio holds no copy of the key: the vault is the"
                            + " authority, and MinIO's admin API creates the account when it is missing");
        }
        if (kind.get() instanceof WebIdentitySource) {
            // the role is the authority, verified by exchanging a token (identity package), not a stored key
            return Hop.unreadable(ProblemCode.NO_TARGET, "spec.source.webIdentity holds no static credential");
        }
        return Hop.unreadable(
                ProblemCode.INVALID_VALUE,
                "spec.source." + kind.get().fieldName() + " is not supported by this reconciler yet");
    }

    /** AWS S3's or Alibaba OSS's regional endpoint, for a web-identity binding that names no endpoint. */
    private static Optional<String> impliedStoreEndpoint(CredentialBindingSpec spec) {
        if (spec.source() == null || !(spec.source().selected().orElse(null) instanceof WebIdentitySource web)) {
            return Optional.empty();
        }
        String region = spec.store() != null && spec.store().region() != null
                ? spec.store().region()
                : web.region();
        if (region == null || web.provider() == null) {
            return Optional.empty();
        }
        return switch (web.provider()) {
            case AWS -> Optional.of("https://s3." + region + ".amazonaws.com");
            case ALIBABA -> Optional.of("https://oss-" + region + ".aliyuncs.com");
            default -> Optional.empty();
        };
    }

    private static Hop<SourceValue> secretSource(
            ClusterReads from,
            String namespace,
            String name,
            String idKey,
            String secretKey,
            Optional<String> endpointKey) {
        Optional<Secret> secret = from.secret(namespace, name);
        if (secret.isEmpty()) {
            return Hop.unreadable(ProblemCode.MISSING_OBJECT, "Secret " + namespace + "/" + name + " does not exist");
        }
        Hop<Credential> credential = SecretCredentials.read(secret.get(), idKey, secretKey);
        if (credential instanceof Hop.Unreadable<Credential> problem) {
            return Hop.unreadable(problem.code(), problem.detail());
        }
        Optional<String> endpoint = endpointKey.flatMap(key -> SecretCredentials.text(secret.get(), key));
        return Hop.read(new SourceValue(
                new ObjectRef(namespace, name), credential.value().orElseThrow(), endpoint));
    }

    private Hop<ReplicaValue> replica(String namespace, CredentialBindingSpec spec, OnePasswordFields fields) {
        if (spec.replica() == null
                || spec.replica().externalSecret() == null
                || spec.replica().externalSecret().name() == null) {
            return Hop.unreadable(ProblemCode.NO_TARGET, "spec.replica.externalSecret.name is not set");
        }
        String name = spec.replica().externalSecret().name();
        Optional<GenericKubernetesResource> es = cached.externalSecret(namespace, name);
        if (es.isEmpty()) {
            return Hop.unreadable(
                    ProblemCode.MISSING_OBJECT, "ExternalSecret " + namespace + "/" + name + " does not exist");
        }
        ExternalSecretState state = ExternalSecretParser.parse(es.get(), fields);
        Optional<Secret> secret = cached.secret(namespace, state.targetSecret());
        return Hop.read(new ReplicaValue(state, secret.map(s -> replicaSecret(s, state))));
    }

    static ReplicaSecret replicaSecret(Secret secret, ExternalSecretState state) {
        Optional<Credential> credential = SecretCredentials.read(secret, state.accessKeyIdKey(), state.secretKeyKey())
                .value();
        Optional<Instant> created = PodReading.time(secret.getMetadata().getCreationTimestamp());
        // data writes only: a label or annotation by another controller changes no credential (DataWrites)
        Optional<Instant> lastManaged = DataWrites.lastAt(secret.getMetadata());
        return new ReplicaSecret(
                secret.getMetadata().getNamespace(),
                secret.getMetadata().getName(),
                secret.getMetadata().getResourceVersion(),
                credential,
                created,
                lastManaged);
    }
}
