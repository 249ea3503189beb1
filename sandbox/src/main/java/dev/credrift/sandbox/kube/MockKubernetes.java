package dev.credrift.sandbox.kube;

import dev.credrift.api.CredentialBindingCrd;
import dev.credrift.sandbox.kube.front.KubectlFront;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kubernetes API server stand-in: the fabric8 mock server in CRUD mode on {@code 127.0.0.1} (a free port, plain
 * HTTP), with credrift's {@code CredentialBinding} CRD and the {@link ReferenceCrds reference CRDs} installed, so
 * that typed, generic and informer clients work on all of them and API discovery lists them.
 *
 * <p>Its store is {@link IndexedCrudDispatcher indexed} by kind, namespace and name, so a request costs the objects
 * it concerns, not the world's size; {@link #requests()} counts requests by verb and {@code User-Agent}.
 *
 * <p>A real {@code kubectl} talks to {@link #kubectlUrl()} (kubeconfig: {@link #writeKubeconfig}), a
 * {@link KubectlFront front} that adds what the mock lacks for it: discovery, Tables, HTTP watches, field selectors,
 * {@code core/v1} Events.
 *
 * <p>What it is not (the test worlds: docs/architecture.md §7): it does not convert {@code stringData} to {@code data} (write {@code data}), it
 * rejects strategic-merge patches (use JSON merge or JSON patch, as CRs need on a real cluster too), it does not
 * validate objects against the CRD schemas, and it runs no controllers: nothing creates pods, fills in ESO status
 * or rotates Rook keys unless a sandbox emulator does. The one subresource it serves beyond CRUD is the TokenRequest
 * API, once {@link #issueServiceAccountTokens} names who signs the tokens (stories 4 and 5). Like a real server it
 * drops {@code status} on create when the CRD has a status subresource (write status through {@code /status}
 * afterwards).
 *
 * <p>Traps: its JSON merge patch <em>appends</em> to arrays instead of replacing them (RFC 7386 and a real API
 * server replace); to change a list (conditions, say) use a JSON patch ({@code PatchType.JSON}) with
 * {@code replace}. A JSON patch whose {@code test} operation fails gets 422 as from a real server (a {@code test} of
 * {@code /metadata/resourceVersion} is how optimistic concurrency is exercised here), but a PUT with a stale
 * {@code resourceVersion} is accepted.
 *
 * <pre>{@code
 * try (MockKubernetes kube = MockKubernetes.start()) {
 *     KubernetesClient client = kube.client();
 *     ...
 * }
 * }</pre>
 */
public final class MockKubernetes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MockKubernetes.class);
    /** The mock server logs every request at INFO through java.util.logging; kept strongly so the level sticks. */
    private static final java.util.logging.Logger REQUEST_LOG =
            java.util.logging.Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");

    private static final String HOST = "127.0.0.1";

    private final KubernetesMockServer server;
    private final TokenRequestDispatcher dispatcher;
    private final KubectlFront front;
    private final KubernetesClient client;
    private final List<KubernetesClient> issued = new ArrayList<>();
    private boolean closed;

    private MockKubernetes(KubernetesMockServer server, TokenRequestDispatcher dispatcher, KubectlFront front) {
        this.server = server;
        this.dispatcher = dispatcher;
        this.front = front;
        this.client = newClient();
    }

    /**
     * A server with every CRD credrift knows installed: CredentialBinding, ExternalSecret, PushSecret,
     * CephObjectStoreUser.
     */
    public static MockKubernetes start() {
        MockKubernetes kube = startEmpty();
        try {
            kube.installCrd(CredentialBindingCrd.definition());
            for (ReferenceCrds crd : ReferenceCrds.values()) {
                kube.installCrd(crd.definition());
            }
        } catch (RuntimeException e) {
            kube.close();
            throw e;
        }
        return kube;
    }

    /**
     * A server with only the given CRDs installed, e.g. a cluster that serves ExternalSecret {@code v1beta1} only
     * ({@code ReferenceCrds.EXTERNAL_SECRET.servingOnly("v1beta1")}) or has no Rook at all.
     */
    public static MockKubernetes startWith(List<CustomResourceDefinition> crds) {
        MockKubernetes kube = startEmpty();
        try {
            crds.forEach(kube::installCrd);
        } catch (RuntimeException e) {
            kube.close();
            throw e;
        }
        return kube;
    }

    /** A server with no CRD installed. */
    public static MockKubernetes startEmpty() {
        REQUEST_LOG.setLevel(Level.WARNING);
        // the mixed dispatcher (expectations, then CRUD on an indexed store) plus the TokenRequest subresource
        TokenRequestDispatcher dispatcher = new TokenRequestDispatcher(new HashMap<>());
        KubernetesMockServer server = new KubernetesMockServer(
                new Context(Serialization.jsonMapper()), new MockWebServer(), new HashMap<>(), dispatcher, false);
        try {
            server.init(InetAddress.getByName(HOST), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(HOST + " does not resolve", e);
        }
        KubectlFront front;
        try {
            front = KubectlFront.start(URI.create("http://" + HOST + ":" + server.getPort() + "/"), Clock.systemUTC());
        } catch (RuntimeException e) {
            server.destroy();
            throw e;
        }
        MockKubernetes kube = new MockKubernetes(server, dispatcher, front);
        LOG.info(
                "Kubernetes stand-in (fabric8 mock server, CRUD mode) at {}, for kubectl at {}",
                kube.url(),
                kube.kubectlUrl());
        return kube;
    }

    /**
     * Creates a CRD through the API, as {@code kubectl apply} would; the server then serves its storage version
     * (and lists it in discovery). Creating the same CRD twice fails with 409 like a real server.
     */
    public void installCrd(CustomResourceDefinition crd) {
        Objects.requireNonNull(crd, "crd");
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40123/}. */
    public String url() {
        // the server names itself "localhost", which may resolve to ::1 where it does not listen
        return "http://" + HOST + ":" + server.getPort() + "/";
    }

    /**
     * The URL for a real {@code kubectl}: a {@link KubectlFront front} before the mock that serves discovery, Tables,
     * HTTP watches, field selectors and both Events APIs. Fabric8 clients use {@link #url()}.
     */
    public String kubectlUrl() {
        return front.url();
    }

    /**
     * Writes a kubeconfig for {@link #kubectlUrl()} (cluster, user and context {@code credrift-sandbox}, namespace
     * {@code namespace}) to {@code file}, readable by its owner only, and returns the file. No credential is in it:
     * the stand-in asks for none.
     */
    public Path writeKubeconfig(Path file, String namespace) {
        String yaml = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: credrift-sandbox
                  cluster:
                    server: %s
                users:
                - name: credrift-sandbox
                  user: {}
                contexts:
                - name: credrift-sandbox
                  context:
                    cluster: credrift-sandbox
                    user: credrift-sandbox
                    namespace: %s
                current-context: credrift-sandbox
                """.formatted(kubectlUrl(), namespace);
        try {
            Files.writeString(file, yaml);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kubeconfig " + file, e);
        }
    }

    /** The fixture's own client (JDK HTTP client); closed with the fixture. Default namespace {@code test}. */
    public KubernetesClient client() {
        return client;
    }

    /** A new client on the JDK HTTP client; closed with the fixture unless the caller closes it first. */
    public synchronized KubernetesClient newClient() {
        return newClient(builder -> {});
    }

    /**
     * A new client on the JDK HTTP client, after {@code customizer} has had its way with the builder (a different
     * default namespace or timeouts, say); closed with the fixture unless the caller closes it first.
     */
    public synchronized KubernetesClient newClient(Consumer<KubernetesClientBuilder> customizer) {
        if (closed) {
            throw new IllegalStateException("the Kubernetes stand-in is closed");
        }
        KubernetesClient created = server.createClient(builder -> {
            builder.withHttpClientFactory(new JdkHttpClientFactory());
            builder.editOrNewConfig().withMasterUrl(url()).endConfig();
            customizer.accept(builder);
        });
        issued.add(created);
        return created;
    }

    /**
     * Answers the TokenRequest API ({@code serviceaccounts/<sa>/token}) with tokens {@code issuer} signs; until this
     * is called such requests get 503.
     */
    public void issueServiceAccountTokens(ServiceAccountTokenIssuer issuer) {
        dispatcher.issuer(java.util.Objects.requireNonNull(issuer, "issuer"));
    }

    /**
     * Holds back every answer from now on by {@code latency} (an artificially slow API server; {@link ApiLatency#NONE}
     * to stop). Emulators, informers and credrift all see it.
     */
    public void latency(ApiLatency latency) {
        dispatcher.latency(Objects.requireNonNull(latency, "latency"));
    }

    /** Requests served so far, by verb (the scale benchmark reports them). */
    public RequestCounts requests() {
        return dispatcher.requests();
    }

    /** CPU nanoseconds spent handling requests, by handling thread id (see {@link RequestCounts#cpuNanosByThread}). */
    public Map<Long, Long> requestCpuNanosByThread() {
        return dispatcher.requests().cpuNanosByThread();
    }

    /**
     * Stored objects that requests have examined so far: the store is indexed by kind, namespace and name, so this
     * grows with the objects a request concerns, not with the world.
     */
    public long objectsExamined() {
        return dispatcher.examined();
    }

    /** The underlying fabric8 server, for expectations beyond CRUD (failure injection on one path, say). */
    public KubernetesMockServer server() {
        return server;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (KubernetesClient c : issued) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.debug("closing a stand-in client failed", e);
            }
        }
        String at = url();
        front.close();
        try {
            server.destroy();
        } catch (IllegalStateException e) {
            // fabric8's MockWebServer waits 10 s for open connections, then throws "Unable to close MockWebServer":
            // under load a client's watch socket can outlive its close by that long (seen in CI). The server has
            // stopped accepting by then; what lingers is closed with the JVM. Not a reason to fail a test's teardown.
            LOG.warn("Kubernetes stand-in at {}: connections still open 10 s after close; left to close", at);
        }
    }

    @Override
    public String toString() {
        return "MockKubernetes[" + url() + "]";
    }
}
