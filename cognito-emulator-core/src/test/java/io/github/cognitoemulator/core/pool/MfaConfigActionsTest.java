package io.github.cognitoemulator.core.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MfaConfigActionsTest {

    private static final Map<String, String> DEVELOPER_SES = Map.of(
            "EmailSendingAccount", "DEVELOPER", "SourceArn", "arn:aws:ses:us-east-1:000000000000:identity/example.com");

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private final String poolId = this.fixture.createPool();

    private Reply get(String poolId) {
        return this.fixture.call("GetUserPoolMfaConfig", Map.of("UserPoolId", poolId));
    }

    private Reply set(String poolId, Map<String, ?> members) {
        Map<String, Object> body = new LinkedHashMap<>(members);
        body.put("UserPoolId", poolId);
        return this.fixture.call("SetUserPoolMfaConfig", body);
    }

    @Test
    void aNewPoolHasMfaOffAndNoFactor() {
        assertThat(get(this.poolId).body()).isEqualTo("{\"MfaConfiguration\":\"OFF\"}");
    }

    @Test
    void getOfAnUnknownPoolIsNotFound() {
        assertThat(get("us-east-1_missing00").error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_missing00 does not exist.");
        assertThat(set("us-east-1_missing00", Map.of()).error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_missing00 does not exist.");
    }

    @Test
    void softwareTokenMfaTurnedOnShowsInDescribeAndGet() {
        Reply reply = set(
                this.poolId,
                Map.of("MfaConfiguration", "ON", "SoftwareTokenMfaConfiguration", Map.of("Enabled", true)));

        Map<String, Object> expected =
                Map.of("MfaConfiguration", "ON", "SoftwareTokenMfaConfiguration", Map.of("Enabled", true));
        assertThat(reply.requireSuccess().json()).isEqualTo(expected);
        assertThat(get(this.poolId).json()).isEqualTo(expected);
        Reply pool = this.fixture.call("DescribeUserPool", Map.of("UserPoolId", this.poolId));
        assertThat(pool.at("UserPool", "MfaConfiguration")).isEqualTo("ON");
        assertThat(pool.map("UserPool")).doesNotContainKey("MfaFactors");
    }

    @Test
    void turningMfaOffWhileConfiguringAFactorIsRefused() {
        assertThat(set(
                                this.poolId,
                                Map.of(
                                        "MfaConfiguration",
                                        "OFF",
                                        "SoftwareTokenMfaConfiguration",
                                        Map.of("Enabled", true)))
                        .error())
                .isEqualTo("400 InvalidParameterException: " + MfaConfigActions.OFF_WITH_FACTOR);
        assertThat(set(this.poolId, Map.of("SmsMfaConfiguration", Map.of())).error())
                .isEqualTo("400 InvalidParameterException: " + MfaConfigActions.OFF_WITH_FACTOR);
    }

    @Test
    void mfaOnOrOptionalWithoutAFactorIsRefused() {
        for (String mfa : List.of("ON", "OPTIONAL")) {
            assertThat(set(this.poolId, Map.of("MfaConfiguration", mfa)).error())
                    .isEqualTo("400 InvalidParameterException: " + MfaConfigActions.NO_FACTOR);
            assertThat(set(
                                    this.poolId,
                                    Map.of(
                                            "MfaConfiguration",
                                            mfa,
                                            "SoftwareTokenMfaConfiguration",
                                            Map.of("Enabled", false)))
                            .error())
                    .isEqualTo("400 InvalidParameterException: " + MfaConfigActions.NO_FACTOR);
        }
        assertThat(get(this.poolId).body()).isEqualTo("{\"MfaConfiguration\":\"OFF\"}");
    }

    @Test
    void passkeysAloneMayBeConfiguredWithMfaOff() {
        Reply reply = set(
                this.poolId,
                Map.of(
                        "MfaConfiguration",
                        "OFF",
                        "WebAuthnConfiguration",
                        Map.of("RelyingPartyId", "auth.example.com", "UserVerification", "required")));

        assertThat(reply.requireSuccess().json())
                .isEqualTo(Map.of(
                        "MfaConfiguration",
                        "OFF",
                        "WebAuthnConfiguration",
                        Map.of("RelyingPartyId", "auth.example.com", "UserVerification", "required")));
    }

    @Test
    void passkeySettingsStayWhenALaterCallLeavesThemOut() {
        set(this.poolId, Map.of("WebAuthnConfiguration", Map.of())).requireSuccess();

        Reply reply = set(
                this.poolId,
                Map.of("MfaConfiguration", "OPTIONAL", "SoftwareTokenMfaConfiguration", Map.of("Enabled", true)));

        assertThat(reply.json())
                .isEqualTo(Map.of(
                        "MfaConfiguration", "OPTIONAL",
                        "SoftwareTokenMfaConfiguration", Map.of("Enabled", true),
                        "WebAuthnConfiguration", Map.of("UserVerification", "preferred")));
    }

    @Test
    void factorsLeftOutAreTurnedOff() {
        set(
                        this.poolId,
                        Map.of(
                                "MfaConfiguration",
                                "ON",
                                "SoftwareTokenMfaConfiguration",
                                Map.of("Enabled", true),
                                "SmsMfaConfiguration",
                                Map.of(
                                        "SmsConfiguration",
                                        Map.of("SnsCallerArn", "arn:aws:iam::123456789012:role/sms"))))
                .requireSuccess();

        set(this.poolId, Map.of("MfaConfiguration", "ON", "SmsMfaConfiguration", Map.of()))
                .requireSuccess();

        assertThat(get(this.poolId).json())
                .isEqualTo(Map.of(
                        "MfaConfiguration",
                        "ON",
                        "SmsMfaConfiguration",
                        Map.of("SmsConfiguration", Map.of("SnsCallerArn", "arn:aws:iam::123456789012:role/sms"))));
        set(this.poolId, Map.of("MfaConfiguration", "OFF")).requireSuccess();
        assertThat(get(this.poolId).body()).isEqualTo("{\"MfaConfiguration\":\"OFF\"}");
    }

    @Test
    void smsMfaSetsThePoolsSmsMessageAndConfiguration() {
        Reply reply = set(
                this.poolId,
                Map.of(
                        "MfaConfiguration",
                        "OPTIONAL",
                        "SmsMfaConfiguration",
                        Map.of(
                                "SmsAuthenticationMessage",
                                "Code {####}",
                                "SmsConfiguration",
                                Map.of("SnsCallerArn", "arn:aws:iam::123456789012:role/sms", "ExternalId", "x"))));

        assertThat(reply.requireSuccess().json())
                .isEqualTo(Map.of(
                        "MfaConfiguration",
                        "OPTIONAL",
                        "SmsMfaConfiguration",
                        Map.of(
                                "SmsAuthenticationMessage",
                                "Code {####}",
                                "SmsConfiguration",
                                Map.of("SnsCallerArn", "arn:aws:iam::123456789012:role/sms", "ExternalId", "x"))));
        Reply pool = this.fixture.call("DescribeUserPool", Map.of("UserPoolId", this.poolId));
        assertThat(pool.at("UserPool", "SmsAuthenticationMessage")).isEqualTo("Code {####}");
        assertThat(pool.at("UserPool", "SmsConfiguration"))
                .isEqualTo(Map.of("SnsCallerArn", "arn:aws:iam::123456789012:role/sms", "ExternalId", "x"));
    }

    @Test
    void smsMfaNeedsAnSmsConfiguration() {
        assertThat(set(this.poolId, Map.of("MfaConfiguration", "ON", "SmsMfaConfiguration", Map.of()))
                        .error())
                .isEqualTo("400 InvalidParameterException: " + PoolConfiguration.MFA_NEEDS_SMS);
    }

    @Test
    void emailMfaNeedsDeveloperSes() {
        Map<String, Object> email = Map.of(
                "MfaConfiguration",
                "OPTIONAL",
                "EmailMfaConfiguration",
                Map.of("Message", "Your code {####}", "Subject", "Code"));

        assertThat(set(this.poolId, email).error())
                .isEqualTo("400 InvalidParameterException: " + MfaConfigActions.EMAIL_NEEDS_DEVELOPER_SES);

        String sesPool = this.fixture.createPool(Map.of("EmailConfiguration", DEVELOPER_SES));
        assertThat(set(sesPool, email).requireSuccess().json())
                .isEqualTo(Map.of(
                        "MfaConfiguration",
                        "OPTIONAL",
                        "EmailMfaConfiguration",
                        Map.of("Message", "Your code {####}", "Subject", "Code")));
        assertThat(set(sesPool, Map.of("MfaConfiguration", "ON", "EmailMfaConfiguration", Map.of()))
                        .json())
                .isEqualTo(Map.of("MfaConfiguration", "ON", "EmailMfaConfiguration", Map.of()));
    }

    @Test
    void anEmailFactorLetsUpdateUserPoolKeepMfaOnWithoutSms() {
        String sesPool = this.fixture.createPool(Map.of("EmailConfiguration", DEVELOPER_SES));
        set(sesPool, Map.of("MfaConfiguration", "ON", "EmailMfaConfiguration", Map.of()))
                .requireSuccess();

        this.fixture
                .call(
                        "UpdateUserPool",
                        Map.of("UserPoolId", sesPool, "MfaConfiguration", "ON", "EmailConfiguration", DEVELOPER_SES))
                .requireSuccess();

        assertThat(get(sesPool).json()).isEqualTo(Map.of("MfaConfiguration", "ON", "EmailMfaConfiguration", Map.of()));
    }

    @Test
    void setLeavesLastModifiedDateAlone() {
        Object before = this.fixture
                .call("DescribeUserPool", Map.of("UserPoolId", this.poolId))
                .at("UserPool", "LastModifiedDate");

        set(this.poolId, Map.of("MfaConfiguration", "OFF")).requireSuccess();

        assertThat(this.fixture
                        .call("DescribeUserPool", Map.of("UserPoolId", this.poolId))
                        .at("UserPool", "LastModifiedDate"))
                .isEqualTo(before);
    }
}
