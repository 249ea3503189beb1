package dev.credrift.connect;

/** Read-only Connect requests; blocking; never throws. */
public interface ConnectReader extends AutoCloseable {

    /** {@code GET} of {@code pathAndQuery} (e.g. {@code /v1/vaults?filter=...}, already encoded). */
    ConnectAnswer get(String pathAndQuery);

    @Override
    default void close() {}
}
