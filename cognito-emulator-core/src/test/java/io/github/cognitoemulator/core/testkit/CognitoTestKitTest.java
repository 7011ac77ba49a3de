package io.github.cognitoemulator.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.message.Message;
import io.github.cognitoemulator.core.testkit.CognitoTestKit.CreatedUser;
import io.github.cognitoemulator.core.testkit.CognitoTestKit.Tokens;
import io.github.cognitoemulator.core.trigger.PreTokenGenerationTrigger;
import io.github.cognitoemulator.core.trigger.TriggerEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CognitoTestKitTest {

    private static final String ISSUER_BASE = "http://localhost:8080/cognito";

    private static final String PASSWORD = "Carol-Passw0rd!";

    private final List<TriggerEvent<PreTokenGenerationTrigger.Request>> tokenEvents = new ArrayList<>();

    private final AtomicInteger issuerReads = new AtomicInteger();

    private final SignInFixture fixture =
            SignInFixture.create((builder) -> builder.lambdaFunction("tokens", (PreTokenGenerationTrigger) (event) -> {
                this.tokenEvents.add(event);
                return new PreTokenGenerationTrigger.Response(
                        new PreTokenGenerationTrigger.ClaimsOverrideDetails(Map.of("tenant", "acme"), null, null));
            }));

    private final CognitoTestKit kit = CognitoTestKit.of(this.fixture.emulator(), () -> {
        this.issuerReads.incrementAndGet();
        return ISSUER_BASE;
    });

    private final String poolId = this.fixture.createPool(Map.of(
            "AutoVerifiedAttributes",
            List.of("email"),
            "LambdaConfig",
            Map.of("PreTokenGeneration", "arn:aws:lambda:us-east-1:000000000000:function:tokens")));

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private void createGroup(String group) {
        this.fixture
                .call("CreateGroup", Map.of("UserPoolId", this.poolId, "GroupName", group))
                .requireSuccess();
    }

    private CreatedUser createCarol() {
        createGroup("admin");
        return this.kit
                .pool(this.poolId)
                .user("carol")
                .password(PASSWORD)
                .attribute("email", "carol@example.com")
                .attribute("email_verified", "true")
                .groups("admin")
                .create();
    }

    /** The claims of a token but those that differ between any two sign-ins. */
    private static Map<String, Object> stableClaims(String jwt) {
        Map<String, Object> claims = new HashMap<>(SignInFixture.payload(jwt));
        claims.keySet().removeAll(List.of("jti", "event_id", "origin_jti"));
        return claims;
    }

    @Test
    void createsAConfirmedUserWithAttributesAndGroups() {
        CreatedUser carol = createCarol();

        assertThat(carol.userPoolId()).isEqualTo(this.poolId);
        assertThat(carol.username()).isEqualTo("carol");
        assertThat(this.fixture.statusOf(this.poolId, "carol")).isEqualTo("CONFIRMED");
        assertThat(this.fixture.attributesOf(this.poolId, "carol"))
                .containsEntry("sub", carol.sub())
                .containsEntry("email", "carol@example.com")
                .containsEntry("email_verified", "true");
        assertThat(this.fixture
                        .call("AdminListGroupsForUser", Map.of("UserPoolId", this.poolId, "Username", "carol"))
                        .requireSuccess()
                        .list("Groups"))
                .extracting((group) -> group.get("GroupName"))
                .containsExactly("admin");
        assertThat(this.fixture.emulator().inbox().messages(this.poolId, null)).isEmpty();
        assertThat(SignInFixture.tokens(this.fixture.signIn(this.client.id(), "carol", PASSWORD))
                        .accessToken())
                .isNotEmpty();
    }

    @Test
    void aTemporaryPasswordLeavesTheUserToChangeIt() {
        this.kit
                .pool(this.poolId)
                .user("dave")
                .temporaryPassword("Temp-Passw0rd!")
                .create();

        assertThat(this.fixture.statusOf(this.poolId, "dave")).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(this.fixture
                        .signIn(this.client.id(), "dave", "Temp-Passw0rd!")
                        .string("ChallengeName"))
                .isEqualTo("NEW_PASSWORD_REQUIRED");
        assertThat(this.fixture.emulator().inbox().messages(this.poolId, null)).isEmpty();
        assertThatIllegalStateException()
                .isThrownBy(() -> this.kit.pool(this.poolId).tokensFor("dave"))
                .withMessage("User dave of pool " + this.poolId + " has a temporary password: a sign-in would be"
                        + " challenged to set a new one (NEW_PASSWORD_REQUIRED) rather than get tokens");
    }

    @Test
    void withoutAPasswordThePoolInvitesTheUserWithATemporaryOne() {
        // AdminCreateUser sends the invitation by SMS unless asked otherwise.
        this.kit
                .pool(this.poolId)
                .user("erin")
                .attribute("phone_number", "+15555550100")
                .create();

        String temporary = this.kit.latestCode(this.poolId, "erin");
        Message invitation = this.kit.latestMessage(this.poolId, "erin").orElseThrow();

        assertThat(invitation.type()).isEqualTo("AdminCreateUser");
        assertThat(invitation.code()).isEqualTo(temporary);
        assertThat(this.fixture.statusOf(this.poolId, "erin")).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(this.fixture.signIn(this.client.id(), "erin", temporary).string("ChallengeName"))
                .isEqualTo("NEW_PASSWORD_REQUIRED");
    }

    @Test
    void aMissingGroupIsCognitosErrorAndLeavesNoUser() {
        createGroup("admin");

        assertThatThrownBy(() -> this.kit
                        .pool(this.poolId)
                        .user("carol")
                        .password(PASSWORD)
                        .groups("admin", "ghosts")
                        .create())
                .isInstanceOfSatisfying(
                        CognitoException.class, (ex) -> assertThat(ex.type()).isEqualTo(ErrorType.RESOURCE_NOT_FOUND))
                .hasMessage("Group not found.");
        assertThat(this.fixture.adminGetUser(this.poolId, "carol").error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
    }

    @Test
    void cognitosErrorsComeThroughWithTheirType() {
        createCarol();

        assertThatThrownBy(() -> this.kit.pool(this.poolId).user("carol").create())
                .isInstanceOfSatisfying(
                        CognitoException.class, (ex) -> assertThat(ex.type()).isEqualTo(ErrorType.USERNAME_EXISTS))
                .hasMessage("User account already exists");
        assertThatThrownBy(() -> this.kit
                        .pool(this.poolId)
                        .user("weak")
                        .password("short")
                        .create())
                .isInstanceOfSatisfying(
                        CognitoException.class, (ex) -> assertThat(ex.type()).isEqualTo(ErrorType.INVALID_PASSWORD));
    }

    @Test
    void anUnknownErrorTypeIsAnInternalError() {
        CognitoException error = CognitoTestKit.error(new CognitoTestKit.ErrorAnswer("SomethingNewException", null));

        assertThat(error.type()).isEqualTo(ErrorType.INTERNAL_ERROR);
        assertThat(error.getMessage()).isNull();
        assertThat(CognitoTestKit.error(new CognitoTestKit.ErrorAnswer("UserNotFoundException", "gone"))
                        .getMessage())
                .isEqualTo("gone");
    }

    @Test
    void aDisabledUserGetsNoTokens() {
        this.kit.pool(this.poolId).user("frank").password(PASSWORD).disabled().create();

        assertThat(this.fixture.adminGetUser(this.poolId, "frank").at("Enabled"))
                .isEqualTo(false);
        assertThatThrownBy(() -> this.kit.pool(this.poolId).tokensFor("frank"))
                .isInstanceOfSatisfying(
                        CognitoException.class, (ex) -> assertThat(ex.type()).isEqualTo(ErrorType.NOT_AUTHORIZED))
                .hasMessage("User is disabled.");
    }

    @Test
    void anUnconfirmedUserGetsNoTokens() {
        this.fixture
                .call(
                        "SignUp",
                        Map.of(
                                "ClientId",
                                this.client.id(),
                                "Username",
                                "gina",
                                "Password",
                                PASSWORD,
                                "UserAttributes",
                                EmulatorFixture.attributes("email", "gina@example.com")))
                .requireSuccess();

        assertThatThrownBy(() -> this.kit.pool(this.poolId).tokensFor("gina"))
                .isInstanceOfSatisfying(
                        CognitoException.class, (ex) -> assertThat(ex.type()).isEqualTo(ErrorType.USER_NOT_CONFIRMED))
                .hasMessage("User is not confirmed.");
        assertThat(this.kit.latestCode(this.poolId, "gina")).matches("[0-9]{6}");
    }

    @Test
    void aUserWhosePasswordMustBeResetGetsNoTokens() {
        createCarol();
        this.fixture
                .call("AdminResetUserPassword", Map.of("UserPoolId", this.poolId, "Username", "carol"))
                .requireSuccess();

        assertThatThrownBy(() -> this.kit.pool(this.poolId).tokensFor("carol"))
                .isInstanceOfSatisfying(
                        CognitoException.class,
                        (ex) -> assertThat(ex.type()).isEqualTo(ErrorType.PASSWORD_RESET_REQUIRED))
                .hasMessage("Password reset required for the user");
    }

    @Test
    void aMissingPoolClientOrUserIsCognitosError() {
        createCarol();
        String otherPool = this.fixture.createPool();
        AppClient otherClient = this.fixture.createPasswordClient(otherPool);

        assertThatThrownBy(() -> this.kit.pool("us-east-1_missing").tokensFor("carol"))
                .isInstanceOf(CognitoException.class)
                .hasMessage("User pool us-east-1_missing does not exist.");
        assertThatThrownBy(() -> this.kit.pool("us-east-1_missing").tokensFor("carol", this.client.id()))
                .isInstanceOf(CognitoException.class)
                .hasMessage("User pool us-east-1_missing does not exist.");
        assertThatThrownBy(() -> this.kit.pool(this.poolId).tokensFor("carol", otherClient.id()))
                .isInstanceOf(CognitoException.class)
                .hasMessage("User pool client " + otherClient.id() + " does not exist.");
        assertThatThrownBy(() -> this.kit.pool(this.poolId).tokensFor("nobody"))
                .isInstanceOfSatisfying(
                        CognitoException.class, (ex) -> assertThat(ex.type()).isEqualTo(ErrorType.USER_NOT_FOUND))
                .hasMessage("User does not exist.");
    }

    @Test
    void theTokensAreThoseOfASignIn() {
        CreatedUser carol = createCarol();
        SignInFixture.Tokens signedIn = SignInFixture.tokens(this.fixture.signIn(this.client.id(), "carol", PASSWORD));
        this.tokenEvents.clear();

        Tokens tokens = this.kit.pool(this.poolId).tokensFor("carol");

        Map<String, Object> access = stableClaims(tokens.accessToken());
        Map<String, Object> id = stableClaims(tokens.idToken());
        Map<String, Object> expectedAccess = stableClaims(signedIn.accessToken());
        Map<String, Object> expectedId = stableClaims(signedIn.idToken());
        String issuer = ISSUER_BASE + "/" + this.poolId;
        expectedAccess.put("iss", issuer);
        expectedId.put("iss", issuer);
        assertThat(access).isEqualTo(expectedAccess);
        assertThat(id).isEqualTo(expectedId);
        assertThat(access)
                .containsEntry("sub", carol.sub())
                .containsEntry("cognito:groups", List.of("admin"))
                .containsEntry("client_id", this.client.id())
                .containsEntry("scope", "aws.cognito.signin.user.admin")
                .containsEntry("iss", issuer);
        assertThat(id).containsEntry("tenant", "acme").containsEntry("email", "carol@example.com");
        assertThat(tokens.expiresIn()).isEqualTo(3600);
        assertThat(tokens).hasToString("Tokens[expiresIn=3600]");
        assertThat(this.tokenEvents).hasSize(1);
        assertThat(this.tokenEvents.get(0).triggerSource()).isEqualTo("TokenGeneration_Authentication");
        assertThat(this.issuerReads.get()).isEqualTo(1);
    }

    @Test
    void theAccessTokenWorksUntilItExpiresAndTheRefreshTokenRefreshes() {
        createCarol();
        Tokens tokens = this.kit.pool(this.poolId).tokensFor("carol");

        assertThat(this.fixture.getUser(tokens.accessToken()).string("Username"))
                .isEqualTo("carol");
        SignInFixture.Tokens refreshed =
                SignInFixture.tokens(this.fixture.refresh(this.client.id(), tokens.refreshToken()));
        assertThat(SignInFixture.payload(refreshed.accessToken())).containsEntry("cognito:groups", List.of("admin"));

        this.kit.advanceClock(Duration.ofHours(1).minusSeconds(1));
        assertThat(this.fixture.getUser(tokens.accessToken()).status()).isEqualTo(200);
        this.kit.advanceClock(Duration.ofSeconds(1));
        assertThat(this.fixture.getUser(tokens.accessToken()).error())
                .isEqualTo("400 NotAuthorizedException: Access Token has expired");
        assertThat(this.kit.clock().offset()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theOnlyClientIsTheDefaultAndSeveralMustBeNamed() {
        createCarol();
        String emptyPool = this.fixture.createPool();

        assertThatIllegalStateException()
                .isThrownBy(() -> this.kit.pool(emptyPool).tokensFor("carol"))
                .withMessage("Pool " + emptyPool + " has 0 app clients []: name the one to sign in through with"
                        + " tokensFor(username, clientId)");

        AppClient second = this.fixture.createPasswordClient(this.poolId);
        assertThatIllegalStateException()
                .isThrownBy(() -> this.kit.pool(this.poolId).tokensFor("carol"))
                .withMessageStartingWith("Pool " + this.poolId + " has 2 app clients [")
                .withMessageContaining(this.client.id())
                .withMessageContaining(second.id());
        assertThat(SignInFixture.payload(this.kit
                        .pool(this.poolId)
                        .tokensFor("carol", second.id())
                        .accessToken()))
                .containsEntry("client_id", second.id());
    }

    @Test
    void latestCodeSaysWhyThereIsNone() {
        createCarol();

        assertThat(this.kit.latestMessage(this.poolId, "carol")).isEmpty();
        assertThatThrownBy(() -> this.kit.latestCode(this.poolId, "carol"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("No message was sent to carol in pool " + this.poolId);
    }

    @Test
    void latestCodeRefusesAMessageWithoutACode() {
        this.fixture
                .emulator()
                .inbox()
                .deliver(new Message(
                        "m-1",
                        this.poolId,
                        "carol",
                        "Notice",
                        "EMAIL",
                        "carol@example.com",
                        "Hello",
                        "Hello",
                        null,
                        SignInFixture.START));

        assertThatThrownBy(() -> this.kit.latestCode(this.poolId, "carol"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("The newest message to carol in pool " + this.poolId + " (Notice) carries no code");
    }

    @Test
    void resetEmptiesTheEmulatorAndSetsTheClockBack() {
        createCarol();
        this.kit.advanceClock(Duration.ofDays(2));

        this.kit.reset();

        assertThat(this.fixture.emulator().store().pools().list()).isEmpty();
        assertThat(this.kit.clock().offset()).isEqualTo(Duration.ZERO);
        assertThat(this.kit.clock().instant()).isEqualTo(SignInFixture.START);
    }

    @Test
    void aKitWithoutABaseUrlNamesCognitosIssuer() {
        CognitoEmulator emulator = this.fixture.emulator();
        createCarol();

        CognitoTestKit plain = CognitoTestKit.of(emulator);

        assertThat(plain.emulator()).isSameAs(emulator);
        assertThat(plain.pool(this.poolId).id()).isEqualTo(this.poolId);
        assertThat(SignInFixture.payload(
                        plain.pool(this.poolId).tokensFor("carol").idToken()))
                .containsEntry("iss", "https://cognito-idp.us-east-1.amazonaws.com/" + this.poolId);
    }
}
