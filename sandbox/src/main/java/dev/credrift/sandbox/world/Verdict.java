package dev.credrift.sandbox.world;

/** Whether an expectation holds right now, and what was seen. */
record Verdict(boolean holds, String detail) {

    static Verdict holds(String detail) {
        return new Verdict(true, detail);
    }

    static Verdict not(String detail) {
        return new Verdict(false, detail);
    }
}
