package dev.credrift.reconciler.rotate;

import dev.credrift.api.spec.RotationWindow;
import dev.credrift.api.spec.Weekday;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * When a rotation window is open. A window belongs to the day it opens on: {@code Sat 22:00-04:00} is open from
 * Saturday 22:00 to Sunday 04:00. Daylight-saving gaps shift an opening to the first valid instant (java.time).
 */
final class WindowCalendar {

    private static final int DAYS_AHEAD = 8;

    private WindowCalendar() {}

    /**
     * {@code now} when the window is open, else the next opening; empty when the window is malformed (the
     * validator says why) or never opens.
     */
    static Optional<Instant> nextOpening(RotationWindow window, Instant now) {
        Optional<ZoneId> zone = window.zone();
        if (zone.isEmpty() || window.hours() != null && window.hourRange().isEmpty()) {
            return Optional.empty();
        }
        Set<DayOfWeek> days = days(window);
        LocalTime opens = window.hourRange().map(RotationWindow.Hours::opens).orElse(LocalTime.MIDNIGHT);
        LocalTime closes = window.hourRange().map(RotationWindow.Hours::closes).orElse(LocalTime.MIDNIGHT);
        LocalDate today = now.atZone(zone.get()).toLocalDate();
        // from yesterday: a window that opened yesterday evening may still be open
        for (int offset = -1; offset <= DAYS_AHEAD; offset++) {
            LocalDate day = today.plusDays(offset);
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime start = ZonedDateTime.of(day, opens, zone.get());
            ZonedDateTime end = ZonedDateTime.of(closes.isAfter(opens) ? day : day.plusDays(1), closes, zone.get());
            if (!now.isBefore(start.toInstant()) && now.isBefore(end.toInstant())) {
                return Optional.of(now);
            }
            if (start.toInstant().isAfter(now)) {
                return Optional.of(start.toInstant());
            }
        }
        return Optional.empty();
    }

    private static Set<DayOfWeek> days(RotationWindow window) {
        if (window.days().isEmpty()) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (Weekday day : window.days()) {
            if (day != null && day.day() != null) {
                days.add(day.day());
            }
        }
        return days;
    }
}
