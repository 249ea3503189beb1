package dev.credrift.sandbox.onepassword;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

// The published Connect OpenAPI spec (a verbatim copy of reference/1password-connect-openapi.yaml)
// as a validator of the emulator's traffic. Kept strict: the spec's own schemas decide, and an
// unknown query parameter is an error too (it is how a misspelt "filter" would otherwise slip by).
final class ConnectSpec {

    static final String RESOURCE = "1password-connect-openapi.yaml";

    private static final class Shared {
        static final ConnectSpec INSTANCE = new ConnectSpec(load());
    }

    private final OpenApiInteractionValidator validator;

    private ConnectSpec(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    // Parsing the spec takes a while; the validator holds no per-request state, so one serves all.
    static ConnectSpec shared() {
        return Shared.INSTANCE;
    }

    private static OpenApiInteractionValidator load() {
        String spec;
        try (InputStream in = ConnectSpec.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Connect spec " + RESOURCE + " missing from the classpath");
            }
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Connect spec " + RESOURCE, e);
        }
        return OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                // FullItem is an allOf of Item and its fields; resolved, the validator checks it as one object
                .withResolveCombinators(true)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                        .build())
                .withCustomRequestValidation(ConnectSpec::requireDeclaredBody)
                .build();
    }

    // The spec declares request bodies without "required: true", so a bare validator accepts a
    // PATCH/PUT/POST with no body at all; the real server rejects it, and so do we.
    private static ValidationReport requireDeclaredBody(Request request, ApiOperation operation) {
        boolean declared = operation.getOperation().getRequestBody() != null;
        boolean present = request.getRequestBody()
                .map(body -> {
                    try {
                        return !body.toString(StandardCharsets.UTF_8).isBlank();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .orElse(false);
        if (declared && !present) {
            return ValidationReport.singleton(ValidationReport.Message.create(
                            "validation.request.body.missing", "A request body is required but none found.")
                    .build());
        }
        return ValidationReport.empty();
    }

    synchronized ValidationReport validateRequest(
            String method,
            String path,
            Map<String, List<String>> headers,
            Map<String, List<String>> query,
            String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
        headers.forEach(request::withHeader);
        query.forEach(request::withQueryParam);
        if (body != null && !body.isEmpty()) {
            request.withBody(body);
        }
        return validator.validateRequest(request.build());
    }

    synchronized ValidationReport validateResponse(
            String method, String path, int status, Map<String, String> headers, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach(response::withHeader);
        if (body != null) {
            response.withBody(body);
        }
        return validator.validateResponse(path, Request.Method.valueOf(method), response.build());
    }

    // A document about to be stored as an item must be one a PUT could have sent: checked as such.
    synchronized ValidationReport validateItem(String vaultId, String itemId, String itemJson) {
        return validator.validateRequest(SimpleRequest.Builder.put("/v1/vaults/" + vaultId + "/items/" + itemId)
                .withAuthorization("Bearer item-check")
                .withContentType("application/json")
                .withBody(itemJson)
                .build());
    }

    static List<String> errorKeys(ValidationReport report) {
        return errors(report).stream()
                .map(ValidationReport.Message::getKey)
                .distinct()
                .toList();
    }

    // The validator quotes offending input ("Instance value (\"...\")"); any known secret is blanked.
    static String describe(ValidationReport report, Collection<String> secrets) {
        List<String> sorted = secrets.stream()
                .filter(s -> !s.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        return errors(report).stream()
                .map(message -> {
                    String text = message.getKey() + ": " + message.getMessage();
                    for (String secret : sorted) {
                        text = text.replace(secret, "<redacted>");
                    }
                    return text;
                })
                .collect(Collectors.joining("; "));
    }

    private static List<ValidationReport.Message> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .toList();
    }
}
