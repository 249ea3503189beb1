package dev.credrift.api.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.credrift.api.WireEnum;
import java.time.DayOfWeek;

/** A day of a rotation window, spelled the way cron and most maintenance calendars abbreviate it. */
public enum Weekday implements WireEnum {
    MON("Mon", DayOfWeek.MONDAY),
    TUE("Tue", DayOfWeek.TUESDAY),
    WED("Wed", DayOfWeek.WEDNESDAY),
    THU("Thu", DayOfWeek.THURSDAY),
    FRI("Fri", DayOfWeek.FRIDAY),
    SAT("Sat", DayOfWeek.SATURDAY),
    SUN("Sun", DayOfWeek.SUNDAY),
    UNRECOGNIZED(null, null);

    private final String wireName;
    private final DayOfWeek day;

    Weekday(String wireName, DayOfWeek day) {
        this.wireName = wireName;
        this.day = day;
    }

    @JsonValue
    @Override
    public String wireName() {
        return wireName;
    }

    /** The {@code java.time} day; {@code null} for {@link #UNRECOGNIZED}. */
    public DayOfWeek day() {
        return day;
    }

    @JsonCreator
    public static Weekday fromWire(String text) {
        return WireEnum.fromWire(Weekday.class, text, UNRECOGNIZED);
    }
}
