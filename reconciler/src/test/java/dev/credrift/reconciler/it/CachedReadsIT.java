package dev.credrift.reconciler.it;

import static dev.credrift.reconciler.it.ItWorld.LOKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.credrift.api.status.ConditionType;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.DriftDetected;
import dev.credrift.reconciler.Reconciler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Assessments read pods, Secrets, ExternalSecrets and workloads from informer caches (issue 13): once the caches of a
 * namespace have synced, no assessment or await lists a namespace again, and a change reaches the next assessment
 * through the watch. The reconciler's client has a User-Agent of its own, so the stand-ins' requests (the fake
 * kubelet and ESO list) are told apart.
 */
class CachedReadsIT extends OnItWorld {

    private static final String AGENT = "credrift-reconciler-cached-reads-it";
    /** A list (not a watch, not a read by name) of one of the kinds the caches hold. */
    private static final Pattern LIST =
            Pattern.compile("GET /apis?/.*/(pods|secrets|externalsecrets|deployments|statefulsets|daemonsets)(\\?.*)?");

    @Test
    void shouldHealFromCachesWithoutListingAnyNamespaceWhenTheWorldChangesAfterTheCachesSynced() throws Exception {
        world.story1(spec -> spec);
        Reconciler reconciler = world.deploy(
                world.config(),
                world.kube.newClient(builder ->
                        builder.editOrNewConfig().withUserAgent(AGENT).endConfig()));
        world.nudge(LOKI);
        await().atMost(30, TimeUnit.SECONDS)
                .until(() -> world.status(LOKI)
                        .condition(ConditionType.IN_SYNC)
                        .filter(c -> c.isTrue())
                        .isPresent());
        world.awaitIdle(reconciler);
        List<String> startup = reconcilersRequests();

        world.rotateAndHeal(reconciler);
        List<String> healing = reconcilersRequests();

        // the caches listed once, at the first assessment
        assertThat(startup).anyMatch(CachedReadsIT::isList);
        // the drift was seen through the watch, detected, and healed with one rollout...
        assertThat(world.outcomes(DriftDetected.class))
                .extracting(DriftDetected::driftClass)
                .containsExactly(DriftClass.VAULT_STALE);
        assertThat(world.rollouts("loki")).isEqualTo(1);
        // ...without a single list: the fresh reads of the authority before writing and rolling are GETs by name
        assertThat(healing).isNotEmpty().noneMatch(CachedReadsIT::isList);
        assertThat(healing).anyMatch(r -> r.startsWith("GET /api/v1/namespaces/" + ItWorld.ROOK_NS + "/secrets/"));
    }

    private static boolean isList(String request) {
        return LIST.matcher(request).matches() && !request.contains("watch=true");
    }

    private List<String> reconcilersRequests() throws InterruptedException {
        List<String> requests = new ArrayList<>();
        while (true) {
            var request = world.kube.server().takeRequest(10, TimeUnit.MILLISECONDS);
            if (request == null) {
                return requests;
            }
            String agent = request.getHeader("User-Agent");
            if (agent != null && agent.contains(AGENT)) {
                requests.add(request.getMethod() + " " + request.getPath());
            }
        }
    }
}
