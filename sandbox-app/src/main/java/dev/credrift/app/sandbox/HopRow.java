package dev.credrift.app.sandbox;

import java.util.Objects;
import java.util.Optional;

/**
 * One binding's chain at one moment.
 *
 * @param moment        e.g. {@code at start}, {@code at drift +3.2s}, {@code at end}
 * @param consumersNote why consumers are ✗, e.g. {@code pod loki-0 not ready: InvalidAccessKeyId (HTTP 403)}
 */
record HopRow(
        String moment,
        HopMark source,
        HopMark vault,
        HopMark replica,
        HopMark consumers,
        Optional<String> consumersNote) {

    HopRow {
        Objects.requireNonNull(moment, "moment");
        Objects.requireNonNull(consumersNote, "consumersNote");
    }

    HopRow at(String newMoment) {
        return new HopRow(newMoment, source, vault, replica, consumers, consumersNote);
    }

    /** Nothing to judge at any hop: a role-based binding has no static keys to compare with the store's. */
    boolean nothingJudged() {
        return source == HopMark.UNKNOWN
                && vault == HopMark.UNKNOWN
                && replica == HopMark.UNKNOWN
                && consumers == HopMark.UNKNOWN;
    }

    boolean allGood() {
        return source == HopMark.GOOD && vault == HopMark.GOOD && replica == HopMark.GOOD && consumers == HopMark.GOOD;
    }
}
