package dev.credrift.notifier.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.credrift.events.CredriftEvent;
import dev.credrift.events.payload.AttentionRequired;
import dev.credrift.events.payload.DriftClass;
import dev.credrift.events.payload.EventPayload;
import dev.credrift.events.payload.PlannedStep;
import dev.credrift.events.payload.RemediationFailed;
import dev.credrift.events.payload.RemediationHalted;
import dev.credrift.events.payload.RemediationStepFinished;
import dev.credrift.events.payload.RemediationSucceeded;
import dev.credrift.events.payload.RotationFailed;
import dev.credrift.events.payload.StepKind;
import dev.credrift.events.payload.StoreVerdict;
import dev.credrift.notifier.report.Report;
import dev.credrift.notifier.report.ReportKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link Report} as a Slack incoming-webhook message: header, facts (binding, drift,
 * result, duration), the hop chain at detection, what happened, what credrift did (or would do),
 * and ids. Only what events carry ends up in a message: fingerprints and masked key ids, never a
 * credential. Thread-safe.
 */
public final class SlackRenderer {

    /** The most sections the step list may take, so that the whole message stays under 50 blocks. */
    static final int MAX_STEP_SECTIONS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<StepKind, String> DONE = new EnumMap<>(StepKind.class);
    private static final Map<StepKind, String> TODO = new EnumMap<>(StepKind.class);

    static {
        step(StepKind.PROBE_STORE, "Probed the store", "Probe the store");
        step(StepKind.WRITE_VAULT, "Wrote the vault item", "Write the vault item");
        step(StepKind.FORCE_SYNC, "Forced an ESO sync", "Force an ESO sync");
        step(StepKind.AWAIT_REPLICA, "Waited for the replica", "Wait for the replica");
        step(StepKind.CREATE_STORE_ACCOUNT, "Created the store account", "Create the store account");
        step(StepKind.ROLL_OUT, "Restarted", "Restart");
        step(StepKind.AWAIT_READY, "Waited for readiness", "Wait for readiness");
    }

    /** The message as JSON. */
    public ObjectNode render(Report report, String sinkName) {
        BlockKit kit = new BlockKit();
        String title = title(report);
        kit.header(emoji(report) + " " + title);
        kit.fields(facts(report));
        if (report.chain() != null) {
            kit.section("*Hops at detection*\n" + Mrkdwn.code(report.chain().line()));
        }
        kit.section("*What happened*\n" + happened(report, sinkName));
        steps(report, kit);
        kit.context(context(report));
        return kit.message(RotationText.of(report).orElse(title + ": " + result(report)));
    }

    /** The message as the UTF-8 JSON body of the webhook POST. */
    public byte[] renderBytes(Report report, String sinkName) {
        try {
            return JSON.writeValueAsBytes(render(report, sinkName));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Block Kit tree always serializes", e);
        }
    }

    private static String title(Report report) {
        String binding = report.binding().toString();
        return switch (report.kind()) {
            case REMEDIATION_SUCCEEDED -> "Healed " + binding;
            case REMEDIATION_FAILED -> "Remediation failed: " + binding;
            case REMEDIATION_HALTED -> "Halted: " + binding;
            case ALERT ->
                (report.event().payload() instanceof AttentionRequired attention
                                ? attentionTitle(attention.reason())
                                : alertTitle(report.driftClass()))
                        + ": " + binding;
            case DRY_RUN -> "Drift found (observe mode): " + binding;
            case BACK_IN_SYNC -> "Back in sync: " + binding;
            case ROTATION_STARTED -> "Rotating " + binding;
            case ROTATION_COMPLETED -> "Rotated " + binding;
            case ROTATION_FAILED ->
                (((RotationFailed) report.event().payload()).oldKeyKept() ? "Rotation halted: " : "Rotation failed: ")
                        + binding;
            case TEST -> "credrift test message";
        };
    }

    private static String alertTitle(DriftClass driftClass) {
        if (driftClass == null) {
            return "Alert";
        }
        return switch (driftClass) {
            case AUTHORITY_REJECTED -> "The store rejects the authority's credential";
            case ENDPOINT_UNTRUSTED -> "Store endpoint not trusted";
            case IDENTITY_REJECTED -> "Identity exchange rejected";
            case REPLICA_UNSYNCABLE -> "ESO will not sync the replica";
            default -> "Drift " + driftClass.name();
        };
    }

    private static String attentionTitle(AttentionRequired.Reason reason) {
        return switch (reason) {
            case AUTHORITY_UNREADABLE -> "The authority's credential cannot be read";
            case VAULT_UNREADABLE -> "The vault item cannot be read";
            case REPLICA_UNREADABLE -> "The replica cannot be read";
            case CONSUMER_PAUSED -> "A consumer is paused";
        };
    }

    private static String emoji(Report report) {
        return switch (report.kind()) {
            case REMEDIATION_SUCCEEDED -> ":white_check_mark:";
            case REMEDIATION_FAILED -> ":x:";
            case REMEDIATION_HALTED -> ":octagonal_sign:";
            case ALERT -> ":rotating_light:";
            case DRY_RUN -> ":eyes:";
            case BACK_IN_SYNC -> ":large_green_circle:";
            case ROTATION_STARTED -> ":arrows_counterclockwise:";
            case ROTATION_COMPLETED -> ":white_check_mark:";
            case ROTATION_FAILED -> ":octagonal_sign:";
            case TEST -> ":bell:";
        };
    }

    private static String result(Report report) {
        EventPayload payload = report.event().payload();
        return switch (report.kind()) {
            case REMEDIATION_SUCCEEDED -> "healed in " + DurationText.of(report.duration());
            case REMEDIATION_FAILED -> "failed with " + ((RemediationFailed) payload).errorCode();
            case REMEDIATION_HALTED -> "halted, " + ((RemediationHalted) payload).reason();
            case ALERT -> "alert only, nothing changed";
            case DRY_RUN -> "observe mode, nothing changed";
            case BACK_IN_SYNC -> "in sync again";
            case ROTATION_STARTED -> "rotating";
            case ROTATION_COMPLETED -> "rotated, old key revoked";
            case ROTATION_FAILED -> "stopped with " + ((RotationFailed) payload).reason();
            case TEST -> "the sink works";
        };
    }

    private static List<String> facts(Report report) {
        List<String> facts = new ArrayList<>();
        facts.add("*Binding*\n" + Mrkdwn.code(report.binding().toString()));
        if (report.driftClass() != null) {
            facts.add("*Drift*\n" + Mrkdwn.code(report.driftClass().name()));
        }
        if (report.drift() != null) {
            facts.add("*Authority*\n" + report.drift().authority().name().charAt(0)
                    + report.drift().authority().name().substring(1).toLowerCase(Locale.ROOT));
        }
        if (report.event().payload() instanceof AttentionRequired attention) {
            facts.add("*Reason*\n" + Mrkdwn.code(attention.reason().name()));
        }
        facts.add("*Result*\n" + resultFact(report));
        Duration duration = report.duration();
        switch (report.kind()) {
            case REMEDIATION_SUCCEEDED, REMEDIATION_FAILED, REMEDIATION_HALTED ->
                facts.add("*Took*\n" + DurationText.of(duration));
            case BACK_IN_SYNC -> {
                if (duration != null) {
                    facts.add("*Drifted for*\n" + DurationText.of(duration));
                }
            }
            default -> {
                // alerts, dry runs and tests took no time of ours
            }
        }
        // ACCEPTED is the normal case and says nothing; the other verdicts are the story
        if (report.drift() != null
                && report.drift().storeVerdict() != null
                && report.drift().storeVerdict() != StoreVerdict.ACCEPTED) {
            facts.add(
                    "*Store says*\n" + Mrkdwn.code(report.drift().storeVerdict().name()));
        }
        return facts;
    }

    private static String resultFact(Report report) {
        EventPayload payload = report.event().payload();
        return switch (report.kind()) {
            case REMEDIATION_SUCCEEDED -> "Healed";
            case REMEDIATION_FAILED -> "Failed " + Mrkdwn.code(((RemediationFailed) payload).errorCode());
            case REMEDIATION_HALTED ->
                "Halted " + Mrkdwn.code(((RemediationHalted) payload).reason().name());
            case ALERT -> "Alert only: nothing changed";
            case DRY_RUN -> "Observe mode: nothing changed";
            case BACK_IN_SYNC -> "In sync again";
            case ROTATION_STARTED -> "Rotating";
            case ROTATION_COMPLETED -> "Rotated, old key revoked";
            case ROTATION_FAILED ->
                (((RotationFailed) payload).oldKeyKept() ? "Halted " : "Failed ")
                        + Mrkdwn.code(((RotationFailed) payload).reason());
            case TEST -> "Test";
        };
    }

    private static String happened(Report report, String sinkName) {
        EventPayload payload = report.event().payload();
        return switch (report.kind()) {
            case REMEDIATION_SUCCEEDED ->
                "Every hop now holds the authority's credential "
                        + Mrkdwn.code(
                                ((RemediationSucceeded) payload).fingerprint().value()) + "."
                        + driftDetail(report);
            case REMEDIATION_FAILED -> {
                RemediationFailed failed = (RemediationFailed) payload;
                yield Mrkdwn.text(failed.detail()) + "\n"
                        + (failed.willRetry()
                                ? "credrift will try again."
                                : "credrift will not retry: a human must look.");
            }
            case REMEDIATION_HALTED ->
                Mrkdwn.text(((RemediationHalted) payload).detail())
                        + "\nNo automatic actions until the halt is cleared or the binding changes.";
            case ALERT ->
                (payload instanceof AttentionRequired attention
                                ? Mrkdwn.text(attention.detail()) + "\n"
                                : report.drift() == null
                                        ? ""
                                        : Mrkdwn.text(report.drift().detail()) + "\n")
                        + "credrift does not heal this by itself: a human must act.";
            case DRY_RUN ->
                "The binding is in " + Mrkdwn.code("mode: Observe") + ": nothing was changed." + driftDetail(report);
            case BACK_IN_SYNC ->
                "Every hop holds the same credential again, healed outside credrift." + driftDetail(report);
            case ROTATION_STARTED, ROTATION_COMPLETED ->
                Mrkdwn.text(RotationText.of(report).orElseThrow()) + ".";
            case ROTATION_FAILED -> {
                RotationFailed failed = (RotationFailed) payload;
                yield Mrkdwn.text(RotationText.of(report).orElseThrow()) + ".\n" + Mrkdwn.text(failed.detail()) + "\n"
                        + (failed.oldKeyKept()
                                ? "Nothing was revoked: consumers keep working on the old key. Fix the cause, then"
                                        + " ask again (`credrift rotate`)."
                                : "A human must look now: the old key is gone.");
            }
            case TEST -> "If you can read this, sink " + Mrkdwn.code(sinkName) + " works.";
        };
    }

    private static String driftDetail(Report report) {
        return report.drift() == null
                ? ""
                : "\n_Detected:_ " + Mrkdwn.text(report.drift().detail());
    }

    private static void steps(Report report, BlockKit kit) {
        List<String> lines = new ArrayList<>();
        String heading;
        if (report.kind() == ReportKind.DRY_RUN) {
            heading = "*What credrift would do*";
            int n = 1;
            for (PlannedStep step : report.planned()) {
                lines.add(n++ + ". " + TODO.get(step.kind()) + " \u00b7 " + Mrkdwn.code(step.target()));
            }
        } else {
            heading = "*What credrift did*";
            for (RemediationStepFinished step : report.steps()) {
                lines.add(stepLine(step));
            }
            if (lines.isEmpty() && !report.planned().isEmpty() && report.remediationId() != null) {
                lines.add("_No step finished._");
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        int room = Math.min(MAX_STEP_SECTIONS, BlockKit.MAX_BLOCKS - kit.size() - 1);
        for (String section : sections(heading, lines, room)) {
            kit.section(section);
        }
    }

    private static String stepLine(RemediationStepFinished step) {
        String line = switch (step.result()) {
            case DONE ->
                "\u2713 " + DONE.get(step.kind()) + " \u00b7 " + Mrkdwn.code(step.target()) + " \u00b7 "
                        + DurationText.of(Duration.ofMillis(step.durationMillis()));
            case ALREADY_DONE ->
                "\u21b7 " + DONE.get(step.kind()) + " \u00b7 " + Mrkdwn.code(step.target()) + " \u00b7 already done";
            case FAILED ->
                "\u2717 " + DONE.get(step.kind()) + " \u00b7 " + Mrkdwn.code(step.target()) + " \u00b7 failed after "
                        + DurationText.of(Duration.ofMillis(step.durationMillis()));
        };
        return step.detail() == null ? line : line + "\n      " + Mrkdwn.text(step.detail());
    }

    /** Lines packed into sections of at most {@link BlockKit#MAX_SECTION_TEXT} characters, at most {@code room} of them. */
    static List<String> sections(String heading, List<String> lines, int room) {
        int max = BlockKit.MAX_SECTION_TEXT;
        List<String> sections = new ArrayList<>();
        StringBuilder current = new StringBuilder(heading);
        for (int i = 0; i < lines.size(); i++) {
            String line = BlockKit.truncate(lines.get(i), max - 1);
            if (current.length() + 1 + line.length() > max) {
                if (sections.size() + 1 == room) {
                    sections.add(withNote(current, lines.size() - i, max));
                    return sections;
                }
                sections.add(current.toString());
                current = new StringBuilder();
            } else if (current.length() > 0) {
                current.append('\n');
            }
            current.append(line);
        }
        sections.add(current.toString());
        return sections;
    }

    private static String withNote(StringBuilder section, int left, int max) {
        String note = "\n_\u2026 " + left + " more not shown_";
        String text = section.toString();
        if (text.length() + note.length() > max) {
            text = BlockKit.truncate(text, max - note.length());
        }
        return text + note;
    }

    private static List<String> context(Report report) {
        CredriftEvent event = report.event();
        List<String> context = new ArrayList<>();
        if (report.remediationId() != null) {
            context.add("remediation " + Mrkdwn.code(report.remediationId()));
        }
        context.add("event " + Mrkdwn.code(event.id()));
        context.add(Mrkdwn.text(event.type().typeName()));
        context.add(event.time().toString());
        return context;
    }

    private static void step(StepKind kind, String done, String todo) {
        DONE.put(kind, done);
        TODO.put(kind, todo);
    }
}
