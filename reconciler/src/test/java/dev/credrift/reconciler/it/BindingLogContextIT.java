package dev.credrift.reconciler.it;

import static dev.credrift.reconciler.it.ItWorld.LOKI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.LoggingKeys;
import dev.credrift.events.payload.RemediationPlanned;
import dev.credrift.sandbox.logs.LogCapture;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Story 1 replayed with every credrift line captured: each line the reconciler writes while it handles the binding —
 * handler, steps, and the store probe, 1Password client and Kubernetes reads below them, on the event loop or on a
 * worker thread — names the binding as a key/value, the remediation's lines name the remediation too.
 */
class BindingLogContextIT extends OnItWorld {

    private static final String RECONCILER = "dev.credrift.reconciler.";
    // the 1Password Connect client the reconciler writes with lives in its own module
    private static final String CONNECT = "dev.credrift.connect.";
    // the role's own lines, about no binding: consumer assignment, journal load, start and stop
    private static final List<String> ROLE_LEVEL = List.of(
            RECONCILER + "consume.ObservationConsumer", RECONCILER + "journal.", RECONCILER + "ReconcilerVerticle");

    @Test
    void shouldNameTheBindingOnEveryReconcilerLineWhenItIsHandled() {
        List<LogCapture.Line> lines;
        try (LogCapture capture = LogCapture.everyCredriftLine()) {
            world.story1(spec -> spec);
            world.rotateAndHeal(world.deployInSync(LOKI));
            lines = capture.events();
        }
        List<LogCapture.Line> handling = lines.stream()
                .filter(line ->
                        line.logger().startsWith(RECONCILER) || line.logger().startsWith(CONNECT))
                .filter(line -> ROLE_LEVEL.stream().noneMatch(line.logger()::startsWith))
                .toList();
        String remediation = world.outcomes(RemediationPlanned.class).get(0).remediationId();

        // the capture saw the deep lines (vault client on a worker thread, steps, handler), not only the top ones
        assertThat(handling)
                .extracting(LogCapture.Line::logger)
                .anyMatch(logger -> logger.startsWith(CONNECT))
                .anyMatch(logger -> logger.startsWith(RECONCILER + "step."))
                .anyMatch(logger -> logger.startsWith(RECONCILER + "handle."));
        assertThat(handling)
                .allSatisfy(line ->
                        assertThat(line.context()).as("%s", line).containsEntry(LoggingKeys.BINDING, LOKI.toString()));
        assertThat(handling)
                .filteredOn(line -> line.logger().startsWith(RECONCILER + "step."))
                .allSatisfy(line -> assertThat(line.context())
                        .as("%s", line)
                        .containsEntry(LoggingKeys.REMEDIATION, remediation)
                        .containsKeys(LoggingKeys.TRIGGER, LoggingKeys.HANDLING));
        assertThat(handling)
                .filteredOn(line -> line.logger().startsWith(RECONCILER + "handle."))
                .allSatisfy(line -> assertThat(line.context())
                        .as("%s", line)
                        .containsKeys(LoggingKeys.TRIGGER, LoggingKeys.HANDLING));
        // the id is a field, not repeated in the text (other objects' names may start with it: loki-s3-credentials)
        Pattern bindingInText = Pattern.compile(Pattern.quote(LOKI.toString()) + "(?![-.\\w])");
        assertThat(handling)
                .filteredOn(line -> line.logger().startsWith(RECONCILER + "handle."))
                .extracting(LogCapture.Line::message)
                .noneMatch(message -> bindingInText.matcher(message).find());
    }
}
