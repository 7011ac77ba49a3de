package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.message.Message;
import io.github.cognitoemulator.core.token.PoolKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnauthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * No password, code, temporary password, private key, refresh token or client secret reaches a log line or an error
 * message. Real flows, successful and failing, run through the SDK against a secret client while the emulator logs at
 * DEBUG; then every secret they used or produced is looked for in all the application printed meanwhile and in every
 * error the emulator answered.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsTests extends SignInUseCase {

    private static final String EMULATOR_LOGGERS = "io.github.cognitoemulator";

    /** A private member of a JWK (RSA) with a value long enough to be key material. */
    private static final Pattern PRIVATE_JWK_MEMBER =
            Pattern.compile("\"(d|p|q|dp|dq|qi)\"\\s*:\\s*\"[A-Za-z0-9_-]{16,}");

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    CognitoEmulator emulator;

    @Autowired
    LoggingSystem loggingSystem;

    /** Every secret the flows used or produced. */
    private final Set<String> secrets = new LinkedHashSet<>();

    /** Every error the emulator answered: bodies, {@code x-amzn-ErrorMessage} headers, the SDK's messages. */
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void logEverythingTheEmulatorLogs() {
        this.loggingSystem.setLogLevel(EMULATOR_LOGGERS, LogLevel.DEBUG);
    }

    @AfterEach
    void restoreLogLevels() {
        this.loggingSystem.setLogLevel(EMULATOR_LOGGERS, null);
    }

    @Test
    void noSecretReachesTheLogOrAnErrorMessage(CapturedOutput output) {
        assertThat(LoggerFactory.getLogger(CognitoEmulator.class).isDebugEnabled())
                .as("the emulator logs at DEBUG")
                .isTrue();
        String poolId = createPool((request) -> request.autoVerifiedAttributes(VerifiedAttributeType.EMAIL))
                .id();
        UserPoolClientType client = cognito()
                .createUserPoolClient((request) -> request.userPoolId(poolId)
                        .clientName(unique("secret"))
                        .generateSecret(true)
                        .explicitAuthFlows(
                                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient();
        String clientId = client.clientId();
        String clientSecret = secret(client.clientSecret());

        invitationsWithTemporaryPasswords(poolId, clientId, clientSecret);
        signUpSignInRefreshAndRevoke(poolId, clientId, clientSecret);
        String temporary = forgottenAndChangedPasswords(poolId, clientId, clientSecret);
        failuresCarryingSecrets(poolId, clientId, clientSecret, temporary);

        for (Message message : this.emulator.inbox().messages(poolId, null)) {
            secret(message.code());
        }
        PoolKeys keys = this.emulator.store().signingKeys().find(poolId).orElseThrow();
        for (RSAKey key : List.of(keys.idToken(), keys.accessToken())) {
            secret(key.getPrivateExponent().toString());
            secret(key.getFirstPrimeFactor().toString());
            secret(key.getSecondPrimeFactor().toString());
            secret(key.getFirstFactorCRTExponent().toString());
            secret(key.getSecondFactorCRTExponent().toString());
            secret(key.getFirstCRTCoefficient().toString());
        }

        String logged = output.getAll();
        // The capture sees the emulator's log, which has a line for every message delivered.
        assertThat(logged).contains("Cognito emulator EMAIL message to carol@example.com (AdminCreateUser");
        assertThat(this.errors).hasSizeGreaterThan(10);
        assertThat(this.secrets).hasSizeGreaterThan(20);
        List<String> leaks = new ArrayList<>();
        for (String secret : this.secrets) {
            leak("the log", secret, logged).ifPresent(leaks::add);
            for (String error : this.errors) {
                leak("an error message", secret, error).ifPresent(leaks::add);
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(PRIVATE_JWK_MEMBER.matcher(logged).find())
                .as("a private JWK member in the log")
                .isFalse();
    }

    /** AdminCreateUser with a chosen and with a generated temporary password, each sent in an invitation. */
    private void invitationsWithTemporaryPasswords(String poolId, String clientId, String clientSecret) {
        String chosen = password();
        cognito()
                .adminCreateUser((request) -> request.userPoolId(poolId)
                        .username("bob")
                        .temporaryPassword(chosen)
                        .desiredDeliveryMediums(DeliveryMediumType.EMAIL)
                        .userAttributes(attribute("email", "bob@example.com"), attribute("email_verified", "true")));
        assertThat(latestCode(poolId, "bob")).isEqualTo(chosen);
        String permanent = password();
        cognito()
                .adminSetUserPassword((request) -> request.userPoolId(poolId)
                        .username("bob")
                        .password(permanent)
                        .permanent(true));
        signIn(clientId, clientSecret, "bob", permanent);

        cognito()
                .adminCreateUser((request) -> request.userPoolId(poolId)
                        .username("carol")
                        .desiredDeliveryMediums(DeliveryMediumType.EMAIL)
                        .userAttributes(attribute("email", "carol@example.com")));
        String generated = secret(latestCode(poolId, "carol"));
        InitiateAuthResponse challenge = passwordAuth(clientId, clientSecret, "carol", generated);
        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
        String session = secret(challenge.session());
        String chosenByCarol = password();
        AuthenticationResultType tokens = cognito()
                .respondToAuthChallenge((request) -> request.clientId(clientId)
                        .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                        .session(session)
                        .challengeResponses(Map.of(
                                "USERNAME",
                                "carol",
                                "NEW_PASSWORD",
                                chosenByCarol,
                                "SECRET_HASH",
                                secretHash(clientSecret, "carol", clientId))))
                .authenticationResult();
        tokens(tokens);
    }

    /** SignUp, ConfirmSignUp with the code sent, sign-in, both refreshes, RevokeToken. */
    private void signUpSignInRefreshAndRevoke(String poolId, String clientId, String clientSecret) {
        String password = password();
        cognito()
                .signUp((request) -> request.clientId(clientId)
                        .secretHash(secretHash(clientSecret, "alice", clientId))
                        .username("alice")
                        .password(password)
                        .userAttributes(attribute("email", "alice@example.com")));
        String code = secret(latestCode(poolId, "alice"));
        fails(
                CodeMismatchException.class,
                () -> cognito()
                        .confirmSignUp((request) -> request.clientId(clientId)
                                .secretHash(secretHash(clientSecret, "alice", clientId))
                                .username("alice")
                                .confirmationCode(wrongCode(code))));
        cognito()
                .confirmSignUp((request) -> request.clientId(clientId)
                        .secretHash(secretHash(clientSecret, "alice", clientId))
                        .username("alice")
                        .confirmationCode(code));

        AuthenticationResultType tokens = signIn(clientId, clientSecret, "alice", password);
        tokens(cognito()
                .initiateAuth((request) -> request.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .clientId(clientId)
                        .authParameters(Map.of(
                                "REFRESH_TOKEN",
                                tokens.refreshToken(),
                                "SECRET_HASH",
                                secretHash(clientSecret, "alice", clientId))))
                .authenticationResult());
        tokens(cognito()
                .getTokensFromRefreshToken((request) ->
                        request.clientId(clientId).clientSecret(clientSecret).refreshToken(tokens.refreshToken()))
                .authenticationResult());
        fails(
                NotAuthorizedException.class,
                () -> cognito()
                        .getTokensFromRefreshToken((request) -> request.clientId(clientId)
                                .clientSecret(secret(clientSecret.substring(1) + "x"))
                                .refreshToken(tokens.refreshToken())));
        fails(
                UnauthorizedException.class,
                () -> cognito()
                        .revokeToken((request) -> request.clientId(clientId)
                                .clientSecret(secret(clientSecret.substring(1) + "y"))
                                .token(tokens.refreshToken())));
        cognito()
                .revokeToken((request) ->
                        request.clientId(clientId).clientSecret(clientSecret).token(tokens.refreshToken()));
        fails(
                NotAuthorizedException.class,
                () -> cognito()
                        .initiateAuth((request) -> request.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                                .clientId(clientId)
                                .authParameters(Map.of(
                                        "REFRESH_TOKEN",
                                        tokens.refreshToken(),
                                        "SECRET_HASH",
                                        secretHash(clientSecret, "alice", clientId)))));
    }

    /**
     * ForgotPassword and ConfirmForgotPassword, ChangePassword, then a temporary AdminSetUserPassword.
     *
     * @return the temporary password
     */
    private String forgottenAndChangedPasswords(String poolId, String clientId, String clientSecret) {
        cognito()
                .forgotPassword((request) -> request.clientId(clientId)
                        .secretHash(secretHash(clientSecret, "alice", clientId))
                        .username("alice"));
        String code = secret(latestCode(poolId, "alice"));
        String reset = password();
        fails(
                CodeMismatchException.class,
                () -> cognito()
                        .confirmForgotPassword((request) -> request.clientId(clientId)
                                .secretHash(secretHash(clientSecret, "alice", clientId))
                                .username("alice")
                                .confirmationCode(wrongCode(code))
                                .password(reset)));
        fails(
                InvalidPasswordException.class,
                () -> cognito()
                        .confirmForgotPassword((request) -> request.clientId(clientId)
                                .secretHash(secretHash(clientSecret, "alice", clientId))
                                .username("alice")
                                .confirmationCode(code)
                                .password(weakPassword())));
        cognito()
                .confirmForgotPassword((request) -> request.clientId(clientId)
                        .secretHash(secretHash(clientSecret, "alice", clientId))
                        .username("alice")
                        .confirmationCode(code)
                        .password(reset));

        String accessToken = signIn(clientId, clientSecret, "alice", reset).accessToken();
        String changed = password();
        fails(
                NotAuthorizedException.class,
                () -> cognito()
                        .changePassword((request) -> request.accessToken(accessToken)
                                .previousPassword(password())
                                .proposedPassword(changed)));
        cognito()
                .changePassword((request) ->
                        request.accessToken(accessToken).previousPassword(reset).proposedPassword(changed));
        signIn(clientId, clientSecret, "alice", changed);

        String temporary = password();
        cognito()
                .adminSetUserPassword((request) -> request.userPoolId(poolId)
                        .username("alice")
                        .password(temporary)
                        .permanent(false));
        return temporary;
    }

    /**
     * Calls that fail while carrying secrets, some of them malformed so that validation answers.
     *
     * @param temporary alice's temporary password
     */
    private void failuresCarryingSecrets(String poolId, String clientId, String clientSecret, String temporary) {
        fails(NotAuthorizedException.class, () -> passwordAuth(clientId, clientSecret, "bob", password()));
        fails(
                NotAuthorizedException.class,
                () -> cognito()
                        .initiateAuth((request) -> request.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                                .clientId(clientId)
                                .authParameters(Map.of(
                                        "USERNAME",
                                        "bob",
                                        "PASSWORD",
                                        password(),
                                        "SECRET_HASH",
                                        secretHash(clientSecret + "x", "bob", clientId)))));
        fails(
                InvalidPasswordException.class,
                () -> cognito()
                        .adminSetUserPassword((request) -> request.userPoolId(poolId)
                                .username("bob")
                                .password(weakPassword())
                                .permanent(true)));
        fails(
                InvalidPasswordException.class,
                () -> cognito()
                        .adminCreateUser((request) ->
                                request.userPoolId(poolId).username("dave").temporaryPassword(weakPassword())));
        fails(
                InvalidPasswordException.class,
                () -> cognito()
                        .signUp((request) -> request.clientId(clientId)
                                .secretHash(secretHash(clientSecret, "erin", clientId))
                                .username("erin")
                                .password(weakPassword())));

        // Malformed values, which only validation sees: it must name the member without repeating the value.
        String password = password();
        fails(
                InvalidParameterException.class,
                () -> cognito()
                        .adminSetUserPassword((request) -> request.userPoolId(poolId)
                                .username("bob")
                                .password(password + " " + password)
                                .permanent(true)));
        fails(
                InvalidParameterException.class,
                () -> cognito()
                        .createUserPoolClient((request) -> request.userPoolId(poolId)
                                .clientName(unique("short-secret"))
                                .clientSecret(secret("Sh0rt" + token(10)))));
        cognito()
                .forgotPassword((request) -> request.clientId(clientId)
                        .secretHash(secretHash(clientSecret, "bob", clientId))
                        .username("bob"));
        String code = secret(latestCode(poolId, "bob"));
        fails(
                InvalidParameterException.class,
                () -> cognito()
                        .confirmForgotPassword((request) -> request.clientId(clientId)
                                .secretHash(secretHash(clientSecret, "bob", clientId))
                                .username("bob")
                                .confirmationCode(code + " ")
                                .password(password())));
        fails(
                InvalidParameterException.class,
                () -> cognito()
                        .confirmSignUp((request) ->
                                request.clientId(clientId).username("bob").confirmationCode(" " + code)));
        InitiateAuthResponse challenge = passwordAuth(clientId, clientSecret, "alice", temporary);
        String session = secret(challenge.session());
        fails(
                InvalidParameterException.class,
                () -> cognito()
                        .respondToAuthChallenge((request) -> request.clientId(clientId)
                                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                                .session(session + "=".repeat(2048))
                                .challengeResponses(Map.of("USERNAME", "alice", "NEW_PASSWORD", password()))));
    }

    private AuthenticationResultType signIn(String clientId, String clientSecret, String username, String password) {
        AuthenticationResultType tokens =
                passwordAuth(clientId, clientSecret, username, password).authenticationResult();
        assertThat(tokens).as("tokens for %s", username).isNotNull();
        return tokens(tokens);
    }

    private InitiateAuthResponse passwordAuth(String clientId, String clientSecret, String username, String password) {
        return cognito()
                .initiateAuth((request) -> request.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .clientId(clientId)
                        .authParameters(Map.of(
                                "USERNAME",
                                username,
                                "PASSWORD",
                                secret(password),
                                "SECRET_HASH",
                                secretHash(clientSecret, username, clientId))));
    }

    /** Remembers the tokens of an authentication as secrets. */
    private AuthenticationResultType tokens(AuthenticationResultType tokens) {
        secret(tokens.idToken());
        secret(tokens.accessToken());
        if (tokens.refreshToken() != null) {
            secret(tokens.refreshToken());
        }
        return tokens;
    }

    /** Runs a call that must fail and keeps all it answered: the body, the message header, the SDK's message. */
    private <T extends CognitoIdentityProviderException> void fails(Class<T> type, ThrowingCallable call) {
        T error = cognitoError(type, call);
        this.errors.add(error.getMessage());
        this.errors.add(error.awsErrorDetails().rawResponse().asUtf8String());
        error.awsErrorDetails()
                .sdkHttpResponse()
                .firstMatchingHeader("x-amzn-ErrorMessage")
                .ifPresent(this.errors::add);
    }

    /** A fresh password that satisfies Cognito's default policy, remembered as a secret. */
    private String password() {
        return secret("Pw1!" + token(16));
    }

    /** A fresh password that breaks the default policy (no uppercase, no symbol), remembered as a secret. */
    private String weakPassword() {
        return secret("weak" + token(12).toLowerCase(Locale.ROOT) + "7");
    }

    /** Another six digits than {@code code}, remembered as a secret. */
    private String wrongCode(String code) {
        return secret(String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000));
    }

    private String secretHash(String clientSecret, String username, String clientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return secret(Base64.getEncoder()
                    .encodeToString(mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8))));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String secret(String value) {
        assertThat(value).isNotBlank();
        this.secrets.add(value);
        return value;
    }

    private static String token(int length) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return token.toString();
    }

    /**
     * Where {@code secret} shows in {@code text}, if it does. Codes are six digits, which a log may hold by chance
     * inside a longer number, so they count only where no other digit is next to them.
     */
    private static Optional<String> leak(String where, String secret, String text) {
        Matcher found = Pattern.compile(
                        secret.chars().allMatch(Character::isDigit)
                                ? "(?<![0-9])" + secret + "(?![0-9])"
                                : Pattern.quote(secret))
                .matcher(text);
        if (!found.find()) {
            return Optional.empty();
        }
        String excerpt = text.substring(Math.max(0, found.start() - 100), Math.min(text.length(), found.end() + 40));
        return Optional.of(secret + " in " + where + ": ..." + excerpt + "...");
    }
}
