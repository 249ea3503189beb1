package dev.credrift.sandbox.onepassword;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

// Injected faults, consulted in order for each /v1 request; a rule with a count wears out, a rule with a time window
// applies only inside it [from, until) and is dropped once it has passed.
final class FaultRules {

    private static final int FOREVER = -1;

    private final List<Rule> rules = new ArrayList<>();

    synchronized void add(String method, Fault fault, int times) {
        if (times == 0 || times < FOREVER) {
            throw new IllegalArgumentException("times must be positive");
        }
        rules.add(new Rule(method, fault, times, Instant.MIN, Instant.MAX));
    }

    synchronized void addWindow(String method, Fault fault, Instant from, Instant until) {
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("a fault window must end after it starts");
        }
        rules.add(new Rule(method, fault, FOREVER, from, until));
    }

    synchronized void addForever(String method, Fault fault) {
        rules.add(new Rule(method, fault, FOREVER, Instant.MIN, Instant.MAX));
    }

    synchronized void clear() {
        rules.clear();
    }

    synchronized Optional<Fault> take(String method, Instant now) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (!now.isBefore(rule.until)) {
                it.remove();
                continue;
            }
            if (now.isBefore(rule.from)) {
                continue;
            }
            if (rule.method == null || rule.method.equalsIgnoreCase(method)) {
                if (rule.remaining != FOREVER && --rule.remaining == 0) {
                    it.remove();
                }
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }

    private static final class Rule {
        final String method;
        final Fault fault;
        final Instant from;
        final Instant until;
        int remaining;

        Rule(String method, Fault fault, int remaining, Instant from, Instant until) {
            this.method = method;
            this.fault = fault;
            this.remaining = remaining;
            this.from = from;
            this.until = until;
        }
    }
}
