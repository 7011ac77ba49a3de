package io.github.cognitoemulator.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.error.ErrorType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AwsJsonProtocolTest {

    private final AtomicReference<RequestContext> lastContext = new AtomicReference<>();

    private final AwsJsonProtocol protocol = new AwsJsonProtocol(
            ActionRegistry.builder()
                    .add("Echo", (in) -> in.string("Name", StringShape.ANY), (String name, RequestContext context) -> {
                        this.lastContext.set(context);
                        return (name != null) ? Map.of("Name", name) : null;
                    })
                    .add("Boom", (in) -> "", (String request, RequestContext context) -> {
                        throw new IllegalStateException("connection string jdbc:secret");
                    })
                    .add("Refuse", (in) -> "", (String request, RequestContext context) -> {
                        throw ErrorType.NOT_AUTHORIZED.exception("Incorrect username or password.");
                    })
                    .addUnsigned("Open", (in) -> "", (String request, RequestContext context) -> null)
                    .add("RefuseInGerman", (in) -> "", (String request, RequestContext context) -> {
                        throw ErrorType.NOT_AUTHORIZED.exception("Benutzername ungültig.");
                    })
                    .add(
                            "RefuseAtLength",
                            (in) -> in.requiredString("Length", StringShape.ANY),
                            (String length, RequestContext context) -> {
                                throw ErrorType.INVALID_PARAMETER.exception("x".repeat(Integer.parseInt(length)));
                            })
                    .build(),
            "us-east-1",
            () -> "req-1",
            ServiceModel.cognitoIdp());

    private ProtocolResponse send(String target, String body) {
        return this.protocol.handle(new ProtocolRequest(target, body.getBytes(StandardCharsets.UTF_8), null));
    }

    private static Map<String, Object> json(ProtocolResponse response) {
        return CognitoJson.readMap(response.body());
    }

    @Test
    void successCarriesTheJsonContentTypeAndTheRequestId() {
        ProtocolResponse response = send(AwsJsonProtocol.TARGET_PREFIX + "Echo", "{\"Name\":\"x\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers())
                .containsEntry("Content-Type", "application/x-amz-json-1.1")
                .containsEntry("x-amzn-RequestId", "req-1")
                .doesNotContainKey("x-amzn-ErrorType");
        assertThat(response.bodyAsString()).isEqualTo("{\"Name\":\"x\"}");
    }

    @Test
    void anActionThatNeedsASignatureRefusesAnUnsignedRequest() {
        ProtocolResponse response = this.protocol.handle(new ProtocolRequest(
                AwsJsonProtocol.TARGET_PREFIX + "Echo", "{}".getBytes(StandardCharsets.UTF_8), null, null, false));

        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response))
                .containsEntry("__type", "MissingAuthenticationTokenException")
                .containsEntry("message", "Missing Authentication Token");
    }

    @Test
    void anActionServedWithoutSignatureAcceptsAnUnsignedRequest() {
        ProtocolResponse response = this.protocol.handle(new ProtocolRequest(
                AwsJsonProtocol.TARGET_PREFIX + "Open", "{}".getBytes(StandardCharsets.UTF_8), null, null, false));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void anActionWithoutOutputAnswersAnEmptyObject() {
        assertThat(send(AwsJsonProtocol.TARGET_PREFIX + "Echo", "{}").bodyAsString())
                .isEqualTo("{}");
    }

    @Test
    void emptyBodyIsReadAsAnEmptyObject() {
        ProtocolResponse response = send(AwsJsonProtocol.TARGET_PREFIX + "Echo", "");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("{}");
    }

    @Test
    void actionsRunInTheRequestRegionOrElseTheDefaultRegion() {
        this.protocol.handle(new ProtocolRequest(
                AwsJsonProtocol.TARGET_PREFIX + "Echo", "{}".getBytes(StandardCharsets.UTF_8), "eu-central-1"));
        assertThat(this.lastContext.get().region()).isEqualTo("eu-central-1");
        assertThat(this.lastContext.get().requestId()).isEqualTo("req-1");

        send(AwsJsonProtocol.TARGET_PREFIX + "Echo", "{}");
        assertThat(this.lastContext.get().region()).isEqualTo("us-east-1");
    }

    @Test
    void unknownActionIsAnUnknownOperation() {
        ProtocolResponse response = send(AwsJsonProtocol.TARGET_PREFIX + "InitiateTeleport", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers())
                .containsEntry("x-amzn-ErrorType", "UnknownOperationException:")
                .containsEntry("x-amzn-RequestId", "req-1")
                .containsEntry("Content-Type", "application/x-amz-json-1.1");
        assertThat(json(response)).containsEntry("__type", "UnknownOperationException");
    }

    @Test
    void missingOrForeignTargetIsAnUnknownOperation() {
        for (String target : new String[] {null, "", "Echo", "AWSCognitoIdentityService.Echo"}) {
            ProtocolResponse response = send(target, "{}");

            assertThat(response.status()).as(String.valueOf(target)).isEqualTo(400);
            assertThat(response.headers()).containsEntry("x-amzn-ErrorType", "UnknownOperationException:");
        }
    }

    @Test
    void malformedJsonIsASerializationError() {
        for (String body : List.of("{", "{\"Name\":}", "not json", "{\"Name\":\"x\"} trailing")) {
            ProtocolResponse response = send(AwsJsonProtocol.TARGET_PREFIX + "Echo", body);

            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.headers()).as(body).containsEntry("x-amzn-ErrorType", "SerializationException:");
            assertThat(json(response)).as(body).containsEntry("__type", "SerializationException");
        }
    }

    @Test
    void bodyThatIsNotAnObjectIsASerializationError() {
        for (String body : List.of("[]", "\"text\"", "42", "true", "null")) {
            ProtocolResponse response = send(AwsJsonProtocol.TARGET_PREFIX + "Echo", body);

            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(json(response)).as(body).containsEntry("__type", "SerializationException");
        }
    }

    @Test
    void memberOfTheWrongJsonTypeIsASerializationError() {
        ProtocolResponse response = send(AwsJsonProtocol.TARGET_PREFIX + "Echo", "{\"Name\":5}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response))
                .containsEntry("__type", "SerializationException")
                .containsEntry("message", "NUMBER_VALUE can not be converted to a String");
    }

    @Test
    void failureInsideAnActionIsAnInternalErrorThatRevealsNothing() {
        ProtocolResponse response = send(AwsJsonProtocol.TARGET_PREFIX + "Boom", "{}");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.headers())
                .containsEntry("x-amzn-ErrorType", "InternalErrorException:")
                .containsEntry("x-amzn-RequestId", "req-1");
        assertThat(json(response))
                .containsOnly(
                        Map.entry("__type", "InternalErrorException"), Map.entry("message", "Internal server error."));
        assertThat(response.bodyAsString()).doesNotContain("jdbc", "IllegalStateException");
        assertThat(response.headers().values()).noneMatch((value) -> value.contains("jdbc"));
    }

    @Test
    void cognitoErrorIsAnsweredWithItsTypeMessageAndHeaders() {
        ProtocolResponse response = send(AwsJsonProtocol.TARGET_PREFIX + "Refuse", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers())
                .containsEntry("x-amzn-ErrorType", "NotAuthorizedException:")
                .containsEntry("x-amzn-ErrorMessage", "Incorrect username or password.");
        assertThat(response.bodyAsString())
                .isEqualTo("{\"__type\":\"NotAuthorizedException\",\"message\":\"Incorrect username or password.\"}");
    }

    @Test
    void messageThatCannotTravelInAHeaderIsOnlyInTheBody() {
        ProtocolResponse response = send(AwsJsonProtocol.TARGET_PREFIX + "RefuseInGerman", "{}");

        assertThat(response.headers()).doesNotContainKey("x-amzn-ErrorMessage");
        assertThat(json(response)).containsEntry("message", "Benutzername ungültig.");
    }

    @Test
    void messageAsLongAsAHeaderMayBeTravelsInTheHeaderToo() {
        ProtocolResponse response = send(AwsJsonProtocol.TARGET_PREFIX + "RefuseAtLength", "{\"Length\":\"1024\"}");

        assertThat(response.headers()).containsEntry("x-amzn-ErrorMessage", "x".repeat(1024));
    }

    @Test
    void messageTooLongForAHeaderIsOnlyInTheBody() {
        ProtocolResponse response = send(AwsJsonProtocol.TARGET_PREFIX + "RefuseAtLength", "{\"Length\":\"1025\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers())
                .containsEntry("x-amzn-ErrorType", "InvalidParameterException:")
                .doesNotContainKey("x-amzn-ErrorMessage");
        assertThat(json(response)).containsEntry("message", "x".repeat(1025));
    }

    @Test
    void memberTooLongToEchoInAHeaderIsRejectedWithTheWholeMessageInTheBody() {
        String poolId = "a".repeat(70_000);

        Reply reply = EmulatorFixture.create().call("AdminGetUser", Map.of("UserPoolId", poolId, "Username", "alice"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.headers()).doesNotContainKey("x-amzn-ErrorMessage");
        assertThat(reply.string("__type")).isEqualTo("InvalidParameterException");
        assertThat(reply.string("message"))
                .startsWith("2 validation errors detected: Value '" + poolId + "' at 'userPoolId' failed to satisfy")
                .endsWith("Member must have length less than or equal to 55");
    }

    @Test
    void callersValuesAreLoggedCutShortWithControlCharactersEscaped() {
        assertThat(AwsJsonProtocol.loggable("Admin\r\nGetUser")).isEqualTo("Admin\\u000d\\u000aGetUser");
        assertThat(AwsJsonProtocol.loggable("a".repeat(70_000))).isEqualTo("a".repeat(200) + "... (70000 characters)");
        assertThat(AwsJsonProtocol.loggable(null)).isEqualTo("null");
    }

    @Test
    void everyResponseGetsTheNextRequestId() {
        EmulatorFixture fixture = EmulatorFixture.create();

        Reply first = fixture.call("ListUserPools", "{\"MaxResults\":1}");
        Reply second = fixture.call("NoSuchAction", "{}");

        assertThat(first.headers().get("x-amzn-RequestId"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
                .isNotEqualTo(second.headers().get("x-amzn-RequestId"));
    }

    @Test
    void timestampsAreEpochSecondsWithAMillisecondFraction() {
        Reply reply = EmulatorFixture.create().call("CreateUserPool", Map.of("PoolName", "timestamps"));

        assertThat(reply.body())
                .contains("\"CreationDate\":" + EmulatorFixture.NOW_ON_THE_WIRE)
                .contains("\"LastModifiedDate\":" + EmulatorFixture.NOW_ON_THE_WIRE);
    }

    @Test
    void membersAreWrittenInAlphabeticalOrder() {
        EmulatorFixture fixture = EmulatorFixture.create();
        Reply reply = fixture.call("CreateUserPool", Map.of("PoolName", "ordered"));

        assertThat(List.copyOf(reply.map("UserPool").keySet()))
                .isSorted()
                .startsWith("AdminCreateUserConfig", "Arn", "CreationDate");
        assertThat(reply.map("UserPool", "Policies", "PasswordPolicy").keySet())
                .containsExactly(
                        "MinimumLength",
                        "RequireLowercase",
                        "RequireNumbers",
                        "RequireSymbols",
                        "RequireUppercase",
                        "TemporaryPasswordValidityDays");
    }
}
