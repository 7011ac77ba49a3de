package io.github.cognitoemulator.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestReaderTest {

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private final AtomicInteger actionRuns = new AtomicInteger();

    private String probe(String body) {
        AwsJsonProtocol protocol = new AwsJsonProtocol(
                ActionRegistry.builder()
                        .add(
                                "Probe",
                                (in) -> {
                                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
                                    in.string("Username", Shapes.USERNAME);
                                    in.integer("Limit", IntShape.range(0, 60));
                                    in.bool("Permanent");
                                    in.stringList("Flows", StringShape.oneOf("code", "implicit"), 0, 2);
                                    in.stringMap("ClientMetadata");
                                    RequestReader config = in.structure("Config");
                                    if (config != null) {
                                        config.requiredString("Name", StringShape.length(1, 3));
                                    }
                                    return "";
                                },
                                (String request, RequestContext context) -> {
                                    this.actionRuns.incrementAndGet();
                                    return null;
                                })
                        .build(),
                "us-east-1",
                () -> "req-1",
                ServiceModel.cognitoIdp());
        ProtocolResponse response = protocol.handle(new ProtocolRequest(
                AwsJsonProtocol.TARGET_PREFIX + "Probe", body.getBytes(StandardCharsets.UTF_8), null));
        Map<String, Object> json = CognitoJson.readMap(response.body());
        return response.status() + " " + json.get("__type") + ": " + json.get("message");
    }

    @Test
    void missingRequiredMemberIsReportedInCognitoWording() {
        assertThat(this.fixture.call("DescribeUserPool", "{}").error())
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value null at 'userPoolId'"
                        + " failed to satisfy constraint: Member must not be null");
    }

    @Test
    void mapEntriesWithANullValueAreLeftOut() {
        assertThat(probe("{\"UserPoolId\":\"us-east-1_abc\",\"ClientMetadata\":{\"DEVICE_KEY\":null}}"))
                .isEqualTo("200 null: null");
        assertThat(probe("{\"UserPoolId\":\"us-east-1_abc\",\"ClientMetadata\":{\"a\":1}}"))
                .isEqualTo("400 SerializationException: NUMBER_VALUE can not be converted to a String");
    }

    @Test
    void nullMemberCountsAsMissing() {
        assertThat(this.fixture
                        .call("DescribeUserPool", "{\"UserPoolId\":null}")
                        .error())
                .endsWith("Value null at 'userPoolId' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void twoViolationsAreCountedAndJoinedWithSemicolons() {
        assertThat(this.fixture.call("DescribeUserPoolClient", "{}").error())
                .isEqualTo("400 InvalidParameterException: 2 validation errors detected:"
                        + " Value null at 'userPoolId' failed to satisfy constraint: Member must not be null;"
                        + " Value null at 'clientId' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void patternAndLengthViolationsOfOneValueAreBothReported() {
        assertThat(this.fixture
                        .call("DescribeUserPool", Map.of("UserPoolId", "x".repeat(56)))
                        .error())
                .isEqualTo("400 InvalidParameterException: 2 validation errors detected: Value '" + "x".repeat(56)
                        + "' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression"
                        + " pattern: [\\w-]+_[0-9a-zA-Z]+; Value '" + "x".repeat(56) + "' at 'userPoolId' failed to"
                        + " satisfy constraint: Member must have length less than or equal to 55");
    }

    @Test
    void sensitiveUsernameIsNeverEchoed() {
        String error = this.fixture
                .call("AdminGetUser", Map.of("UserPoolId", "us-east-1_abc", "Username", "has space"))
                .error();

        assertThat(error)
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value at 'username' failed to"
                        + " satisfy constraint: Member must satisfy regular expression pattern:"
                        + " [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+")
                .doesNotContain("has space");
    }

    @Test
    void sensitivePasswordIsNeverEchoed() {
        String error = this.fixture
                .call(
                        "AdminSetUserPassword",
                        Map.of("UserPoolId", "us-east-1_abc", "Username", "alice", "Password", "open sesame"))
                .error();

        assertThat(error)
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value at 'password' failed to"
                        + " satisfy constraint: Member must satisfy regular expression pattern: [\\S]+")
                .doesNotContain("open sesame");
    }

    @Test
    void sessionIsNeverEchoed() {
        String error = this.fixture
                .call(
                        "RespondToAuthChallenge",
                        Map.of(
                                "ClientId",
                                "client",
                                "ChallengeName",
                                "NEW_PASSWORD_REQUIRED",
                                "Session",
                                "session-too-short"))
                .error();

        assertThat(error)
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value at 'session' failed to"
                        + " satisfy constraint: Member must have length greater than or equal to 20")
                .doesNotContain("session-too-short");
    }

    @Test
    void confirmationCodeIsNeverEchoed() {
        String error = this.fixture
                .call("ConfirmSignUp", Map.of("ClientId", "client", "Username", "alice", "ConfirmationCode", "123456 "))
                .error();

        assertThat(error)
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value at 'confirmationCode'"
                        + " failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+")
                .doesNotContain("123456");
    }

    @Test
    void sensitiveClientIdIsNeverEchoed() {
        String error = this.fixture
                .call("DescribeUserPoolClient", Map.of("UserPoolId", "us-east-1_abc", "ClientId", "not/a/client"))
                .error();

        assertThat(error)
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value at 'clientId' failed to"
                        + " satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+")
                .doesNotContain("not/a/client");
    }

    @Test
    void violationInANestedStructureNamesTheFullPath() {
        Reply reply = this.fixture.call(
                "CreateUserPool",
                Map.of("PoolName", "p", "Policies", Map.of("PasswordPolicy", Map.of("MinimumLength", 5))));

        assertThat(reply.error())
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value '5' at"
                        + " 'policies.passwordPolicy.minimumLength' failed to satisfy constraint: Member must have value"
                        + " greater than or equal to 6");
    }

    @Test
    void violationInAListItemNamesItsOneBasedIndex() {
        Reply reply = this.fixture.call(
                "AdminCreateUser",
                Map.of(
                        "UserPoolId",
                        "us-east-1_abc",
                        "Username",
                        "alice",
                        "UserAttributes",
                        List.of(
                                Map.of("Value", "x"),
                                Map.of("Name", "email", "Value", "a@example.com"),
                                Map.of("Value", "y"))));

        assertThat(reply.error())
                .isEqualTo("400 InvalidParameterException: 2 validation errors detected:"
                        + " Value null at 'userAttributes.1.member.name' failed to satisfy constraint: Member must not"
                        + " be null;"
                        + " Value null at 'userAttributes.3.member.name' failed to satisfy constraint: Member must not"
                        + " be null");
    }

    @Test
    void enumViolationListsTheAllowedValues() {
        Reply reply = this.fixture.call("CreateUserPool", Map.of("PoolName", "p", "MfaConfiguration", "MAYBE"));

        assertThat(reply.error())
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value 'MAYBE' at"
                        + " 'mfaConfiguration' failed to satisfy constraint: Member must satisfy enum value set:"
                        + " [OPTIONAL, OFF, ON]");
    }

    @Test
    void listEnumViolationWrapsTheItemConstraint() {
        Reply reply = this.fixture.call(
                "CreateUserPoolClient",
                Map.of(
                        "UserPoolId",
                        "us-east-1_abc",
                        "ClientName",
                        "web",
                        "AllowedOAuthFlows",
                        List.of("code", "token")));

        // As real Cognito answers (spec, section 1.2): the set is in hash-set order, not the model's.
        assertThat(reply.error())
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value '[code, token]' at"
                        + " 'allowedOAuthFlows' failed to satisfy constraint: Member must satisfy constraint: [Member"
                        + " must satisfy enum value set: [implicit, client_credentials, code]]");
    }

    @Test
    void integerOutOfRangeNamesTheBound() {
        assertThat(probe("{\"UserPoolId\":\"us-east-1_abc\",\"Limit\":61}"))
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value '61' at 'limit' failed"
                        + " to satisfy constraint: Member must have value less than or equal to 60");
    }

    @Test
    void violationsAcrossLevelsAreReportedTogetherAndTheActionDoesNotRun() {
        assertThat(probe("{\"Limit\":-1,\"Config\":{},\"Flows\":[\"code\",\"implicit\",\"code\"]}"))
                .isEqualTo("400 InvalidParameterException: 4 validation errors detected:"
                        + " Value null at 'userPoolId' failed to satisfy constraint: Member must not be null;"
                        + " Value '-1' at 'limit' failed to satisfy constraint: Member must have value greater than or"
                        + " equal to 0;"
                        + " Value '[code, implicit, code]' at 'flows' failed to satisfy constraint: Member must have"
                        + " length less than or equal to 2;"
                        + " Value null at 'config.name' failed to satisfy constraint: Member must not be null");
        assertThat(this.actionRuns).hasValue(0);
    }

    @Test
    void validRequestReachesTheAction() {
        assertThat(probe("{\"UserPoolId\":\"us-east-1_abc\",\"Username\":\"alice\",\"Limit\":0,\"Permanent\":true,"
                        + "\"Flows\":[],\"ClientMetadata\":{\"k\":\"v\"},\"Config\":{\"Name\":\"abc\"}}"))
                .isEqualTo("200 null: null");
        assertThat(this.actionRuns).hasValue(1);
    }

    @Test
    void wronglyTypedMembersAreSerializationErrorsNamingTheJsonType() {
        assertThat(probe("{\"UserPoolId\":true}"))
                .isEqualTo("400 SerializationException: BOOLEAN_VALUE can not be converted to a String");
        assertThat(probe("{\"UserPoolId\":\"us-east-1_abc\",\"Limit\":\"10\"}"))
                .isEqualTo("400 SerializationException: STRING_VALUE can not be converted to an Integer");
        assertThat(probe("{\"UserPoolId\":\"us-east-1_abc\",\"Limit\":1.5}"))
                .isEqualTo("400 SerializationException: NUMBER_VALUE can not be converted to an Integer");
        assertThat(probe("{\"UserPoolId\":\"us-east-1_abc\",\"Permanent\":\"true\"}"))
                .isEqualTo("400 SerializationException: STRING_VALUE can not be converted to a Boolean");
        assertThat(probe("{\"UserPoolId\":\"us-east-1_abc\",\"Flows\":\"code\"}"))
                .isEqualTo("400 SerializationException: STRING_VALUE can not be converted to a List");
        assertThat(probe("{\"UserPoolId\":\"us-east-1_abc\",\"Flows\":[1]}"))
                .isEqualTo("400 SerializationException: NUMBER_VALUE can not be converted to a String");
        assertThat(probe("{\"UserPoolId\":{}}"))
                .isEqualTo("400 SerializationException: Start of structure or map found where not expected.");
        assertThat(probe("{\"UserPoolId\":[]}"))
                .isEqualTo("400 SerializationException: Start of list found where not expected");
        assertThat(probe("{\"UserPoolId\":\"us-east-1_abc\",\"ClientMetadata\":{\"k\":1}}"))
                .isEqualTo("400 SerializationException: NUMBER_VALUE can not be converted to a String");
    }

    @Test
    void documentAsDeepAsAnyStructureCouldBeIsKeptAndAnsweredBack() {
        String poolId = this.fixture
                .call("CreateUserPool", "{\"PoolName\":\"deep\",\"UserPoolAddOns\":" + addOns(64) + "}")
                .requireSuccess()
                .string("UserPool", "Id");

        assertThat(this.fixture
                        .call("DescribeUserPool", Map.of("UserPoolId", poolId))
                        .requireSuccess()
                        .body())
                .contains(addOns(64));
    }

    @Test
    void documentNestedDeeperIsASerializationErrorAndStoresNothing() {
        // At the parser's limit such a document could be read, but not written back inside an answer.
        for (int depth : new int[] {65, 997}) {
            Reply reply = this.fixture.call(
                    "CreateUserPool", "{\"PoolName\":\"deep\",\"UserPoolAddOns\":" + addOns(depth) + "}");

            assertThat(reply.error()).isEqualTo("400 SerializationException");
        }
        assertThat(this.fixture.call("ListUserPools", Map.of("MaxResults", 60)).list("UserPools"))
                .isEmpty();
    }

    /** Valid add-ons whose structure, with a member the model does not know, is {@code depth} levels deep. */
    private static String addOns(int depth) {
        return "{\"AdvancedSecurityMode\":\"OFF\",\"a\":" + nested(depth - 1) + "}";
    }

    /** An object {@code depth} levels deep: {@code {"a":{"a":...{}}}}. */
    private static String nested(int depth) {
        return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    @Test
    void unknownMembersAreIgnored() {
        assertThat(probe("{\"UserPoolId\":\"us-east-1_abc\",\"SomethingNew\":[1,2,3]}"))
                .isEqualTo("200 null: null");
    }
}
