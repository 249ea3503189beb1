package dev.credrift.api.validation;

import dev.credrift.api.spec.AdminSecretRef;
import dev.credrift.api.spec.MinioSource;
import dev.credrift.api.spec.RookObjectUserSource;
import dev.credrift.api.spec.SecretSource;
import dev.credrift.api.spec.Source;
import dev.credrift.api.spec.SourceKind;
import dev.credrift.api.spec.WebIdentityProvider;
import dev.credrift.api.spec.WebIdentitySource;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks {@code spec.source}: exactly one kind, and the fields of every kind that is set. */
final class SourceRules {

    static final String PATH = "spec.source";
    static final int MAX_URL = 2048;

    private static final String ARN_NAME = "[A-Za-z0-9+=,.@_/-]+";
    private static final Pattern AWS_ROLE_ARN = Pattern.compile("arn:aws(-[a-z]+)*:iam::[0-9]{12}:role/" + ARN_NAME);
    private static final Pattern ALIBABA_ROLE_ARN = Pattern.compile("acs:ram::[0-9]+:role/" + ARN_NAME);
    private static final Pattern AWS_OIDC_ARN =
            Pattern.compile("arn:aws(-[a-z]+)*:iam::[0-9]{12}:oidc-provider/[A-Za-z0-9._/-]+");
    private static final Pattern ALIBABA_OIDC_ARN = Pattern.compile("acs:ram::[0-9]+:oidc-provider/[A-Za-z0-9._-]+");

    private final Findings findings;

    SourceRules(Findings findings) {
        this.findings = findings;
    }

    void check(Source source) {
        if (!findings.required(PATH, source)) {
            return;
        }
        List<SourceKind> kinds = source.setKinds();
        if (kinds.size() != 1) {
            String names = kinds.stream().map(SourceKind::fieldName).collect(Collectors.joining(", "));
            String found = kinds.isEmpty() ? "none set" : kinds.size() + " set: " + names;
            findings.error(PATH, "exactly one of " + String.join(", ", Source.KINDS) + " (" + found + ")");
        }
        for (SourceKind kind : kinds) {
            String path = PATH + "." + kind.fieldName();
            // a switch over the sealed type would be nicer; pattern switches are not final in Java 17
            if (kind instanceof RookObjectUserSource rook) {
                rook(path, rook);
            } else if (kind instanceof SecretSource secret) {
                secret(path, secret);
            } else if (kind instanceof MinioSource minio) {
                minio(path, minio);
            } else if (kind instanceof WebIdentitySource webIdentity) {
                webIdentity(path, webIdentity);
            }
        }
    }

    private void rook(String path, RookObjectUserSource rook) {
        if (findings.required(path + ".namespace", rook.namespace())) {
            findings.namespace(path + ".namespace", rook.namespace());
        }
        if (findings.required(path + ".store", rook.store())) {
            findings.label(path + ".store", rook.store());
        }
        if (findings.required(path + ".user", rook.user())) {
            findings.objectName(path + ".user", rook.user());
        }
    }

    private void secret(String path, SecretSource secret) {
        if (findings.optional(path + ".namespace", secret.namespace())) {
            findings.namespace(path + ".namespace", secret.namespace());
        }
        if (findings.required(path + ".name", secret.name())) {
            findings.objectName(path + ".name", secret.name());
        }
        if (findings.required(path + ".accessKeyIdKey", secret.accessKeyIdKey())) {
            findings.dataKey(path + ".accessKeyIdKey", secret.accessKeyIdKey());
        }
        if (findings.required(path + ".secretAccessKeyKey", secret.secretAccessKeyKey())) {
            findings.dataKey(path + ".secretAccessKeyKey", secret.secretAccessKeyKey());
        }
    }

    private void minio(String path, MinioSource minio) {
        if (findings.required(path + ".endpoint", minio.endpoint())) {
            url(path + ".endpoint", minio.endpoint());
        }
        AdminSecretRef admin = minio.adminSecretRef();
        String adminPath = path + ".adminSecretRef";
        if (findings.required(adminPath, admin)) {
            if (findings.required(adminPath + ".name", admin.name())) {
                findings.objectName(adminPath + ".name", admin.name());
            }
            if (findings.optional(adminPath + ".namespace", admin.namespace())) {
                findings.namespace(adminPath + ".namespace", admin.namespace());
            }
            if (findings.required(adminPath + ".accessKeyKey", admin.accessKeyKey())) {
                findings.dataKey(adminPath + ".accessKeyKey", admin.accessKeyKey());
            }
            if (findings.required(adminPath + ".secretKeyKey", admin.secretKeyKey())) {
                findings.dataKey(adminPath + ".secretKeyKey", admin.secretKeyKey());
            }
        }
        if (findings.optional(path + ".policy", minio.policy())) {
            findings.maxLength(path + ".policy", minio.policy(), 128);
        }
    }

    private void webIdentity(String path, WebIdentitySource web) {
        WebIdentityProvider provider = web.provider();
        if (findings.required(path + ".provider", provider)) {
            findings.known(path + ".provider", provider, WebIdentityProvider.class);
        }
        if (findings.required(path + ".roleArn", web.roleArn())) {
            roleArn(path + ".roleArn", provider, web.roleArn());
        }
        oidcProviderArn(path + ".oidcProviderArn", provider, web.oidcProviderArn());
        if (findings.required(path + ".serviceAccount", web.serviceAccount())) {
            findings.objectName(path + ".serviceAccount", web.serviceAccount());
        }
        if (findings.optional(path + ".audience", web.audience())) {
            findings.maxLength(path + ".audience", web.audience(), 253);
        }
        if (findings.optional(path + ".stsEndpoint", web.stsEndpoint())) {
            url(path + ".stsEndpoint", web.stsEndpoint());
        }
        if (findings.optional(path + ".region", web.region())) {
            findings.region(path + ".region", web.region());
        }
    }

    private void roleArn(String path, WebIdentityProvider provider, String arn) {
        if (provider == WebIdentityProvider.AWS && !AWS_ROLE_ARN.matcher(arn).matches()) {
            findings.error(path, "must be an AWS IAM role ARN (arn:aws:iam::<account>:role/<name>) for provider aws");
        } else if (provider == WebIdentityProvider.ALIBABA
                && !ALIBABA_ROLE_ARN.matcher(arn).matches()) {
            findings.error(
                    path,
                    "must be an Alibaba Cloud RAM role ARN (acs:ram::<account>:role/<name>) for provider" + " alibaba");
        } else if (!AWS_ROLE_ARN.matcher(arn).matches()
                && !ALIBABA_ROLE_ARN.matcher(arn).matches()) {
            findings.error(path, "must be an IAM or RAM role ARN");
        }
    }

    private void oidcProviderArn(String path, WebIdentityProvider provider, String arn) {
        if (provider == WebIdentityProvider.ALIBABA) {
            if (arn == null || arn.isBlank()) {
                findings.error(path, "required for provider alibaba: AssumeRoleWithOIDC needs it");
                return;
            }
            if (!ALIBABA_OIDC_ARN.matcher(arn).matches()) {
                findings.error(
                        path,
                        "must be an Alibaba Cloud RAM OIDC provider ARN"
                                + " (acs:ram::<account>:oidc-provider/<name>)");
            }
            return;
        }
        if (!findings.optional(path, arn)) {
            return;
        }
        if (!AWS_OIDC_ARN.matcher(arn).matches()
                && !ALIBABA_OIDC_ARN.matcher(arn).matches()) {
            findings.error(path, "must be an OIDC provider ARN");
        } else if (provider == WebIdentityProvider.AWS) {
            findings.warning(path, "ignored for provider aws: AssumeRoleWithWebIdentity does not take it");
        }
    }

    private void url(String path, String value) {
        if (value.length() > MAX_URL) {
            findings.error(path, "must be at most " + MAX_URL + " characters");
            return;
        }
        findings.httpUrl(path, value);
    }
}
