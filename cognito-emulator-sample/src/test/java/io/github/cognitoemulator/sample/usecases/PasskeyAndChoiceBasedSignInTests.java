package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.auth.IndependentSrpClient;
import io.github.cognitoemulator.core.passkey.SoftwarePasskey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserAuthFactorsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFactorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserAuthFactorsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListWebAuthnCredentialsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserVerificationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnChallengeNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnCredentialDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnNotEnabledException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnOriginNotAllowedException;

/**
 * Choice-based sign-in ({@code USER_AUTH}) and passkeys through the AWS SDK: registering a passkey with a software
 * authenticator, signing in with it, with a password, with SRP and with codes sent by email and SMS, and reading the
 * factors a user has set up.
 */
class PasskeyAndChoiceBasedSignInTests extends SignInUseCase {

    private static final String ORIGIN = "https://example.com";

    /** A pool offering every first factor, whose passkeys belong to {@code example.com}. */
    private String passkeyPool(AuthFactorType... factors) {
        String poolId = createPool((request) -> request.policies(
                        (policies) -> policies.signInPolicy((sign) -> sign.allowedFirstAuthFactors(factors))))
                .id();
        cognito()
                .setUserPoolMfaConfig((request) -> request.userPoolId(poolId)
                        .mfaConfiguration("OFF")
                        .webAuthnConfiguration((webAuthn) -> webAuthn.relyingPartyId("example.com")
                                .userVerification(UserVerificationType.PREFERRED)));
        return poolId;
    }

    private String userAuthClient(String poolId) {
        return cognito()
                .createUserPoolClient((request) -> request.userPoolId(poolId)
                        .clientName(unique("passkeys"))
                        .explicitAuthFlows(
                                ExplicitAuthFlowsType.ALLOW_USER_AUTH,
                                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient()
                .clientId();
    }

    private Map<String, Object> startRegistration(String accessToken) {
        Document options = cognito()
                .startWebAuthnRegistration((request) -> request.accessToken(accessToken))
                .credentialCreationOptions();
        return plain(options.asMap());
    }

    private void register(String accessToken, SoftwarePasskey passkey) {
        Map<String, Object> credential = passkey.register(startRegistration(accessToken));
        cognito()
                .completeWebAuthnRegistration(
                        (request) -> request.accessToken(accessToken).credential(document(credential)));
    }

    private InitiateAuthResponse userAuth(String clientId, Map<String, String> parameters) {
        return cognito()
                .initiateAuth((request) -> request.authFlow(AuthFlowType.USER_AUTH)
                        .clientId(clientId)
                        .authParameters(parameters));
    }

    private RespondToAuthChallengeResponse respond(
            String clientId, ChallengeNameType challenge, String session, Map<String, String> responses) {
        return cognito()
                .respondToAuthChallenge((request) -> request.clientId(clientId)
                        .challengeName(challenge)
                        .session(session)
                        .challengeResponses(responses));
    }

    @Test
    void aUserRegistersAPasskeyAndSignsInWithIt() {
        String poolId = passkeyPool(AuthFactorType.PASSWORD, AuthFactorType.WEB_AUTHN);
        String clientId = userAuthClient(poolId);
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);
        String accessToken = signIn(clientId, "alice", STRONG_PASSWORD).accessToken();
        SoftwarePasskey passkey = new SoftwarePasskey(ORIGIN);

        register(accessToken, passkey);

        ListWebAuthnCredentialsResponse listed =
                cognito().listWebAuthnCredentials((request) -> request.accessToken(accessToken));
        assertThat(listed.credentials()).hasSize(1);
        WebAuthnCredentialDescription description = listed.credentials().get(0);
        assertThat(description.relyingPartyId()).isEqualTo("example.com");
        assertThat(description.friendlyCredentialName()).isEqualTo("Passkey");
        assertThat(description.authenticatorAttachment()).isEqualTo("platform");
        assertThat(description.authenticatorTransports()).containsExactly("internal");
        assertThat(description.createdAt()).isBefore(Instant.now().plusSeconds(1));
        assertThat(listed.nextToken()).isNull();

        InitiateAuthResponse challenge =
                userAuth(clientId, Map.of("USERNAME", "alice", "PREFERRED_CHALLENGE", "WEB_AUTHN"));
        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.WEB_AUTHN);
        String assertion = passkey.authenticate(challenge.challengeParameters().get("CREDENTIAL_REQUEST_OPTIONS"));
        RespondToAuthChallengeResponse signedIn = respond(
                clientId,
                ChallengeNameType.WEB_AUTHN,
                challenge.session(),
                Map.of("USERNAME", "alice", "CREDENTIAL", assertion));
        assertThat(signedIn.authenticationResult().accessToken()).isNotBlank();

        GetUserAuthFactorsResponse factors =
                cognito().getUserAuthFactors((request) -> request.accessToken(accessToken));
        assertThat(factors.username()).isEqualTo("alice");
        assertThat(factors.configuredUserAuthFactors())
                .containsExactly(AuthFactorType.PASSWORD, AuthFactorType.WEB_AUTHN);

        cognito()
                .deleteWebAuthnCredential(
                        (request) -> request.accessToken(accessToken).credentialId(description.credentialId()));
        assertThat(cognito()
                        .listWebAuthnCredentials((request) -> request.accessToken(accessToken))
                        .credentials())
                .isEmpty();
        cognitoError(
                ResourceNotFoundException.class,
                () -> cognito()
                        .deleteWebAuthnCredential((request) ->
                                request.accessToken(accessToken).credentialId(description.credentialId())));
    }

    @Test
    void registrationErrorsAreCognitos() {
        String poolId = passkeyPool(AuthFactorType.PASSWORD, AuthFactorType.WEB_AUTHN);
        String clientId = userAuthClient(poolId);
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);
        String accessToken = signIn(clientId, "alice", STRONG_PASSWORD).accessToken();
        Map<String, Object> credential = new SoftwarePasskey(ORIGIN).register(startRegistration(accessToken));
        cognito()
                .completeWebAuthnRegistration(
                        (request) -> request.accessToken(accessToken).credential(document(credential)));

        WebAuthnChallengeNotFoundException spent = cognitoError(
                WebAuthnChallengeNotFoundException.class,
                () -> cognito()
                        .completeWebAuthnRegistration(
                                (request) -> request.accessToken(accessToken).credential(document(credential))));
        assertThat(spent.awsErrorDetails().errorMessage())
                .isEqualTo("The passkey registration challenge was not found or has expired.");

        Map<String, Object> elsewhere =
                new SoftwarePasskey("https://example.org").register(startRegistration(accessToken));
        cognitoError(
                WebAuthnOriginNotAllowedException.class,
                () -> cognito()
                        .completeWebAuthnRegistration(
                                (request) -> request.accessToken(accessToken).credential(document(elsewhere))));

        String passwordsOnly = passkeyPool(AuthFactorType.PASSWORD);
        String otherClient = userAuthClient(passwordsOnly);
        createConfirmedUser(passwordsOnly, "bob", STRONG_PASSWORD);
        String bobToken = signIn(otherClient, "bob", STRONG_PASSWORD).accessToken();
        cognitoError(
                WebAuthnNotEnabledException.class,
                () -> cognito().startWebAuthnRegistration((request) -> request.accessToken(bobToken)));
    }

    @Test
    void aUserHasAtMostTwentyPasskeys() {
        String poolId = passkeyPool(AuthFactorType.PASSWORD, AuthFactorType.WEB_AUTHN);
        String clientId = userAuthClient(poolId);
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);
        String accessToken = signIn(clientId, "alice", STRONG_PASSWORD).accessToken();
        SoftwarePasskey passkey = new SoftwarePasskey(ORIGIN);
        for (int i = 0; i < 20; i++) {
            register(accessToken, passkey);
        }

        ListWebAuthnCredentialsResponse page = cognito()
                .listWebAuthnCredentials(
                        (request) -> request.accessToken(accessToken).maxResults(15));
        assertThat(page.credentials()).hasSize(15);
        assertThat(cognito()
                        .listWebAuthnCredentials(
                                (request) -> request.accessToken(accessToken).nextToken(page.nextToken()))
                        .credentials())
                .hasSize(5);
        cognitoError(
                LimitExceededException.class,
                () -> cognito().startWebAuthnRegistration((request) -> request.accessToken(accessToken)));
    }

    @Test
    void aPoolWithoutADomainUsesTheLocalRelyingParty() {
        String poolId = createPool((request) -> request.policies((policies) -> policies.signInPolicy(
                        (sign) -> sign.allowedFirstAuthFactors(AuthFactorType.PASSWORD, AuthFactorType.WEB_AUTHN))))
                .id();
        String clientId = userAuthClient(poolId);
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);
        String accessToken = signIn(clientId, "alice", STRONG_PASSWORD).accessToken();
        SoftwarePasskey passkey = new SoftwarePasskey("http://localhost:3000");

        Map<String, Object> options = startRegistration(accessToken);
        assertThat(options.get("rp")).isEqualTo(Map.of("id", "localhost", "name", "localhost"));
        register(accessToken, passkey);

        InitiateAuthResponse challenge =
                userAuth(clientId, Map.of("USERNAME", "alice", "PREFERRED_CHALLENGE", "WEB_AUTHN"));
        String assertion = passkey.authenticate(challenge.challengeParameters().get("CREDENTIAL_REQUEST_OPTIONS"));
        assertThat(respond(
                                clientId,
                                ChallengeNameType.WEB_AUTHN,
                                challenge.session(),
                                Map.of("USERNAME", "alice", "CREDENTIAL", assertion))
                        .authenticationResult()
                        .idToken())
                .isNotBlank();
    }

    @Test
    void withoutAPreferenceTheUserSelectsAPassword() {
        String poolId = passkeyPool(AuthFactorType.PASSWORD, AuthFactorType.WEB_AUTHN);
        String clientId = userAuthClient(poolId);
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);

        InitiateAuthResponse selection = userAuth(clientId, Map.of("USERNAME", "alice"));

        assertThat(selection.challengeName()).isEqualTo(ChallengeNameType.SELECT_CHALLENGE);
        assertThat(selection.availableChallenges())
                .containsExactly(ChallengeNameType.PASSWORD, ChallengeNameType.PASSWORD_SRP);
        RespondToAuthChallengeResponse signedIn = respond(
                clientId,
                ChallengeNameType.SELECT_CHALLENGE,
                selection.session(),
                Map.of("USERNAME", "alice", "ANSWER", "PASSWORD", "PASSWORD", STRONG_PASSWORD));
        assertThat(signedIn.authenticationResult().accessToken()).isNotBlank();

        InitiateAuthResponse again = userAuth(clientId, Map.of("USERNAME", "alice"));
        cognitoError(
                NotAuthorizedException.class,
                () -> respond(
                        clientId,
                        ChallengeNameType.PASSWORD,
                        again.session(),
                        Map.of("USERNAME", "alice", "PASSWORD", "Wrong!Passw0rd")));
    }

    @Test
    void aPreferredPasswordAndAPreferredSrpSignIn() {
        String poolId = passkeyPool(AuthFactorType.PASSWORD);
        String clientId = userAuthClient(poolId);
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);

        InitiateAuthResponse password = userAuth(
                clientId, Map.of("USERNAME", "alice", "PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", STRONG_PASSWORD));
        assertThat(password.authenticationResult().refreshToken()).isNotBlank();

        IndependentSrpClient srp = new IndependentSrpClient(poolId, 11);
        InitiateAuthResponse verifier = userAuth(
                clientId, Map.of("USERNAME", "alice", "PREFERRED_CHALLENGE", "PASSWORD_SRP", "SRP_A", srp.srpA()));
        assertThat(verifier.challengeName()).isEqualTo(ChallengeNameType.PASSWORD_VERIFIER);
        Map<String, String> answer = srp.answer(
                new LinkedHashMap<>(verifier.challengeParameters()),
                STRONG_PASSWORD,
                IndependentSrpClient.timestamp(Instant.now()));
        RespondToAuthChallengeResponse signedIn = cognito()
                .respondToAuthChallenge((request) -> request.clientId(clientId)
                        .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                        .challengeResponses(answer));
        assertThat(signedIn.authenticationResult().accessToken()).isNotBlank();
    }

    @Test
    void codesByEmailAndSmsSignInWithoutAPassword() {
        String poolId = passkeyPool(AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP, AuthFactorType.SMS_OTP);
        String clientId = userAuthClient(poolId);
        createUser(
                poolId,
                "alice",
                attribute("email", "alice@example.com"),
                attribute("email_verified", "true"),
                attribute("phone_number", "+15555550100"),
                attribute("phone_number_verified", "true"));
        cognito()
                .adminSetUserPassword((request) -> request.userPoolId(poolId)
                        .username("alice")
                        .password(STRONG_PASSWORD)
                        .permanent(true));

        InitiateAuthResponse email =
                userAuth(clientId, Map.of("USERNAME", "alice", "PREFERRED_CHALLENGE", "EMAIL_OTP"));
        assertThat(email.challengeName()).isEqualTo(ChallengeNameType.EMAIL_OTP);
        assertThat(email.challengeParameters()).containsEntry("CODE_DELIVERY_DELIVERY_MEDIUM", "EMAIL");
        String emailCode = latestCode(poolId, "alice");
        assertThat(respond(
                                clientId,
                                ChallengeNameType.EMAIL_OTP,
                                email.session(),
                                Map.of("USERNAME", "alice", "EMAIL_OTP_CODE", emailCode))
                        .authenticationResult()
                        .accessToken())
                .isNotBlank();

        InitiateAuthResponse selection = userAuth(clientId, Map.of("USERNAME", "alice"));
        assertThat(selection.availableChallenges()).contains(ChallengeNameType.EMAIL_OTP, ChallengeNameType.SMS_OTP);
        RespondToAuthChallengeResponse sms = respond(
                clientId,
                ChallengeNameType.SELECT_CHALLENGE,
                selection.session(),
                Map.of("USERNAME", "alice", "ANSWER", "SMS_OTP"));
        assertThat(sms.challengeName()).isEqualTo(ChallengeNameType.SMS_OTP);
        String smsCode = latestCode(poolId, "alice");
        assertThat(respond(
                                clientId,
                                ChallengeNameType.SMS_OTP,
                                sms.session(),
                                Map.of("USERNAME", "alice", "SMS_OTP_CODE", smsCode))
                        .authenticationResult()
                        .accessToken())
                .isNotBlank();

        AdminGetUserAuthFactorsResponse factors = cognito()
                .adminGetUserAuthFactors((request) -> request.userPoolId(poolId).username("alice"));
        assertThat(factors.configuredUserAuthFactors())
                .containsExactly(AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP, AuthFactorType.SMS_OTP);
    }

    /** A document of the SDK read back into plain maps, lists, strings, numbers and booleans. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(Map<String, Document> document) {
        Map<String, Object> plain = new LinkedHashMap<>();
        document.forEach((name, value) -> plain.put(name, plainValue(value)));
        return plain;
    }

    private static Object plainValue(Document value) {
        if (value.isMap()) {
            return plain(value.asMap());
        }
        if (value.isList()) {
            return value.asList().stream()
                    .map(PasskeyAndChoiceBasedSignInTests::plainValue)
                    .toList();
        }
        if (value.isNumber()) {
            return value.asNumber().longValue();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        return value.isNull() ? null : value.asString();
    }

    /** A plain map as a document of the SDK. */
    @SuppressWarnings("unchecked")
    private static Document document(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Document> members = new LinkedHashMap<>();
            map.forEach((name, member) -> members.put((String) name, document(member)));
            return Document.fromMap(members);
        }
        if (value instanceof List<?> list) {
            return Document.fromList(list.stream()
                    .map(PasskeyAndChoiceBasedSignInTests::document)
                    .toList());
        }
        if (value instanceof Number number) {
            return Document.fromNumber(SdkNumber.fromString(number.toString()));
        }
        if (value instanceof Boolean bool) {
            return Document.fromBoolean(bool);
        }
        return (value == null) ? Document.fromNull() : Document.fromString((String) value);
    }
}
