package dev.credrift.watcher.vault;

import dev.credrift.connect.ConnectAnswer;
import dev.credrift.connect.ConnectReader;
import java.util.Objects;
import java.util.function.Consumer;

/** Hands every answer of {@code delegate} to {@code answers} (metrics) before returning it. */
record ObservedConnectReader(ConnectReader delegate, Consumer<ConnectAnswer> answers) implements ConnectReader {

    ObservedConnectReader {
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(answers, "answers");
    }

    @Override
    public ConnectAnswer get(String pathAndQuery) {
        ConnectAnswer answer = delegate.get(pathAndQuery);
        answers.accept(answer);
        return answer;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
