package dev.credrift.sandbox.onepassword;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// The HTTP side of the emulator: fault injection, bearer auth, request validation against the spec,
// and validation of every answer before it leaves; the operations themselves are ConnectOperations'.
final class ConnectApi implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectApi.class);
    private static final String JSON = "application/json";

    private final ConnectStore store;
    private final ConnectSpec spec;
    private final ObjectMapper json;
    private final Clock clock;
    private final AtomicReference<String> token;
    private final FaultRules faults;
    private final ServerLeniency leniency;
    private final ConnectOperations operations;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<SpecViolation> violations = new CopyOnWriteArrayList<>();
    private final List<RoutingContext> hanging = new CopyOnWriteArrayList<>();

    ConnectApi(
            ConnectStore store,
            ConnectSpec spec,
            ObjectMapper json,
            Clock clock,
            AtomicReference<String> token,
            FaultRules faults) {
        this.store = store;
        this.spec = spec;
        this.json = json;
        this.clock = clock;
        this.token = token;
        this.faults = faults;
        this.leniency = new ServerLeniency(json);
        this.operations = new ConnectOperations(store, json);
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    void clearRequests() {
        requests.clear();
    }

    List<SpecViolation> violations() {
        return List.copyOf(violations);
    }

    void clearViolations() {
        violations.clear();
    }

    // Answers a hanging request's peer by closing its connection, so nothing waits past close().
    void releaseHanging() {
        for (RoutingContext ctx : hanging) {
            ctx.request().connection().close();
        }
        hanging.clear();
    }

    @Override
    public void handle(RoutingContext ctx) {
        String method = ctx.request().method().name();
        String path = leniency.path(ctx.request().path());
        Optional<Fault> fault = isApi(path) ? faults.take(method, clock.instant()) : Optional.empty();
        if (fault.isPresent() && fault.get() instanceof Fault.Delay delay) {
            // a client that gave up (its timeout) has closed the connection: nothing left to answer
            ctx.vertx().setTimer(delay.delay().toMillis(), id -> {
                if (!ctx.response().closed()) {
                    serve(ctx, method, path, true);
                }
            });
        } else if (fault.isPresent()) {
            answerFault(ctx, fault.get());
        } else {
            serve(ctx, method, path, false);
        }
    }

    private void serve(RoutingContext ctx, String method, String path, boolean delayed) {
        HttpServerRequest req = ctx.request();
        String body = leniency.body(
                method, path, ctx.body() == null ? null : ctx.body().asString());
        if (isApi(path)) {
            Optional<Reply> unauthorized = authenticate(req);
            if (unauthorized.isPresent()) {
                send(ctx, unauthorized.get(), delayed);
                return;
            }
        }
        ValidationReport report =
                spec.validateRequest(method, path, toMap(req.headers()), toMap(ctx.queryParams()), body);
        if (report.hasErrors()) {
            send(ctx, rejectRequest(req, report, body), delayed);
            return;
        }
        Reply reply;
        try {
            reply = operations.dispatch(method, path, ctx.queryParams(), body);
        } catch (ConnectError e) {
            reply = Reply.error(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("1Password Connect emulator failed on {} {}", method, path, e);
            reply = Reply.error(500, "emulator failure: " + e.getClass().getSimpleName());
        }
        send(ctx, reply, delayed);
    }

    // ---- auth, faults, rejections ----

    private Optional<Reply> authenticate(HttpServerRequest req) {
        String header = req.getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ") || header.length() == "Bearer ".length()) {
            return Optional.of(Reply.error(401, "Invalid bearer token"));
        }
        byte[] presented = header.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8);
        byte[] expected = token.get().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(presented, expected)) {
            return Optional.of(Reply.error(401, "Invalid token signature"));
        }
        return Optional.empty();
    }

    private void answerFault(RoutingContext ctx, Fault fault) {
        if (fault instanceof Fault.Respond respond) {
            Map<String, String> headers = respond.retryAfter()
                    .map(d -> Map.of("Retry-After", Long.toString(Math.max(0, d.toSeconds()))))
                    .orElse(Map.of());
            send(
                    ctx,
                    new Reply(
                            respond.status(),
                            JSON,
                            errorBody(respond.status(), respond.message()),
                            headers,
                            Check.ERROR_STATUS_MAY_BE_UNDECLARED),
                    true);
        } else {
            HttpServerRequest req = ctx.request();
            requests.add(new RecordedRequest(clock.instant(), req.method().name(), req.path(), req.query(), 0, true));
            hanging.add(ctx);
            LOG.debug("{} {} left hanging (injected fault)", req.method(), req.path());
        }
    }

    private Reply rejectRequest(HttpServerRequest req, ValidationReport report, String body) {
        List<String> keys = ConnectSpec.errorKeys(report);
        String detail = ConnectSpec.describe(report, secrets(body, req.getHeader("Authorization")));
        int status;
        if (keys.contains("validation.request.path.missing")) {
            status = 404;
        } else if (keys.contains("validation.request.operation.notAllowed")) {
            status = 405;
        } else {
            status = 400;
        }
        violations.add(new SpecViolation(
                clock.instant(),
                SpecViolation.Direction.REQUEST,
                req.method().name(),
                req.path(),
                status,
                keys,
                detail));
        LOG.info("1Password Connect emulator rejected {} {}: {}", req.method(), req.path(), detail);
        // No operation matches an unknown path or method, so there is nothing to check the answer against.
        Check check = status == 400 ? Check.ERROR_STATUS_MAY_BE_UNDECLARED : Check.NONE;
        return new Reply(
                status, JSON, errorBody(status, "Request does not follow the Connect API: " + detail), Map.of(), check);
    }

    // ---- answering ----

    private void send(RoutingContext ctx, Reply reply, boolean faultInjected) {
        HttpServerRequest req = ctx.request();
        Reply checked = checkResponse(req.method().name(), leniency.path(req.path()), reply);
        requests.add(new RecordedRequest(
                clock.instant(), req.method().name(), req.path(), req.query(), checked.status(), faultInjected));
        LOG.debug("{} {} -> {}", req.method(), req.path(), checked.status());
        var response = ctx.response().setStatusCode(checked.status());
        checked.headers().forEach(response::putHeader);
        if (checked.contentType() != null) {
            response.putHeader("Content-Type", checked.contentType());
        }
        if (checked.body() == null) {
            response.end();
        } else {
            response.end(checked.body());
        }
    }

    // An answer that breaks the spec is an emulator bug: kept for the tests and turned into a loud 500.
    private Reply checkResponse(String method, String path, Reply reply) {
        if (reply.check() == Check.NONE) {
            return reply;
        }
        Map<String, String> headers = new LinkedHashMap<>(reply.headers());
        if (reply.contentType() != null) {
            headers.put("Content-Type", reply.contentType());
        }
        ValidationReport report = spec.validateResponse(method, path, reply.status(), headers, reply.body());
        // The spec lists only some error statuses per operation (no 400 on PATCH, no 429 or 5xx anywhere),
        // while the real server sends them all; our error bodies are ErrorResponse by construction.
        List<String> keys = new ArrayList<>(ConnectSpec.errorKeys(report));
        if (reply.check() == Check.ERROR_STATUS_MAY_BE_UNDECLARED) {
            keys.remove("validation.response.status.unknown");
        }
        if (keys.isEmpty()) {
            return reply;
        }
        String detail = ConnectSpec.describe(report, secrets(reply.body(), null));
        violations.add(new SpecViolation(
                clock.instant(), SpecViolation.Direction.RESPONSE, method, path, reply.status(), keys, detail));
        LOG.error(
                "1Password Connect emulator produced a response that violates the spec ({} {} -> {}): {}",
                method,
                path,
                reply.status(),
                detail);
        return Reply.error(500, "emulator response to " + method + " " + path + " violates the Connect spec");
    }

    private Set<String> secrets(String body, String authorization) {
        return FieldValues.quotable(store.knownValues(), token.get(), authorization, body, json);
    }

    // Called by the store before an item document is kept: a PATCH must not leave an item the spec rejects.
    void checkItem(ObjectNode doc) {
        ValidationReport report = spec.validateItem(
                doc.path("vault").path("id").asText(), doc.path("id").asText(), doc.toString());
        if (report.hasErrors()) {
            Set<String> secrets = new HashSet<>(store.knownValues());
            FieldValues.collect(doc, secrets);
            throw ConnectError.badRequest(
                    "the resulting item would not follow the Connect API: " + ConnectSpec.describe(report, secrets));
        }
    }

    // ---- small helpers ----

    private static String errorBody(int status, String message) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("status", status);
        error.put("message", message);
        return error.toString();
    }

    private static boolean isApi(String path) {
        return path.equals("/v1") || path.startsWith("/v1/");
    }

    private static Map<String, List<String>> toMap(MultiMap multiMap) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String name : multiMap.names()) {
            map.put(name, multiMap.getAll(name));
        }
        return map;
    }

    enum Check {
        STRICT,
        ERROR_STATUS_MAY_BE_UNDECLARED,
        NONE
    }

    record Reply(int status, String contentType, String body, Map<String, String> headers, Check check) {

        static Reply ok(JsonNode body) {
            return new Reply(200, JSON, body.toString(), Map.of(), Check.STRICT);
        }

        static Reply error(int status, String message) {
            return new Reply(status, JSON, errorBody(status, message), Map.of(), Check.ERROR_STATUS_MAY_BE_UNDECLARED);
        }
    }
}
