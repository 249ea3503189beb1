package dev.credrift.sandbox.world;

import dev.credrift.sandbox.onepassword.Fault;
import dev.credrift.sandbox.onepassword.OnePasswordConnectEmulator;
import dev.credrift.sandbox.world.spec.ConnectFaultSpec;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// A world file's onePassword.faults, placed on the clock once the timeline starts (their windows count from then).
final class ConnectFaultWindows {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectFaultWindows.class);

    private ConnectFaultWindows() {}

    static void inject(OnePasswordConnectEmulator emulator, List<ConnectFaultSpec> faults, Instant timelineStart) {
        for (ConnectFaultSpec fault : faults) {
            emulator.injectFault(
                    fault.method().orElse(null),
                    fault(fault.kind()),
                    timelineStart.plus(fault.from()),
                    timelineStart.plus(fault.until()));
            LOG.info("{}", fault.describe());
        }
    }

    static Fault fault(ConnectFaultSpec.Kind kind) {
        if (kind instanceof ConnectFaultSpec.Status s) {
            return s.status() == 429
                    ? new Fault.Respond(429, "Too many requests", s.retryAfter())
                    : new Fault.Respond(s.status(), "Injected failure (status " + s.status() + ")", s.retryAfter());
        }
        if (kind instanceof ConnectFaultSpec.Delay d) {
            return Fault.delay(d.delay());
        }
        return Fault.hang();
    }
}
