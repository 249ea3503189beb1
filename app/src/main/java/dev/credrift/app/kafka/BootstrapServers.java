package dev.credrift.app.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A validated {@code bootstrap.servers} value: one or more {@code host:port} entries separated by commas.
 * Validating it ourselves turns a typo into a message naming the entry, instead of a Kafka
 * {@code ConfigException} deep inside client start-up.
 */
public record BootstrapServers(List<String> entries) {

    public BootstrapServers {
        Objects.requireNonNull(entries, "entries");
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("bootstrap servers: at least one host:port is needed");
        }
        entries = List.copyOf(entries);
    }

    /**
     * Parses {@code host:port[,host:port...]}; IPv6 hosts go in brackets ({@code [::1]:9092}).
     *
     * @throws IllegalArgumentException naming the offending entry
     */
    public static BootstrapServers parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "bootstrap servers: expected host:port[,host:port...], got an empty value");
        }
        List<String> entries = new ArrayList<>();
        for (String raw : value.split(",", -1)) {
            String entry = raw.trim();
            entries.add(checkEntry(entry, value));
        }
        return new BootstrapServers(entries);
    }

    private static String checkEntry(String entry, String whole) {
        int colon = entry.lastIndexOf(':');
        if (colon <= 0 || colon == entry.length() - 1) {
            throw new IllegalArgumentException(
                    "bootstrap servers: '" + entry + "' in '" + whole + "' is not host:port");
        }
        String host = entry.substring(0, colon);
        if (host.contains(":") && !(host.startsWith("[") && host.endsWith("]"))) {
            throw new IllegalArgumentException(
                    "bootstrap servers: IPv6 host in '" + entry + "' must be in brackets, e.g. [::1]:9092");
        }
        if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("bootstrap servers: '" + entry + "' has an empty or blank host");
        }
        String port = entry.substring(colon + 1);
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "bootstrap servers: port '" + port + "' of '" + entry + "' is not a number");
        }
        if (number < 1 || number > 65_535) {
            throw new IllegalArgumentException(
                    "bootstrap servers: port " + number + " of '" + entry + "' is outside 1-65535");
        }
        return entry;
    }

    /** The value for Kafka's {@code bootstrap.servers} property. */
    public String value() {
        return String.join(",", entries);
    }

    @Override
    public String toString() {
        return value();
    }
}
