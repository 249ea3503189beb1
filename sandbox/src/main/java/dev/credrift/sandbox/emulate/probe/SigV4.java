package dev.credrift.sandbox.emulate.probe;

import dev.credrift.events.credential.Credential;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for one bodiless S3 request, as every S3 SDK signs it. Enough for a probe; not a general
 * signer (no query-string signing, no chunked payloads).
 */
final class SigV4 {

    static final String EMPTY_PAYLOAD_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final String SIGNED_HEADERS = "host;x-amz-content-sha256;x-amz-date";

    private SigV4() {}

    /** The headers to send: {@code x-amz-date}, {@code x-amz-content-sha256} and {@code Authorization}. */
    record SignedHeaders(String amzDate, String contentSha256, String authorization) {
        @Override
        public String toString() {
            // the authorization header carries the access key id: never print it
            return "SignedHeaders[amzDate=" + amzDate + "]";
        }
    }

    static SignedHeaders sign(
            Credential credential,
            String method,
            String hostHeader,
            String canonicalUri,
            String canonicalQuery,
            String region,
            Instant now) {
        String amzDate = AMZ_DATE.format(now);
        String date = DATE.format(now);
        String scope = date + "/" + region + "/s3/aws4_request";
        String canonicalRequest = method + "\n" + canonicalUri + "\n" + canonicalQuery + "\n"
                + "host:" + hostHeader + "\n"
                + "x-amz-content-sha256:" + EMPTY_PAYLOAD_SHA256 + "\n"
                + "x-amz-date:" + amzDate + "\n\n"
                + SIGNED_HEADERS + "\n" + EMPTY_PAYLOAD_SHA256;
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonicalRequest);
        byte[] key = hmac(("AWS4" + credential.secret().reveal()).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, "s3");
        key = hmac(key, "aws4_request");
        String signature = HexFormat.of().formatHex(hmac(key, stringToSign));
        String authorization = "AWS4-HMAC-SHA256 Credential=" + credential.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + SIGNED_HEADERS + ", Signature=" + signature;
        return new SignedHeaders(amzDate, EMPTY_PAYLOAD_SHA256, authorization);
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

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }
}
