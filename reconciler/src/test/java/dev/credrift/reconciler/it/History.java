package dev.credrift.reconciler.it;

import dev.credrift.events.payload.StepKind;
import dev.credrift.reconciler.ReconcilerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One generated history of a moving world, a pure function of its seed: a few bindings sharing store users and
 * workloads, the reconciler's limits, and moves at random times — some at a wall-clock offset, some at the first
 * boundary of a remediation step after it (so that the world changes <em>during</em> a remediation).
 *
 * @param seed      replays the same history ({@code -Dcredrift.soak.seed=})
 * @param users     the store users (Rook object store users) the bindings draw from
 * @param bindings  per binding {@code b-<i>}: the index of its user in {@code users}
 * @param shared    whether a Deployment {@code shared} reads the replicas of bindings 0 and 1
 * @param maxPerHour every binding's {@code spec.rollout.maxPerHour} (a small one runs out)
 * @param limits    the reconciler's budgets (small ones run out)
 * @param moves     what happens, by time
 */
record History(
        long seed,
        List<String> users,
        List<Integer> bindings,
        boolean shared,
        int maxPerHour,
        ReconcilerConfig.Limits limits,
        List<Timed> moves) {

    /** A move at {@code at} from the start of the history, or at the first step boundary of {@code anchor} after it. */
    record Timed(Duration at, Optional<StepKind> anchor, Move move) {

        @Override
        public String toString() {
            return "+" + at.toMillis() + "ms"
                    + anchor.map(k -> " (at the next " + k + ")").orElse("") + " " + move;
        }
    }

    /** Something the world (or an operator) does. */
    sealed interface Move {}

    /** RGW regenerates the user's keys and Rook rewrites its Secret. */
    record Rotate(String user) implements Move {}

    /** The store suspends the user (every key of it answers {@code UserSuspended}). */
    record Suspend(String user) implements Move {}

    /** The store lifts the suspension. */
    record Reinstate(String user) implements Move {}

    /** A human types another secret into binding {@code binding}'s 1Password item. */
    record EditVault(int binding) implements Move {}

    /** Someone sets {@code spec.refreshInterval} of binding {@code binding}'s ExternalSecret. */
    record RefreshInterval(int binding, String interval) implements Move {}

    /** {@code kubectl rollout pause} / {@code resume} of a Deployment. */
    record Pause(String deployment, boolean paused) implements Move {}

    /** {@code kubectl delete pod} of a workload's first pod. */
    record DeletePod(String workload) implements Move {}

    /** The reconciler process dies; a new one starts {@code down} later on the same journal and group. */
    record Crash(Duration down) implements Move {}

    /** Every user rotated at once: a burst that runs into the budgets. */
    record Burst() implements Move {}

    private static final StepKind[] ANCHORS = {
        StepKind.PROBE_STORE,
        StepKind.WRITE_VAULT,
        StepKind.FORCE_SYNC,
        StepKind.AWAIT_REPLICA,
        StepKind.ROLL_OUT,
        StepKind.AWAIT_READY
    };
    private static final String[] INTERVALS = {"5s", "1h", "0"};

    /** The history of {@code seed}. */
    static History generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> users = random.nextBoolean() ? List.of("u0", "u1") : List.of("u0");
        int count = 2 + random.nextInt(2);
        List<Integer> bindings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bindings.add(i < users.size() ? i : random.nextInt(users.size()));
        }
        boolean shared = random.nextBoolean();
        int maxPerHour = 1 + random.nextInt(4);
        ReconcilerConfig.Limits limits = random.nextInt(3) == 0
                ? new ReconcilerConfig.Limits(1 + random.nextInt(3), 1 + random.nextInt(2), Duration.ofMillis(500))
                : ReconcilerConfig.Limits.defaults();
        List<String> deployments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            deployments.add("app-" + i);
        }
        if (shared) {
            deployments.add("shared");
        }

        List<Timed> moves = new ArrayList<>();
        int planned = 3 + random.nextInt(5);
        boolean crashed = false;
        for (int n = 0; n < planned; n++) {
            Duration at = Duration.ofMillis(random.nextLong(12_000));
            Optional<StepKind> anchor =
                    random.nextInt(3) == 0 ? Optional.of(ANCHORS[random.nextInt(ANCHORS.length)]) : Optional.empty();
            String user = users.get(random.nextInt(users.size()));
            int binding = random.nextInt(count);
            int kind = random.nextInt(10);
            switch (kind) {
                case 0, 1, 2 -> {
                    moves.add(new Timed(at, anchor, new Rotate(user)));
                    if (random.nextInt(3) == 0) {
                        // twice within a second
                        moves.add(new Timed(
                                at.plusMillis(150 + random.nextLong(800)), Optional.empty(), new Rotate(user)));
                    }
                }
                case 3 -> {
                    moves.add(new Timed(at, anchor, new Suspend(user)));
                    if (random.nextInt(4) != 0) {
                        moves.add(new Timed(
                                at.plusMillis(500 + random.nextLong(5_000)), Optional.empty(), new Reinstate(user)));
                    }
                }
                case 4 -> moves.add(new Timed(at, anchor, new EditVault(binding)));
                case 5 ->
                    moves.add(new Timed(
                            at, anchor, new RefreshInterval(binding, INTERVALS[random.nextInt(INTERVALS.length)])));
                case 6 -> {
                    String deployment = deployments.get(random.nextInt(deployments.size()));
                    moves.add(new Timed(at, anchor, new Pause(deployment, true)));
                    if (random.nextInt(4) != 0) {
                        moves.add(new Timed(
                                at.plusMillis(500 + random.nextLong(5_000)),
                                Optional.empty(),
                                new Pause(deployment, false)));
                    }
                }
                case 7 ->
                    moves.add(
                            new Timed(at, anchor, new DeletePod(deployments.get(random.nextInt(deployments.size())))));
                case 8 -> {
                    if (!crashed) {
                        crashed = true;
                        moves.add(new Timed(at, anchor, new Crash(Duration.ofMillis(200 + random.nextLong(3_000)))));
                    } else {
                        moves.add(new Timed(at, anchor, new Rotate(user)));
                    }
                }
                default -> moves.add(new Timed(at, anchor, new Burst()));
            }
        }
        moves.sort(Comparator.comparing(Timed::at));
        return new History(seed, users, List.copyOf(bindings), shared, maxPerHour, limits, List.copyOf(moves));
    }

    /** The same history without the Deployment {@code shared} and the moves on it (-Dcredrift.soak.shared=false). */
    History withoutShared() {
        List<Timed> kept = moves.stream()
                .filter(t -> !(t.move() instanceof Pause p && p.deployment().equals("shared")))
                .filter(t -> !(t.move() instanceof DeletePod d && d.workload().equals("shared")))
                .toList();
        return new History(seed, users, bindings, false, maxPerHour, limits, kept);
    }

    /** The workloads that read binding {@code binding}'s replica. */
    List<String> workloadsOf(int binding) {
        return shared && binding < 2 ? List.of("app-" + binding, "shared") : List.of("app-" + binding);
    }

    /** The bindings whose replica workload {@code workload} reads. */
    List<Integer> bindingsOf(String workload) {
        if (workload.equals("shared")) {
            return List.of(0, 1);
        }
        return List.of(Integer.parseInt(workload.substring("app-".length())));
    }

    /** Every workload, by name. */
    List<String> workloads() {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < bindings.size(); i++) {
            all.add("app-" + i);
        }
        if (shared) {
            all.add("shared");
        }
        return all;
    }

    String userOf(int binding) {
        return users.get(bindings.get(binding));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("history seed=" + seed + ": " + bindings.size() + " bindings on users "
                + users + " (b-i → user " + bindings + ")" + (shared ? ", Deployment shared reads b-0 and b-1" : "")
                + ", maxPerHour " + maxPerHour + ", limits " + limits + "\n");
        moves.forEach(m -> text.append("    ").append(m).append('\n'));
        return text.toString();
    }
}
