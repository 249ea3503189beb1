package dev.credrift.api.access;

/** Whether the code that makes a call is in main yet. The chart grants both, so that a merge needs no chart change. */
public enum Stage {
    /** The code in main makes this call. */
    IN_CODE,
    /** A change under way makes this call (named in {@link KubeCall#why()}); granted ahead of it. */
    PENDING
}
