package dev.credrift.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.credrift.events.LoggingKeys;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

        JsonObject line = new JsonObject(output.lines()
                .filter(l -> l.contains("resync of"))
                .findFirst()
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

        assertThat(output)
                .containsPattern(
                        "^\\d{4}-\\d\\d-\\d\\dT\\S+ INFO  \\[[^]]+] JsonLogFormatTest - resync of monitoring/loki-s3 requested");
    }

    @Test
    void shouldCarryTheReconciliationContextAsFieldsWhenJsonFormatIsApplied() {
        String output = capture(
                LogFormat.JSON,
                logger -> logger.atInfo()
                        .addKeyValue(LoggingKeys.BINDING, "monitoring/loki-s3")
                        .addKeyValue(LoggingKeys.REMEDIATION, "r-1")
                        .log("Remediation: step {} done", 2));

        JsonObject line = new JsonObject(output.lines()
                .filter(l -> l.contains("Remediation:"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no log line in: " + output)));
        assertThat(line.getString("message")).isEqualTo("Remediation: step 2 done");
        assertThat(line.getString(LoggingKeys.BINDING)).isEqualTo("monitoring/loki-s3");
        assertThat(line.getString(LoggingKeys.REMEDIATION)).isEqualTo("r-1");
    }

    @Test
    void shouldPrintTheReconciliationContextBeforeTheMessageWhenTextFormatIsApplied() {
        String output = capture(
                LogFormat.TEXT,
                logger -> logger.atInfo()
                        .addKeyValue(LoggingKeys.BINDING, "monitoring/loki-s3")
                        .addKeyValue(LoggingKeys.TRIGGER, "timer")
                        .addKeyValue(LoggingKeys.HANDLING, 7)
                        .log("Handle: in sync"));

        assertThat(output)
                .contains("JsonLogFormatTest - [monitoring/loki-s3 trigger=timer handling=7] Handle: in sync");
        assertThat(output).doesNotContain("remediation=");
    }

    private String capture(LogFormat format, String message, Object argument) {
        return capture(format, logger -> logger.info(message, argument));
    }

    private String capture(LogFormat format, Consumer<Logger> logging) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        // log4j2.xml sets follow="true": the console appender writes to whatever System.err is at the time
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        format.apply();
        logging.accept(LoggerFactory.getLogger(JsonLogFormatTest.class));
        System.setErr(originalErr);
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
