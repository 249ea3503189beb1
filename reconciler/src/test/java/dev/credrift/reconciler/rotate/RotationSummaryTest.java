package dev.credrift.reconciler.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.spec.Rotation;
import dev.credrift.reconciler.rotate.RotationDecision.AgeAlert;
import dev.credrift.reconciler.rotate.RotationDecision.NotDue;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The check line worded from the binding's {@code spec.rotation}: maxAge alone schedules an alert, not a rotation. */
class RotationSummaryTest {

    private static final Instant NOW = Instant.parse("2026-12-05T03:00:00Z");
    private static final Optional<Instant> TEN_DAYS_OLD = Optional.of(NOW.minus(Duration.ofDays(10)));

    @Test
    void shouldSayWhenMaxAgeAlertsWhenOnlyMaxAgeIsSet() {
        Rotation maxAgeOnly = new Rotation(null, null, null, "720h", null, null);

        String line =
                RotationSummary.checkLine(maxAgeOnly, new NotDue(NOW.plus(Duration.ofDays(20))), TEN_DAYS_OLD, NOW);

        assertThat(line).isEqualTo("key age 10 d, maxAge 30 d reached in 20 d (alert only: no rotation scheduled)");
    }

    @Test
    void shouldSayNextRotationWhenEveryIsSet() {
        Rotation monthly = new Rotation("720h", null, null, "1080h", null, null);

        String line = RotationSummary.checkLine(monthly, new NotDue(NOW.plus(Duration.ofDays(20))), TEN_DAYS_OLD, NOW);

        assertThat(line).isEqualTo("key age 10 d, next rotation in 20 d");
    }

    @Test
    void shouldAlertWhenTheKeyIsOlderThanMaxAge() {
        Rotation maxAgeOnly = new Rotation(null, null, null, "168h", null, null);

        String line = RotationSummary.checkLine(
                maxAgeOnly, new AgeAlert(Duration.ofDays(10), Duration.ofDays(7)), TEN_DAYS_OLD, NOW);

        assertThat(line).isEqualTo("key age 10 d, older than maxAge 7 d (credrift cannot rotate it)");
    }

    @Test
    void shouldGiveTheTokenLifetimesInsteadOfAKeyAgeWhenTheBindingIsRoleBased() {
        Rotation maxAgeOnly = new Rotation(null, null, null, "2160h", null, null);
        RotationDecision refused = new RotationDecision.Refuse(
                RotationDecision.RefusalReason.ROLE_BASED, "role-based binding: no static key to rotate; tokens");

        String line = RotationSummary.checkLine(maxAgeOnly, refused, Optional.empty(), NOW);

        assertThat(line).isEqualTo("not rotated: role-based binding: no static key to rotate; tokens");
    }
}
