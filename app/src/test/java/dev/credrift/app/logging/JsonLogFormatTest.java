package dev.credrift.app.logging;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The layouts log4j2.xml selects: one JSON object per line for json, a readable line for text. */
class JsonLogFormatTest {

    private final PrintStream originalErr = System.err;

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        LogFormat.TEXT.apply();
    }

    @Test
    void shouldWriteEcsJsonWhenJsonFormatIsApplied() {
        String output = capture(LogFormat.JSON, "resync of {} requested", "monitoring/loki-s3");

        JsonObject line = new JsonObject(output.lines().filter(l -> l.contains("resync of")).findFirst()
                .orElseThrow(() -> new AssertionError("no log line in: " + output)));
        assertThat(line.getString("message")).isEqualTo("resync of monitoring/loki-s3 requested");
        assertThat(line.getString("log.level")).isEqualTo("INFO");
        assertThat(line.getString("log.logger")).isEqualTo(JsonLogFormatTest.class.getName());
        assertThat(line.getString("service.name")).isEqualTo("credrift");
        assertThat(line.getString("@timestamp")).isNotBlank();
    }

    @Test
    void shouldWriteReadableLineWhenTextFormatIsApplied() {
        String output = capture(LogFormat.TEXT, "resync of {} requested", "monitoring/loki-s3");

        assertThat(output).containsPattern("^\\d{4}-\\d\\d-\\d\\dT\\S+ INFO  \\[[^]]+] JsonLogFormatTest - resync of monitoring/loki-s3 requested");
    }

    private String capture(LogFormat format, String message, Object argument) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        // log4j2.xml sets follow="true": the console appender writes to whatever System.err is at the time
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        format.apply();
        LoggerFactory.getLogger(JsonLogFormatTest.class).info(message, argument);
        System.setErr(originalErr);
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
