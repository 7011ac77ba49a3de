package io.github.cognitoemulator.core.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.webauthn4j.data.client.Origin;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasskeyActionsTest {

    static final String ORIGIN = "https://example.com";

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = passkeyPool(this.fixture, Map.of());

    private final AppClient client = userAuthClient(this.fixture, this.poolId);

    private final String accessToken = signedIn(this.fixture, this.poolId, this.client, "alice");

    private final SoftwarePasskey passkey = new SoftwarePasskey(ORIGIN);

    /** A pool whose users may sign in with passwords and passkeys, whose relying party is {@code example.com}. */
    static String passkeyPool(SignInFixture fixture, Map<String, Object> settings) {
        Map<String, Object> body = new LinkedHashMap<>(settings);
        body.putIfAbsent(
                "Policies",
                Map.of("SignInPolicy", Map.of("AllowedFirstAuthFactors", List.of("PASSWORD", "WEB_AUTHN"))));
        String poolId = fixture.createPool(body);
        fixture.call(
                        "SetUserPoolMfaConfig",
                        Map.of(
                                "UserPoolId",
                                poolId,
                                "MfaConfiguration",
                                "OFF",
                                "WebAuthnConfiguration",
                                Map.of("RelyingPartyId", "example.com", "UserVerification", "preferred")))
                .requireSuccess();
        return poolId;
    }

    static AppClient userAuthClient(SignInFixture fixture, String poolId) {
        return fixture.createClient(
                poolId,
                Map.of(
                        "ExplicitAuthFlows",
                        List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));
    }

    /** The access token of a new confirmed user. */
    static String signedIn(SignInFixture fixture, String poolId, AppClient client, String username) {
        fixture.createConfirmedUser(poolId, username, SignInFixture.PASSWORD);
        return SignInFixture.tokens(fixture.signIn(client.id(), username, SignInFixture.PASSWORD))
                .accessToken();
    }

    private Reply start(String accessToken) {
        return this.fixture.call("StartWebAuthnRegistration", Map.of("AccessToken", accessToken));
    }

    private Reply complete(String accessToken, Map<String, Object> credential) {
        return this.fixture.call(
                "CompleteWebAuthnRegistration", Map.of("AccessToken", accessToken, "Credential", credential));
    }

    private Map<String, Object> options() {
        return start(this.accessToken).requireSuccess().map("CredentialCreationOptions");
    }

    /** Registers a passkey of {@link #passkey} and returns its credential id. */
    String register() {
        Map<String, Object> credential = this.passkey.register(options());
        complete(this.accessToken, credential).requireSuccess();
        return (String) credential.get("id");
    }

    private Reply list(Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("AccessToken", this.accessToken);
        return this.fixture.call("ListWebAuthnCredentials", body);
    }

    @Test
    void startOffersTheRelyingPartyTheUserAndCognitosAlgorithms() {
        Map<String, Object> options = options();

        assertThat(options)
                .containsEntry("rp", Map.of("id", "example.com", "name", "example.com"))
                .containsEntry("timeout", 180000)
                .containsEntry("excludeCredentials", List.of())
                .containsEntry(
                        "authenticatorSelection",
                        Map.of("requireResidentKey", true, "residentKey", "required", "userVerification", "preferred"))
                .containsEntry(
                        "pubKeyCredParams",
                        List.of(Map.of("type", "public-key", "alg", -7), Map.of("type", "public-key", "alg", -257)));
        assertThat((String) options.get("challenge")).matches("[A-Za-z0-9_-]{43}");
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) options.get("user");
        assertThat(user).containsEntry("name", "alice").containsEntry("displayName", "alice");
    }

    @Test
    void aCompletedRegistrationIsListedWithCognitosMembers() {
        Map<String, Object> credential = this.passkey.register(options());

        Reply completed = complete(this.accessToken, credential);

        assertThat(completed.requireSuccess().json()).isEmpty();
        List<Map<String, Object>> listed = list(Map.of()).requireSuccess().list("Credentials");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0))
                .containsEntry("CredentialId", credential.get("id"))
                .containsEntry("FriendlyCredentialName", "Passkey")
                .containsEntry("RelyingPartyId", "example.com")
                .containsEntry("AuthenticatorAttachment", "platform")
                .containsEntry("AuthenticatorTransports", List.of("internal"))
                .containsEntry("CreatedAt", 1.709629622E9)
                .hasSize(6);
        assertThat(list(Map.of()).json()).doesNotContainKey("NextToken");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> excluded =
                (List<Map<String, Object>>) options().get("excludeCredentials");
        assertThat(excluded)
                .containsExactly(
                        Map.of("type", "public-key", "id", credential.get("id"), "transports", List.of("internal")));
    }

    @Test
    void aRegistrationChallengeIsSpentOnce() {
        Map<String, Object> credential = this.passkey.register(options());
        complete(this.accessToken, credential).requireSuccess();

        assertThat(complete(this.accessToken, credential).error())
                .isEqualTo("400 WebAuthnChallengeNotFoundException: "
                        + "The passkey registration challenge was not found or has expired.");
        assertThat(list(Map.of()).list("Credentials")).hasSize(1);
    }

    @Test
    void aRegistrationChallengeExpiresAfterThreeMinutes() {
        Map<String, Object> credential = this.passkey.register(options());
        this.fixture.clock().advance(Duration.ofMinutes(3));

        assertThat(complete(this.accessToken, credential).error()).startsWith("400 WebAuthnChallengeNotFoundException");
    }

    @Test
    void aRegistrationChallengeIsGoodUntilItsLastSecond() {
        Map<String, Object> credential = this.passkey.register(options());
        this.fixture.clock().advance(Duration.ofMinutes(3).minusSeconds(1));

        complete(this.accessToken, credential).requireSuccess();
    }

    @Test
    void startingAgainReplacesTheChallenge() {
        Map<String, Object> first = this.passkey.register(options());
        options();

        assertThat(complete(this.accessToken, first).error()).startsWith("400 WebAuthnChallengeNotFoundException");
        assertThat(this.fixture.emulator().store().resources().list(Passkeys.REGISTRATIONS, this.poolId))
                .hasSize(1);
    }

    @Test
    void anotherClientCannotCompleteTheRegistration() {
        Map<String, Object> credential = this.passkey.register(options());
        AppClient other = userAuthClient(this.fixture, this.poolId);
        String otherToken = SignInFixture.tokens(this.fixture.signIn(other.id(), "alice", SignInFixture.PASSWORD))
                .accessToken();

        assertThat(complete(otherToken, credential).error())
                .isEqualTo("400 WebAuthnClientMismatchException: "
                        + "The passkey registration was started by another app client.");
    }

    @Test
    void aCredentialMadeAtAnotherOriginIsRefused() {
        this.passkey.useOrigin("https://example.org");

        Reply reply = complete(this.accessToken, this.passkey.register(options()));

        assertThat(reply.error())
                .isEqualTo("400 WebAuthnOriginNotAllowedException: "
                        + "The passkey credential's origin is not allowed for the relying party example.com.");
    }

    @Test
    void aCredentialScopedToAnotherRelyingPartyIsRefused() {
        this.passkey.useOrigin("https://login.example.com");
        Map<String, Object> options = new LinkedHashMap<>(options());
        options.put("rp", Map.of("id", "login.example.com", "name", "other"));

        Reply reply = complete(this.accessToken, this.passkey.register(options));

        assertThat(reply.error())
                .isEqualTo("400 WebAuthnRelyingPartyMismatchException: "
                        + "The passkey credential is for another relying party than the user pool's.");
    }

    @Test
    void aCredentialForAnotherChallengeIsRefused() {
        Map<String, Object> options = new LinkedHashMap<>(options());
        options.put("challenge", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        assertThat(complete(this.accessToken, this.passkey.register(options)).error())
                .startsWith("400 WebAuthnChallengeNotFoundException");
    }

    @Test
    void aMalformedCredentialIsAnInvalidParameter() {
        options();

        assertThat(complete(this.accessToken, Map.of("id", "AAAA", "type", "public-key"))
                        .error())
                .isEqualTo("400 InvalidParameterException: The passkey credential is not valid.");
    }

    @Test
    void userVerificationRequiredIsAskedOfTheAuthenticator() {
        this.fixture
                .call(
                        "SetUserPoolMfaConfig",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "MfaConfiguration",
                                "OFF",
                                "WebAuthnConfiguration",
                                Map.of("RelyingPartyId", "example.com", "UserVerification", "required")))
                .requireSuccess();

        assertThat(options())
                .containsEntry(
                        "authenticatorSelection",
                        Map.of("requireResidentKey", true, "residentKey", "required", "userVerification", "required"));
        complete(this.accessToken, this.passkey.register(options())).requireSuccess();
    }

    @Test
    void passkeysMustBeAFirstFactorOfThePool() {
        String poolId = passkeyPool(
                this.fixture,
                Map.of("Policies", Map.of("SignInPolicy", Map.of("AllowedFirstAuthFactors", List.of("PASSWORD")))));
        AppClient client = userAuthClient(this.fixture, poolId);
        String token = signedIn(this.fixture, poolId, client, "bob");

        assertThat(start(token).error())
                .isEqualTo("400 WebAuthnNotEnabledException: WebAuthn is not enabled for this user pool.");
        assertThat(complete(token, Map.of("id", "x")).error()).startsWith("400 WebAuthnNotEnabledException");
    }

    @Test
    void liteLacksPasskeys() {
        String poolId = passkeyPool(this.fixture, Map.of("UserPoolTier", "LITE"));
        AppClient client = userAuthClient(this.fixture, poolId);

        assertThat(start(signedIn(this.fixture, poolId, client, "bob")).error())
                .startsWith("400 WebAuthnNotEnabledException");
    }

    @Test
    void theRelyingPartyComesFromTheDomainsWhenNotConfigured() {
        String poolId = this.fixture.createPool(Map.of(
                "Policies",
                Map.of("SignInPolicy", Map.of("AllowedFirstAuthFactors", List.of("PASSWORD", "WEB_AUTHN")))));
        AppClient client = userAuthClient(this.fixture, poolId);
        String token = signedIn(this.fixture, poolId, client, "bob");
        assertThat(start(token).error())
                .isEqualTo("400 WebAuthnConfigurationMissingException: The user pool has no relying party id for"
                        + " passkeys: set WebAuthnConfiguration.RelyingPartyId or add a domain.");

        this.fixture
                .call("CreateUserPoolDomain", Map.of("UserPoolId", poolId, "Domain", "my-app"))
                .requireSuccess();
        assertThat(start(token).requireSuccess().string("CredentialCreationOptions", "rp", "id"))
                .isEqualTo("my-app.auth.us-east-1.amazoncognito.com");

        this.fixture
                .call(
                        "CreateUserPoolDomain",
                        Map.of(
                                "UserPoolId",
                                poolId,
                                "Domain",
                                "auth.my-app.com",
                                "CustomDomainConfig",
                                Map.of("CertificateArn", "arn:aws:acm:us-east-1:000000000000:certificate/x")))
                .requireSuccess();
        assertThat(start(token).requireSuccess().string("CredentialCreationOptions", "rp", "id"))
                .isEqualTo("auth.my-app.com");
    }

    @Test
    void aUserHasAtMostTwentyPasskeys() {
        for (int i = 0; i < 20; i++) {
            register();
        }
        assertThat(list(Map.of()).list("Credentials")).hasSize(20);

        assertThat(start(this.accessToken).error())
                .isEqualTo("400 LimitExceededException: The user has reached the limit of 20 passkeys.");
    }

    @Test
    void theTwentiethPasskeyIsAccepted() {
        for (int i = 0; i < 19; i++) {
            register();
        }
        register();

        assertThat(list(Map.of()).list("Credentials")).hasSize(20);
    }

    @Test
    void listsPageByPage() {
        register();
        register();
        register();

        Reply first = list(Map.of("MaxResults", 2));
        assertThat(first.list("Credentials")).hasSize(2);
        Reply second = list(Map.of("MaxResults", 2, "NextToken", first.string("NextToken")));
        assertThat(second.list("Credentials")).hasSize(1);
        assertThat(second.json()).doesNotContainKey("NextToken");
    }

    @Test
    void deletesAPasskey() {
        String credentialId = register();

        Reply deleted = this.fixture.call(
                "DeleteWebAuthnCredential", Map.of("AccessToken", this.accessToken, "CredentialId", credentialId));

        assertThat(deleted.requireSuccess().json()).isEmpty();
        assertThat(list(Map.of()).list("Credentials")).isEmpty();
        assertThat(this.fixture
                        .call(
                                "DeleteWebAuthnCredential",
                                Map.of("AccessToken", this.accessToken, "CredentialId", credentialId))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: Credential not found.");
    }

    @Test
    void anotherUserCannotSeeOrDeleteThePasskey() {
        String credentialId = register();
        String otherToken = signedIn(this.fixture, this.poolId, this.client, "bob");

        assertThat(this.fixture
                        .call("ListWebAuthnCredentials", Map.of("AccessToken", otherToken))
                        .list("Credentials"))
                .isEmpty();
        assertThat(this.fixture
                        .call(
                                "DeleteWebAuthnCredential",
                                Map.of("AccessToken", otherToken, "CredentialId", credentialId))
                        .error())
                .startsWith("400 ResourceNotFoundException");
    }

    @Test
    void aDisabledUsersTokenNoLongerWorks() {
        this.fixture
                .call("AdminDisableUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(start(this.accessToken).error())
                .isEqualTo("400 NotAuthorizedException: Access Token has been revoked");
    }

    @Test
    void deletingTheUserRemovesItsPasskeysAndPendingRegistration() {
        register();
        options();

        this.fixture
                .call("AdminDeleteUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(this.fixture.emulator().store().resources().list(Passkeys.CREDENTIALS, this.poolId))
                .isEmpty();
        assertThat(this.fixture.emulator().store().resources().list(Passkeys.REGISTRATIONS, this.poolId))
                .isEmpty();
        assertThat(start(this.accessToken).error()).isEqualTo("400 NotAuthorizedException: User does not exist.");
    }

    @Test
    void originsWithinTheRelyingPartyAreAllowed() {
        assertThat(Passkeys.originAllowed(new Origin("https://example.com"), "example.com"))
                .isTrue();
        assertThat(Passkeys.originAllowed(new Origin("https://login.example.com"), "example.com"))
                .isTrue();
        assertThat(Passkeys.originAllowed(new Origin("https://badexample.com"), "example.com"))
                .isFalse();
        assertThat(Passkeys.originAllowed(new Origin("http://example.com"), "example.com"))
                .isFalse();
        assertThat(Passkeys.originAllowed(new Origin("http://localhost:3000"), "localhost"))
                .isTrue();
        assertThat(Passkeys.originAllowed(new Origin("http://app.localhost"), "localhost"))
                .isTrue();
        assertThat(Passkeys.originAllowed(new Origin("ftp://example.com"), "example.com"))
                .isFalse();
        assertThat(Passkeys.originAllowed(null, "example.com")).isFalse();
    }

    @Test
    void passkeysGoWithTheirPool() {
        register();
        options();

        this.fixture.call("DeleteUserPool", Map.of("UserPoolId", this.poolId)).requireSuccess();

        assertThat(this.fixture.emulator().store().resources().list(Passkeys.CREDENTIALS, this.poolId))
                .isEmpty();
        assertThat(this.fixture.emulator().store().resources().list(Passkeys.REGISTRATIONS, this.poolId))
                .isEmpty();
    }
}
