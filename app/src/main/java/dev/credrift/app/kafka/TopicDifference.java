package dev.credrift.app.kafka;

/**
 * One way an existing topic differs from what credrift wants. Some differences break credrift's guarantees and
 * stop start-up ({@link Incompatible}); others are an operator's legitimate choice and are only reported
 * ({@link Tolerated}).
 */
public sealed interface TopicDifference {

    String topic();

    String setting();

    String expected();

    String actual();

    /** One line for logs and error messages, naming the topic and the setting. */
    String describe();

    /** A difference credrift cannot work with; {@code why} says which guarantee it would break. */
    record Incompatible(String topic, String setting, String expected, String actual, String why)
            implements TopicDifference {
        @Override
        public String describe() {
            return "topic " + topic + ": " + setting + " is '" + actual + "' but credrift needs '" + expected + "' ("
                    + why + ")";
        }
    }

    /** A difference credrift accepts (e.g. a longer retention or a higher replication factor chosen by the operator). */
    record Tolerated(String topic, String setting, String expected, String actual) implements TopicDifference {
        @Override
        public String describe() {
            return "topic " + topic + ": " + setting + " is '" + actual + "' (credrift would create it with '"
                    + expected + "'); keeping it";
        }
    }
}
