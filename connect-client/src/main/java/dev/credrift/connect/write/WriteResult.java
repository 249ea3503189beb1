package dev.credrift.connect.write;

import dev.credrift.connect.ItemRef;

/**
 * The outcome of a field write that is now visible to readers.
 *
 * @param item             the item at the version that holds the new values
 * @param changed          {@code false} when every field already had its value and nothing was sent
 * @param readBackAttempts how many reads it took to see the write (0 when nothing was sent)
 */
public record WriteResult(ItemRef item, boolean changed, int readBackAttempts) {}
