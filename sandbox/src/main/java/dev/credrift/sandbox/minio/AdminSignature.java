package dev.credrift.sandbox.minio;

import dev.credrift.events.credential.Credential;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an admin request's AWS Signature Version 4 (header form, as minio-java's {@code Signer.signV4S3} makes it)
 * against the root credential, the way MinIO does: the key must be the root's, the signature must match the canonical
 * request (method, encoded path, query sorted by key, the signed headers, the payload hash), the payload hash must be
 * the body's and the request time within 15 minutes. Any region is accepted.
 */
final class AdminSignature {

    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final Pattern AUTHORIZATION =
            Pattern.compile("AWS4-HMAC-SHA256 Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]*)/([^/,\\s]+)/aws4_request,\\s*"
                    + "SignedHeaders=([a-z0-9;-]+),\\s*Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private AdminSignature() {}

    /**
     * @param headers the request headers, names in lower case
     * @throws AdminError 403 with MinIO's code when the request is not signed by {@code root}
     */
    static void verify(
            Credential root,
            String method,
            String rawPath,
            String rawQuery,
            Map<String, List<String>> headers,
            byte[] body,
            Instant now) {
        String authorization = first(headers, "authorization");
        if (authorization == null) {
            throw new AdminError(403, "AccessDenied", "Access Denied.");
        }
        Matcher m = AUTHORIZATION.matcher(authorization.trim());
        if (!m.matches()) {
            throw new AdminError(
                    400,
                    "AuthorizationHeaderMalformed",
                    "The authorization header is malformed; the only algorithm supported is AWS4-HMAC-SHA256.");
        }
        String accessKey = m.group(1);
        String date = m.group(2);
        String region = m.group(3);
        String service = m.group(4);
        String signedHeaders = m.group(5);
        String signature = m.group(6);
        if (!accessKey.equals(root.accessKeyId())) {
            throw new AdminError(
                    403, "InvalidAccessKeyId", "The Access Key Id you provided does not exist in our records.");
        }
        String amzDate = first(headers, "x-amz-date");
        Instant requestTime;
        try {
            requestTime = amzDate == null ? null : Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            requestTime = null;
        }
        if (requestTime == null || !amzDate.startsWith(date)) {
            throw new AdminError(403, "AccessDenied", "X-Amz-Date is missing or does not match the credential scope.");
        }
        if (Duration.between(requestTime, now).abs().compareTo(MAX_SKEW) > 0) {
            throw new AdminError(
                    403,
                    "RequestTimeTooSkewed",
                    "The difference between the request time and the server's time is too large.");
        }
        String payloadHash = first(headers, "x-amz-content-sha256");
        if (payloadHash == null) {
            throw new AdminError(403, "AccessDenied", "x-amz-content-sha256 is missing.");
        }
        if (!UNSIGNED_PAYLOAD.equals(payloadHash) && !payloadHash.equals(sha256Hex(body))) {
            throw new AdminError(
                    400,
                    "XAmzContentSHA256Mismatch",
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            List<String> values = headers.get(name);
            if (values == null) {
                throw new AdminError(
                        403,
                        "SignatureDoesNotMatch",
                        "The request signature we calculated does not"
                                + " match the signature you provided. Check your key and signing method.");
            }
            canonicalHeaders
                    .append(name)
                    .append(':')
                    .append(String.join(
                            ",",
                            values.stream()
                                    .map(v -> v.trim().replaceAll("\\s+", " "))
                                    .toList()))
                    .append('\n');
        }
        String canonicalRequest = method + "\n" + (rawPath == null || rawPath.isEmpty() ? "/" : rawPath) + "\n"
                + canonicalQuery(rawQuery) + "\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + payloadHash;
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(("AWS4" + root.secret().reveal()).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String expected = HexFormat.of().formatHex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new AdminError(
                    403,
                    "SignatureDoesNotMatch",
                    "The request signature we calculated does not match"
                            + " the signature you provided. Check your key and signing method.");
        }
    }

    // the encoded query as sent, its parameters sorted by name (values keep their order), like minio-java signs it
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> params = new ArrayList<>();
        for (String param : rawQuery.split("&")) {
            int eq = param.indexOf('=');
            params.add(
                    eq < 0 ? new String[] {param, ""} : new String[] {param.substring(0, eq), param.substring(eq + 1)});
        }
        params.sort(Comparator.comparing(p -> p[0]));
        return String.join("&", params.stream().map(p -> p[0] + "=" + p[1]).toList());
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }
}
