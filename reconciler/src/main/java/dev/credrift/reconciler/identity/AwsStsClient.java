package dev.credrift.reconciler.identity;

import dev.credrift.events.credential.Credential;
import dev.credrift.events.credential.SecretValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * AWS STS {@code AssumeRoleWithWebIdentity} over the Query API (unsigned: the token is the authentication), reading
 * the XML answer: {@code Credentials} on success, {@code ErrorResponse/Error/Code} and {@code Message} on refusal.
 * {@code Throttling} (and HTTP 429 and 5xx) is {@link StsUnavailable}, to be retried after a backoff.
 */
public final class AwsStsClient implements StsClient {

    private final StsTransport transport;

    public AwsStsClient() {
        this(StsTransport.defaults());
    }

    AwsStsClient(StsTransport transport) {
        this.transport = transport;
    }

    @Override
    public StsReply exchange(ExchangeRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", "AssumeRoleWithWebIdentity");
        form.put("Version", "2011-06-15");
        form.put("RoleArn", request.roleArn());
        form.put("RoleSessionName", request.sessionName());
        form.put("WebIdentityToken", request.token().reveal());
        request.duration().ifPresent(d -> form.put("DurationSeconds", Long.toString(d.toSeconds())));
        StsTransport.Answer answer = transport.post(request.endpoint(), form);
        Document xml = parse(answer, request);
        if (answer.status() == 200) {
            return issued(xml, request);
        }
        String code = text(xml, "Code");
        String message = text(xml, "Message");
        if (answer.status() == 429
                || answer.status() >= 500
                || code.startsWith("Throttling")
                || code.equals("IDPCommunicationError")
                || code.equals("RequestLimitExceeded")) {
            throw new StsUnavailable(
                    "STS " + request.endpoint() + " answered " + answer.status() + " "
                            + (code.isEmpty() ? "without an error code" : code),
                    code.startsWith("Throttling") || answer.status() == 429 || code.equals("RequestLimitExceeded"));
        }
        return new StsReply.Refused(answer.status(), code.isEmpty() ? "HTTP" + answer.status() : code, message);
    }

    private static StsReply issued(Document xml, ExchangeRequest request) {
        String keyId = text(xml, "AccessKeyId");
        String secret = text(xml, "SecretAccessKey");
        String token = text(xml, "SessionToken");
        String expiration = text(xml, "Expiration");
        if (keyId.isEmpty() || secret.isEmpty() || token.isEmpty() || expiration.isEmpty()) {
            throw new StsUnavailable("STS " + request.endpoint() + " answered 200 without complete Credentials", false);
        }
        try {
            return new StsReply.Issued(new TemporaryCredential(
                    new Credential(keyId, SecretValue.of(secret)), SecretValue.of(token), Instant.parse(expiration)));
        } catch (DateTimeParseException e) {
            throw new StsUnavailable("STS " + request.endpoint() + " answered an Expiration that is not a time", false);
        }
    }

    private static Document parse(StsTransport.Answer answer, ExchangeRequest request) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new StsUnavailable(
                    "STS " + request.endpoint() + " answered " + answer.status() + " with a body that is not XML",
                    answer.status() == 429);
        }
    }

    private static String text(Document xml, String element) {
        NodeList nodes = xml.getElementsByTagName(element);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
