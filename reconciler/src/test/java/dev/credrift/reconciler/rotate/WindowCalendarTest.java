package dev.credrift.reconciler.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.api.spec.RotationWindow;
import dev.credrift.api.spec.Weekday;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a rotation window opens, in its own time zone, across midnight and daylight-saving changes. */
class WindowCalendarTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // case | days | hours | zone | now | opening
                "inside a daily window | | 02:00-05:00 | UTC | 2026-12-05T03:00:00Z | 2026-12-05T03:00:00Z",
                "before today's opening | | 02:00-05:00 | UTC | 2026-12-05T01:00:00Z | 2026-12-05T02:00:00Z",
                "closing time is exclusive | | 02:00-05:00 | UTC | 2026-12-05T05:00:00Z | 2026-12-06T02:00:00Z",
                "after midnight of an overnight | Sat | 22:00-04:00 | UTC | 2026-12-06T03:00:00Z | 2026-12-06T03:00:00Z",
                "next Saturday evening | Sat | 22:00-04:00 | UTC | 2026-12-06T04:00:00Z | 2026-12-12T22:00:00Z",
                "the zone's clock, not UTC | Sun | 02:00-05:00 | Europe/Berlin | 2026-12-05T03:00:00Z | 2026-12-06T01:00:00Z",
                "whole day when no hours | Mon,Wed | | UTC | 2026-12-05T03:00:00Z | 2026-12-07T00:00:00Z",
                "a DST gap moves the opening | Sun | 02:30-05:00 | Europe/Berlin | 2026-03-28T12:00:00Z | 2026-03-29T01:30:00Z"
            })
    void shouldFindTheOpeningWhenTheWindowIsGiven(
            String name, String days, String hours, String zone, Instant now, Instant opening) {
        List<Weekday> parsed = days == null
                ? List.of()
                : List.of(days.split(",")).stream().map(Weekday::fromWire).toList();

        assertThat(WindowCalendar.nextOpening(new RotationWindow(parsed, hours, zone), now))
                .contains(opening);
    }

    @ParameterizedTest
    @CsvSource({"2-5, UTC", "02:00-05:00, Mars/Olympus"})
    void shouldFindNoOpeningWhenTheWindowIsMalformed(String hours, String zone) {
        assertThat(WindowCalendar.nextOpening(
                        new RotationWindow(List.of(), hours, zone), Instant.parse("2026-12-05T03:00:00Z")))
                .isEmpty();
    }
}
