package dev.credrift.sandbox.onepassword;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

// Injected faults, consulted in order for each /v1 request; a rule with a count wears out.
final class FaultRules {

    private static final int FOREVER = -1;

    private final List<Rule> rules = new ArrayList<>();

    synchronized void add(String method, Fault fault, int times) {
        if (times == 0 || times < FOREVER) {
            throw new IllegalArgumentException("times must be positive");
        }
        rules.add(new Rule(method, fault, times));
    }

    synchronized void addForever(String method, Fault fault) {
        rules.add(new Rule(method, fault, FOREVER));
    }

    synchronized void clear() {
        rules.clear();
    }

    synchronized Optional<Fault> take(String method) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
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
        int remaining;

        Rule(String method, Fault fault, int remaining) {
            this.method = method;
            this.fault = fault;
            this.remaining = remaining;
        }
    }
}
