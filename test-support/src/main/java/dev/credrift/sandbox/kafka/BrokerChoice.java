package dev.credrift.sandbox.kafka;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Which broker {@link KafkaBrokerExtension} gives tests, from the system property
 * {@value #PROPERTY} or else the environment variable {@value #ENVIRONMENT}:
 * {@code embedded}, {@code testcontainers}, or {@code auto} (the default: a container when Docker is
 * reachable, the embedded broker otherwise).
 */
enum BrokerChoice {
    AUTO,
    EMBEDDED,
    TESTCONTAINERS;

    static final String PROPERTY = "credrift.test.kafka";
    static final String ENVIRONMENT = "CREDRIFT_TEST_KAFKA";

    static BrokerChoice fromEnvironment() {
        return from(System::getProperty, System.getenv());
    }

    static BrokerChoice from(Function<String, String> systemProperties, Map<String, String> environment) {
        String property = systemProperties.apply(PROPERTY);
        if (property != null && !property.isBlank()) {
            return parse(property, PROPERTY);
        }
        String variable = environment.get(ENVIRONMENT);
        if (variable != null && !variable.isBlank()) {
            return parse(variable, ENVIRONMENT);
        }
        return AUTO;
    }

    private static BrokerChoice parse(String value, String source) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    source + " must be one of embedded, testcontainers, auto; got '" + value + "'", e);
        }
    }
}
