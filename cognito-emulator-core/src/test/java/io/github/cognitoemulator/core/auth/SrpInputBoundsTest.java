package io.github.cognitoemulator.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.password.SrpGroup;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every SRP input the server parses is bounded before any big-number work, so that what one request costs does not
 * depend on what the caller sends: an SRP_A that is not a public value is an invalid parameter, and an answer value
 * that cannot be one the protocol produces gets Cognito's answer to a wrong password, never a 500.
 */
class SrpInputBoundsTest {

    private static final String INCORRECT = "400 NotAuthorizedException: Incorrect username or password.";

    /**
     * A tampered SRP_A is an invalid parameter in real Cognito: amazon-archives/amazon-cognito-identity-js issue #356
     * ("SRP_A server validation. Security issue?", 2017) got {@code InvalidParameterException} most of the time for a
     * changed SRP_A. Cognito's message is not published; this one is the emulator's choice.
     */
    private static final String INVALID_SRP_A = "400 InvalidParameterException: Invalid SRP_A value.";

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool();

    private final AppClient client = this.fixture.createClient(
            this.poolId, Map.of("ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));

    private final IndependentSrpClient srp = new IndependentSrpClient(this.poolId, 7);

    SrpInputBoundsTest() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
    }

    private Reply initiate(String username, String srpA) {
        return this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow",
                        "USER_SRP_AUTH",
                        "ClientId",
                        this.client.id(),
                        "AuthParameters",
                        Map.of("USERNAME", username, "SRP_A", srpA)));
    }

    private Reply respond(Map<String, String> responses) {
        return this.fixture.call(
                "RespondToAuthChallenge",
                Map.of(
                        "ClientId",
                        this.client.id(),
                        "ChallengeName",
                        "PASSWORD_VERIFIER",
                        "ChallengeResponses",
                        responses));
    }

    private Map<String, String> answer(String password) {
        Reply challenge = initiate("alice", this.srp.srpA());
        return new LinkedHashMap<>(this.srp.answer(
                challenge.map("ChallengeParameters"),
                password,
                IndependentSrpClient.timestamp(this.fixture.clock().instant())));
    }

    @Test
    void theLongestSrpAIsAcceptedAndOneDigitMoreIsRefusedByItsLengthAlone() {
        // 770 digits: the largest A below N with padHex's sign byte.
        String longest = SrpGroup.padHex(SrpGroup.N.subtract(BigInteger.ONE));

        assertThat(initiate("alice", longest).string("ChallengeName")).isEqualTo("PASSWORD_VERIFIER");
        // The same small value, once with 770 digits and once with 771: only the length tells them apart.
        assertThat(initiate("alice", "0".repeat(769) + "2").string("ChallengeName"))
                .isEqualTo("PASSWORD_VERIFIER");
        assertThat(initiate("alice", "0".repeat(770) + "2").error()).isEqualTo(INVALID_SRP_A);
    }

    @Test
    void anSrpAAsLongAsTheModelAllowsIsRefusedBeforeItIsParsed() {
        // 131,072 hex digits, the most a parameter may have; parsed, it would be a valid A, and take a second.
        assertThat(initiate("alice", "f".repeat(131_072)).error()).isEqualTo(INVALID_SRP_A);
    }

    @Test
    void aSignedOrPrefixedSrpAIsRefusedAtOnceRatherThanFailingTheAnswer() {
        assertThat(initiate("alice", "-1").error()).isEqualTo(INVALID_SRP_A);
        assertThat(initiate("alice", "+" + this.srp.srpA()).error()).isEqualTo(INVALID_SRP_A);
        assertThat(initiate("alice", "0x" + this.srp.srpA()).error()).isEqualTo(INVALID_SRP_A);
        assertThat(initiate("alice", "").error()).isEqualTo(INVALID_SRP_A);
        assertThat(initiate("alice", SrpGroup.N.toString(16)).error()).isEqualTo(INVALID_SRP_A);
    }

    @Test
    void aBadSrpAIsRefusedBeforeTheUserIsLookedUp() {
        // The client reveals unknown users (LEGACY), yet the SRP_A is refused first.
        assertThat(initiate("nobody", "-1").error()).isEqualTo(INVALID_SRP_A);
        assertThat(initiate("nobody", this.srp.srpA()).error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
    }

    @Test
    void anSrpAZeroFilledToTheBoundSignsIn() {
        String filled = "0".repeat(770 - this.srp.srpA().length()) + this.srp.srpA();
        Reply challenge = initiate("alice", filled);

        Map<String, String> answer = this.srp.answer(
                challenge.map("ChallengeParameters"),
                SignInFixture.PASSWORD,
                IndependentSrpClient.timestamp(this.fixture.clock().instant()));

        assertThat(SignInFixture.tokens(respond(answer)).accessToken()).isNotEmpty();
    }

    @Test
    void aTimestampWithATwoDigitDayIsTheLongestAccepted() {
        this.fixture.clock().set(Instant.parse("2024-09-25T10:11:12Z"));
        Map<String, String> answer = answer(SignInFixture.PASSWORD);

        assertThat(answer.get("TIMESTAMP"))
                .isEqualTo("Wed Sep 25 10:11:12 UTC 2024")
                .hasSize(28);
        assertThat(SignInFixture.tokens(respond(answer)).accessToken()).isNotEmpty();
    }

    @Test
    void anOverlongTimestampIsIncorrect() {
        Map<String, String> answer = answer(SignInFixture.PASSWORD);
        answer.put("TIMESTAMP", answer.get("TIMESTAMP") + " ".repeat(100_000));

        assertThat(respond(answer).error()).isEqualTo(INCORRECT);
    }

    @Test
    void anOverlongSignatureIsIncorrect() {
        Map<String, String> answer = answer(SignInFixture.PASSWORD);
        // Valid base64 of 98,304 zero bytes.
        answer.put("PASSWORD_CLAIM_SIGNATURE", "A".repeat(131_072));

        assertThat(respond(answer).error()).isEqualTo(INCORRECT);
    }

    @Test
    void aSecretBlockOfAnotherLengthIsIncorrectWithoutBeingLookedUp() {
        Map<String, String> answer = answer(SignInFixture.PASSWORD);
        String block = answer.get("PASSWORD_CLAIM_SECRET_BLOCK");
        assertThat(block).hasSize(AuthSessions.TOKEN_LENGTH);

        answer.put("PASSWORD_CLAIM_SECRET_BLOCK", block + "A");
        assertThat(respond(answer).error()).isEqualTo(INCORRECT);
        answer.put("PASSWORD_CLAIM_SECRET_BLOCK", block.substring(1));
        assertThat(respond(answer).error()).isEqualTo(INCORRECT);
        // Neither spent the real block.
        answer.put("PASSWORD_CLAIM_SECRET_BLOCK", block);
        assertThat(SignInFixture.tokens(respond(answer)).accessToken()).isNotEmpty();
    }

    @Test
    void aTimestampOfTwentyEightCharactersFitsAndOneMoreDoesNot() {
        assertThat(SrpAnswerBounds.timestampFits("x".repeat(28))).isTrue();
        assertThat(SrpAnswerBounds.timestampFits("x".repeat(29))).isFalse();
    }

    @Test
    void aSignatureOfFortyFourCharactersFitsAndOneMoreDoesNot() {
        assertThat(SrpAnswerBounds.signatureFits("A".repeat(44))).isTrue();
        assertThat(SrpAnswerBounds.signatureFits("A".repeat(45))).isFalse();
    }

    @Test
    void aSecretBlockFitsAtFourHundredCharactersExactly() {
        assertThat(SrpAnswerBounds.secretBlockFits("A".repeat(399))).isFalse();
        assertThat(SrpAnswerBounds.secretBlockFits("A".repeat(400))).isTrue();
        assertThat(SrpAnswerBounds.secretBlockFits("A".repeat(401))).isFalse();
    }
}
