package io.github.cognitoemulator.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.auth.AuthenticationActions.GetTokensFromRefreshTokenRequest;
import io.github.cognitoemulator.core.auth.AuthenticationActions.InitiateAuthRequest;
import io.github.cognitoemulator.core.auth.AuthenticationActions.RespondToAuthChallengeRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests and sessions that hold passwords, tokens and SRP secrets describe themselves without them. */
class AuthTextFormsTest {

    private static final String SECRET = "Str0ng!Passw0rd";

    private static Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("USERNAME", SECRET);
        parameters.put("PASSWORD", SECRET);
        return parameters;
    }

    @Test
    void initiateAuthRequestNamesItsParametersButNotTheirValues() {
        var request =
                new InitiateAuthRequest(true, "us-east-1_pool", "client", AuthFlow.USER_PASSWORD_AUTH, parameters());

        assertThat(request.toString())
                .isEqualTo("InitiateAuthRequest[admin=true, userPoolId=us-east-1_pool, clientId=client,"
                        + " authFlow=USER_PASSWORD_AUTH, authParameters={USERNAME=***, PASSWORD=***}]");
    }

    @Test
    void respondToAuthChallengeRequestHidesTheSessionAndTheAnswers() {
        var request = new RespondToAuthChallengeRequest(
                null, "client", ChallengeName.NEW_PASSWORD_REQUIRED, SECRET, Map.of("NEW_PASSWORD", SECRET));

        assertThat(request.toString())
                .isEqualTo("RespondToAuthChallengeRequest[userPoolId=null, clientId=client,"
                        + " challengeName=NEW_PASSWORD_REQUIRED, session=***, challengeResponses={NEW_PASSWORD=***}]");
    }

    @Test
    void getTokensFromRefreshTokenRequestHidesTheTokenAndTheSecret() {
        var request = new GetTokensFromRefreshTokenRequest(SECRET, "client", SECRET, "us-east-1_d");

        assertThat(request.toString())
                .isEqualTo("GetTokensFromRefreshTokenRequest[refreshToken=***, clientId=client, clientSecret=***,"
                        + " deviceKey=us-east-1_d]");
    }

    @Test
    void authSessionHidesTheChallengeData() {
        var session = new AuthSession(
                "us-east-1_pool",
                "client",
                "sub",
                ChallengeName.PASSWORD_VERIFIER,
                Instant.parse("2024-03-05T09:10:02Z"),
                Map.of("b", SECRET));

        assertThat(session.toString())
                .isEqualTo("AuthSession[userPoolId=us-east-1_pool, clientId=client, sub=sub,"
                        + " challenge=PASSWORD_VERIFIER, expiresAt=2024-03-05T09:10:02Z, data={b=***}]");
    }
}
