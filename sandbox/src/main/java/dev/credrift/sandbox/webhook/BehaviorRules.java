package dev.credrift.sandbox.webhook;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

// Behaviours per path, consulted newest first; a rule with a count wears out, then older rules apply again.
final class BehaviorRules {

    private static final int FOREVER = -1;

    private final List<Rule> rules = new ArrayList<>();

    synchronized void add(String path, SinkBehavior behavior, int times) {
        if (times == 0 || times < FOREVER) {
            throw new IllegalArgumentException("times must be positive");
        }
        rules.add(0, new Rule(path, behavior, times));
    }

    synchronized void clear() {
        rules.clear();
    }

    synchronized Optional<SinkBehavior> take(String path) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.path == null || rule.path.equals(path)) {
                if (rule.remaining != FOREVER && --rule.remaining == 0) {
                    it.remove();
                }
                return Optional.of(rule.behavior);
            }
        }
        return Optional.empty();
    }

    static int forever() {
        return FOREVER;
    }

    private static final class Rule {
        final String path;
        final SinkBehavior behavior;
        int remaining;

        Rule(String path, SinkBehavior behavior, int remaining) {
            this.path = path;
            this.behavior = behavior;
            this.remaining = remaining;
        }
    }
}
