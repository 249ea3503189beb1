package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a due rotation may start: on these days, between these hours, in this time zone. A rotation that started
 * inside the window is finished even when the window closes meanwhile (stopping half-way is worse).
 *
 * @param days     the days the window opens; empty means every day
 * @param hours    {@code HH:MM-HH:MM}, start inclusive, end exclusive; an end before the start crosses midnight (the
 *                 window belongs to the day it opens on); absent means the whole day
 * @param timeZone an IANA zone such as {@code Europe/Berlin} (default {@code UTC})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RotationWindow(List<Weekday> days, String hours, String timeZone) {

    public static final String DEFAULT_TIME_ZONE = "UTC";

    private static final String TIME = "([01][0-9]|2[0-3]):([0-5][0-9])";
    private static final Pattern HOURS = Pattern.compile(TIME + "-" + TIME);

    public RotationWindow {
        // null entries are kept so that the validator can name them
        days = days == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(days));
        timeZone = timeZone == null ? DEFAULT_TIME_ZONE : timeZone;
    }

    /** Opening (inclusive) and closing (exclusive) time; {@code closes} before {@code opens} crosses midnight. */
    public record Hours(LocalTime opens, LocalTime closes) {}

    /** The opening and closing time of day; empty when {@link #hours()} is absent or malformed. */
    @JsonIgnore
    public Optional<Hours> hourRange() {
        if (hours == null) {
            return Optional.empty();
        }
        Matcher m = HOURS.matcher(hours);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Hours(
                LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)))));
    }

    /** The zone; empty when {@link #timeZone()} is not one {@code java.time} knows. */
    @JsonIgnore
    public Optional<ZoneId> zone() {
        try {
            return Optional.of(ZoneId.of(timeZone));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
