package dev.credrift.reconciler.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.spec.Authority;
import dev.credrift.events.BindingId;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.HopFingerprints;
import dev.credrift.reconciler.assess.Assessment;
import dev.credrift.reconciler.assess.AssessmentFixture;
import dev.credrift.reconciler.assess.AuthorityCheck;
import dev.credrift.reconciler.assess.HopMatch;
import dev.credrift.reconciler.assess.HopState;
import dev.credrift.reconciler.assess.Targets;
import dev.credrift.reconciler.identity.IdentityDiagnosis;
import dev.credrift.reconciler.identity.IdentityExchange;
import dev.credrift.reconciler.identity.Mismatch;
import dev.credrift.reconciler.plan.Plan;
import dev.credrift.reconciler.plan.Planner;
import dev.credrift.reconciler.probe.ProbeVerdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Role-based bindings: no vault or replica hop, the exchange and the store decide; static bindings unchanged. */
class RoleBindingsTest {

    private static final String SUB = "system:serviceaccount:tracing:tempo";
    private static final String ROLE = "arn:aws:iam::111122223333:role/tempo";

    private final Classifier classifier = new Classifier();
    private final Planner planner = new Planner();

    private static Assessment role(IdentityExchange exchange) {
        HopState absent = new HopState(HopMatch.ABSENT, "a role-based binding has no static copy to keep");
        return new Assessment(
                BindingId.of("tracing", "tempo-s3"),
                1,
                Authority.SOURCE,
                false,
                new AuthorityCheck.Identity(SUB, ROLE, exchange),
                absent,
                absent,
                Optional.empty(),
                false,
                List.of(),
                List.of(),
                new HopFingerprints(null, null, null),
                Optional.empty(),
                Optional.empty(),
                new Targets(
                        "store http://s3 bucket tempo-traces",
                        "vault (none)",
                        "ExternalSecret (none)",
                        "replica Secret (unknown)"));
    }

    private static IdentityExchange.Accepted accepted(ProbeVerdict verdict) {
        return new IdentityExchange.Accepted(
                AssessmentFixture.AUTHORITY_FP,
                AssessmentFixture.AUTHORITY.maskedAccessKeyId(),
                Instant.parse("2026-11-22T11:00:00Z"),
                verdict);
    }

    @Test
    void shouldBeInSyncWhenTheExchangeAndTheProbePassAlthoughVaultAndReplicaAreAbsent() {
        Classification c = classifier.classify(role(accepted(new ProbeVerdict.Accepted(false))));
        assertThat(c).isInstanceOf(Classification.Classified.class);
        assertThat(((Classification.Classified) c).driftClass()).isEqualTo(DriftClass.IN_SYNC);
        assertThat(c.detail()).contains(SUB).contains(ROLE).contains("AKIA…0001");
        assertThat(planner.plan((Classification.Classified) c, role(accepted(new ProbeVerdict.Accepted(false)))))
                .isEmpty();
    }

    @Test
    void shouldBeIdentityRejectedWithTheDiagnosisAndAnAlertOnlyPlanWhenStsRefuses() {
        IdentityDiagnosis diagnosis =
                new IdentityDiagnosis(Mismatch.SUBJECT, "AccessDenied", "role " + ROLE + " does not trust sub " + SUB);
        Assessment a = role(new IdentityExchange.Rejected(diagnosis));
        Classification c = classifier.classify(a);
        assertThat(((Classification.Classified) c).driftClass()).isEqualTo(DriftClass.IDENTITY_REJECTED);
        assertThat(c.detail()).contains("does not trust sub " + SUB);
        Plan plan = planner.plan((Classification.Classified) c, a).orElseThrow();
        assertThat(plan.alertOnly()).isTrue();
        assertThat(plan.notes()).singleElement().asString().startsWith("alert only");
    }

    @Test
    void shouldBeAuthorityRejectedWhenTheStoreRefusesTheRolesKeys() {
        Classification c = classifier.classify(role(accepted(
                new ProbeVerdict.Rejected(ProbeVerdict.Rejected.Reason.ACCESS_DENIED, "AccessDenied", 403, false))));
        assertThat(((Classification.Classified) c).driftClass()).isEqualTo(DriftClass.AUTHORITY_REJECTED);
    }

    @Test
    void shouldBeUndeterminedNotRejectedWhenStsKeepsThrottlingOrTheServiceAccountIsMissing() {
        Classification throttled = classifier.classify(
                role(new IdentityExchange.Unavailable("STS http://sts answered 400 Throttling.User", true)));
        assertThat(throttled).isInstanceOf(Classification.Undetermined.class);
        assertThat(((Classification.Undetermined) throttled).cause()).isEqualTo(Classification.Cause.STS_UNAVAILABLE);
        assertThat(throttled.detail()).contains("kept throttling");
        Classification missing =
                classifier.classify(role(new IdentityExchange.NoToken("ServiceAccount tracing/tempo does not exist")));
        assertThat(((Classification.Undetermined) missing).cause())
                .isEqualTo(Classification.Cause.AUTHORITY_UNREADABLE);
    }

    @Test
    void shouldLeaveStaticBindingsAsTheyWere() {
        Classification c = classifier.classify(AssessmentFixture.inSync().build());
        assertThat(((Classification.Classified) c).driftClass()).isEqualTo(DriftClass.IN_SYNC);
    }
}
