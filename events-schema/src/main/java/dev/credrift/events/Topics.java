package dev.credrift.events;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The actual Kafka topic names, in one place: {@code credrift.<role>} by default, overridable by prefix
 * or per topic. Immutable.
 */
public final class Topics {

    /** The default prefix. */
    public static final String DEFAULT_PREFIX = "credrift";

    // Kafka's own rule: legal characters, at most 249 of them, and not "." or "..".
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private final Map<Topic, String> names;

    private Topics(Map<Topic, String> names) {
        this.names = Collections.unmodifiableMap(new EnumMap<>(names));
    }

    /** {@code credrift.observations}, {@code credrift.outcomes}, … */
    public static Topics defaults() {
        return withPrefix(DEFAULT_PREFIX);
    }

    /** {@code <prefix>.observations}, {@code <prefix>.outcomes}, … */
    public static Topics withPrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            throw new ContractViolation("topic prefix", "must not be empty");
        }
        Map<Topic, String> names = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            names.put(topic, checked(topic, prefix + "." + topic.suffix()));
        }
        return new Topics(names);
    }

    /** A copy with one topic renamed; every name must be a legal Kafka topic name and distinct. */
    public Topics with(Topic topic, String name) {
        Map<Topic, String> copy = new EnumMap<>(names);
        copy.put(topic, checked(topic, name));
        for (Topic other : Topic.values()) {
            if (other != topic && copy.get(other).equals(name)) {
                throw new ContractViolation("topic " + topic.name(), "must differ from topic " + other.name());
            }
        }
        return new Topics(copy);
    }

    /** The name of a topic. */
    public String name(Topic topic) {
        return names.get(topic);
    }

    /** Which role a topic name plays, if any. */
    public Optional<Topic> topicOf(String name) {
        return names.entrySet().stream()
                .filter(e -> e.getValue().equals(name))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** All names by role, in {@link Topic} order. */
    public Map<Topic, String> asMap() {
        return names;
    }

    private static String checked(Topic topic, String name) {
        if (name == null || !LEGAL.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new ContractViolation(
                    "topic " + topic.name(),
                    "must be a legal Kafka topic name: 1-249 of [a-zA-Z0-9._-], not '.' or '..'");
        }
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Topics other && names.equals(other.names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        return "Topics" + names;
    }
}
