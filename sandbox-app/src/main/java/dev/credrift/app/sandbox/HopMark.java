package dev.credrift.app.sandbox;

/** How one hop of a chain stands: holds a key the store accepts (✓), does not (✗), or cannot be judged (·). */
enum HopMark {
    GOOD("✓"),
    BAD("✗"),
    UNKNOWN("·");

    private final String symbol;

    HopMark(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    static HopMark of(boolean good) {
        return good ? GOOD : BAD;
    }
}
