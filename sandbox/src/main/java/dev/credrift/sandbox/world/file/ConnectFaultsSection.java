package dev.credrift.sandbox.world.file;

import dev.credrift.sandbox.world.spec.ConnectFaultSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code onePassword.faults}: windows of the timeline in which the Connect emulator fails requests.
 * <pre>
 * onePassword:
 *   faults:
 *     - {from: 2s, until: 12s, status: 429, retryAfter: 3s, method: PATCH}  # rate limited, Retry-After in seconds
 *     - {from: 20s, until: 25s, status: 503}                              # any 5xx
 *     - {from: 30s, until: 40s, delay: 15s}                               # answers late (past a 10 s client timeout)
 *     - {from: 50s, until: 55s, hang: true}                               # no answer at all
 * </pre>
 * {@code from}/{@code until} count from the start of the timeline, like {@code at} of timeline steps; exactly one of
 * {@code status}, {@code delay}, {@code hang}; {@code method} (GET, POST, PUT, PATCH, DELETE) narrows it to one.
 */
final class ConnectFaultsSection {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final List<String> KINDS = List.of("status", "delay", "hang");

    private ConnectFaultsSection() {}

    static List<ConnectFaultSpec> read(List<YamlNode> nodes) {
        List<ConnectFaultSpec> faults = new ArrayList<>();
        for (YamlNode node : nodes) {
            faults.add(fault(Fields.of(node, "a 1Password Connect fault")));
        }
        return faults;
    }

    private static ConnectFaultSpec fault(Fields f) {
        Duration from = f.requiredDuration("from");
        Duration until = f.requiredDuration("until");
        if (until.compareTo(from) <= 0) {
            throw f.error("until", "must be later than from");
        }
        Optional<String> method = f.optionalString("method");
        if (method.isPresent() && !METHODS.contains(method.get())) {
            throw f.error("method", "must be one of GET, POST, PUT, PATCH, DELETE");
        }
        List<String> given = KINDS.stream().filter(f::has).toList();
        if (given.size() != 1) {
            throw new WorldFileException(
                    f.location(),
                    f.path(),
                    given.isEmpty() ? "needs one of status, delay, hang" : "has more than one of " + given);
        }
        ConnectFaultSpec.Kind kind = switch (given.get(0)) {
            case "status" -> status(f);
            case "delay" -> {
                Duration delay = f.requiredDuration("delay");
                if (delay.isZero()) {
                    throw f.error("delay", "must be more than 0");
                }
                yield new ConnectFaultSpec.Delay(delay);
            }
            default -> {
                if (!f.bool("hang", false)) {
                    throw f.error("hang", "must be true (leave it out for no hang)");
                }
                yield new ConnectFaultSpec.Hang();
            }
        };
        if (!(kind instanceof ConnectFaultSpec.Status) && f.has("retryAfter")) {
            throw f.error("retryAfter", "goes with status only");
        }
        ConnectFaultSpec spec = new ConnectFaultSpec(from, until, method, kind, f.location());
        f.done();
        return spec;
    }

    private static ConnectFaultSpec.Status status(Fields f) {
        int status = f.integer("status");
        if (status != 429 && (status < 500 || status > 599)) {
            throw f.error("status", "must be 429 or a 5xx status");
        }
        Optional<Duration> retryAfter = f.optionalDuration("retryAfter");
        if (retryAfter.isPresent() && (retryAfter.get().toNanos() % 1_000_000_000L != 0)) {
            throw f.error("retryAfter", "must be whole seconds, as Retry-After is");
        }
        return new ConnectFaultSpec.Status(status, retryAfter);
    }
}
