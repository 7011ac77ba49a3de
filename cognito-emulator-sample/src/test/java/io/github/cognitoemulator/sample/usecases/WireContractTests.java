package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The exact JSON Cognito puts on the wire, checked without the SDK: an SDK ignores members it does not know and
 * fills in ones that are missing, so only the raw bytes show whether a response has Cognito's shape.
 */
class WireContractTests extends CognitoUseCase {

    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    @Test
    void createUserPoolReturnsCognitosUserPoolMembers() {
        JsonNode pool = success(post("CreateUserPool", "{\"PoolName\":\"" + unique("wire") + "\"}"))
                .get("UserPool");

        assertThat(memberNames(pool))
                .containsExactlyInAnyOrder(
                        "AdminCreateUserConfig",
                        "Arn",
                        "CreationDate",
                        "DeletionProtection",
                        "EmailConfiguration",
                        "EstimatedNumberOfUsers",
                        "Id",
                        "LambdaConfig",
                        "LastModifiedDate",
                        "MfaConfiguration",
                        "Name",
                        "Policies",
                        "SchemaAttributes",
                        "UserAttributeUpdateSettings",
                        "UserPoolTags",
                        "UserPoolTier",
                        "VerificationMessageTemplate");
        assertThat(pool.get("CreationDate").isNumber()).isTrue();
        assertThat(pool.get("LastModifiedDate").isNumber()).isTrue();
        assertThat(pool.get("EstimatedNumberOfUsers").isIntegralNumber()).isTrue();
        assertThat(memberNames(pool.get("Policies").get("PasswordPolicy")))
                .containsExactlyInAnyOrder(
                        "MinimumLength",
                        "RequireUppercase",
                        "RequireLowercase",
                        "RequireNumbers",
                        "RequireSymbols",
                        "TemporaryPasswordValidityDays");
        JsonNode sub = pool.get("SchemaAttributes").get(0);
        assertThat(memberNames(sub))
                .containsExactlyInAnyOrder(
                        "Name",
                        "AttributeDataType",
                        "DeveloperOnlyAttribute",
                        "Mutable",
                        "Required",
                        "StringAttributeConstraints");
        // Cognito writes the constraint bounds as strings, not numbers.
        assertThat(sub.get("StringAttributeConstraints").get("MaxLength").isString())
                .isTrue();
    }

    @Test
    void createUserPoolClientReturnsCognitosClientMembers() {
        String poolId = newPool();

        JsonNode client = success(
                        post("CreateUserPoolClient", "{\"UserPoolId\":\"" + poolId + "\",\"ClientName\":\"public\"}"))
                .get("UserPoolClient");

        assertThat(memberNames(client))
                .containsExactlyInAnyOrder(
                        "AllowedOAuthFlowsUserPoolClient",
                        "AuthSessionValidity",
                        "ClientId",
                        "ClientName",
                        "CreationDate",
                        "EnablePropagateAdditionalUserContextData",
                        "EnableTokenRevocation",
                        "LastModifiedDate",
                        "RefreshTokenValidity",
                        "TokenValidityUnits",
                        "UserPoolId");
        assertThat(client.get("CreationDate").isNumber()).isTrue();
        assertThat(client.get("LastModifiedDate").isNumber()).isTrue();
        assertThat(memberNames(client.get("TokenValidityUnits"))).isEmpty();
    }

    @Test
    void aClientWithASecretAlsoReturnsTheSecret() {
        String poolId = newPool();

        JsonNode client = success(post(
                        "CreateUserPoolClient",
                        "{\"UserPoolId\":\"" + poolId + "\",\"ClientName\":\"confidential\",\"GenerateSecret\":true}"))
                .get("UserPoolClient");

        assertThat(memberNames(client))
                .containsExactlyInAnyOrder(
                        "AllowedOAuthFlowsUserPoolClient",
                        "AuthSessionValidity",
                        "ClientId",
                        "ClientName",
                        "ClientSecret",
                        "CreationDate",
                        "EnablePropagateAdditionalUserContextData",
                        "EnableTokenRevocation",
                        "LastModifiedDate",
                        "RefreshTokenValidity",
                        "TokenValidityUnits",
                        "UserPoolId");
    }

    @Test
    void listUserPoolClientsReturnsOnlyIdNameAndPool() {
        String poolId = newPool();
        success(post("CreateUserPoolClient", "{\"UserPoolId\":\"" + poolId + "\",\"ClientName\":\"listed\"}"));

        JsonNode response = success(post("ListUserPoolClients", "{\"UserPoolId\":\"" + poolId + "\"}"));

        assertThat(memberNames(response)).containsExactly("UserPoolClients");
        assertThat(memberNames(response.get("UserPoolClients").get(0)))
                .containsExactlyInAnyOrder("ClientId", "ClientName", "UserPoolId");
    }

    @Test
    void adminCreateUserReturnsCognitosUserMembers() {
        String poolId = newPool();

        JsonNode user = success(post(
                        "AdminCreateUser",
                        "{\"UserPoolId\":\"" + poolId + "\",\"Username\":\"wire\",\"MessageAction\":\"SUPPRESS\","
                                + "\"UserAttributes\":[{\"Name\":\"email\",\"Value\":\"wire@example.com\"}]}"))
                .get("User");

        assertThat(memberNames(user))
                .containsExactlyInAnyOrder(
                        "Attributes", "Enabled", "UserCreateDate", "UserLastModifiedDate", "UserStatus", "Username");
        assertThat(user.get("UserCreateDate").isNumber()).isTrue();
        assertThat(user.get("UserLastModifiedDate").isNumber()).isTrue();
        assertThat(memberNames(user.get("Attributes").get(0))).containsExactly("Name", "Value");
    }

    @Test
    void adminGetUserReturnsCognitosMembersWithoutMfaOnesWhenNoMfaIsSet() {
        String poolId = newPool();
        success(post(
                "AdminCreateUser",
                "{\"UserPoolId\":\"" + poolId + "\",\"Username\":\"wire\",\"MessageAction\":\"SUPPRESS\"}"));

        JsonNode user = success(post("AdminGetUser", "{\"UserPoolId\":\"" + poolId + "\",\"Username\":\"wire\"}"));

        assertThat(memberNames(user))
                .containsExactlyInAnyOrder(
                        "Enabled",
                        "UserAttributes",
                        "UserCreateDate",
                        "UserLastModifiedDate",
                        "UserStatus",
                        "Username");
        assertThat(user.get("UserCreateDate").isNumber()).isTrue();
    }

    @Test
    void listUsersReturnsUsersInTheUserTypeShape() {
        String poolId = newPool();
        success(post(
                "AdminCreateUser",
                "{\"UserPoolId\":\"" + poolId + "\",\"Username\":\"wire\",\"MessageAction\":\"SUPPRESS\"}"));

        JsonNode response = success(post("ListUsers", "{\"UserPoolId\":\"" + poolId + "\"}"));

        assertThat(memberNames(response)).containsExactly("Users");
        assertThat(memberNames(response.get("Users").get(0)))
                .containsExactlyInAnyOrder(
                        "Attributes", "Enabled", "UserCreateDate", "UserLastModifiedDate", "UserStatus", "Username");
    }

    @Test
    void anActionWithoutOutputAnswersWithAnEmptyObject() {
        String poolId = newPool();
        success(post(
                "AdminCreateUser",
                "{\"UserPoolId\":\"" + poolId + "\",\"Username\":\"gone\",\"MessageAction\":\"SUPPRESS\"}"));

        JsonNode response =
                success(post("AdminDeleteUser", "{\"UserPoolId\":\"" + poolId + "\",\"Username\":\"gone\"}"));

        assertThat(memberNames(response)).isEmpty();
    }

    @Test
    void anErrorCarriesOnlyTypeAndMessageAndNamesTheTypeInAHeader() {
        String poolId = newPool();

        HttpResponse<String> response =
                post("AdminGetUser", "{\"UserPoolId\":\"" + poolId + "\",\"Username\":\"nobody\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(CONTENT_TYPE);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UserNotFoundException:");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        JsonNode body = json(response.body());
        assertThat(memberNames(body)).containsExactly("__type", "message");
        assertThat(body.get("__type").asString()).isEqualTo("UserNotFoundException");
        assertThat(body.get("message").asString()).isEqualTo("User does not exist.");
    }

    @Test
    void aValidationErrorIsAnInvalidParameterException() {
        HttpResponse<String> response = post("CreateUserPool", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidParameterException:");
        JsonNode body = json(response.body());
        assertThat(memberNames(body)).containsExactly("__type", "message");
        assertThat(body.get("message").asString())
                .isEqualTo("1 validation error detected: Value null at 'poolName' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void anAdministrativeActionNeedsASignatureButSignUpDoesNot() {
        HttpResponse<String> admin = postUnsigned("CreateUserPool", "{\"PoolName\":\"" + unique("wire") + "\"}");
        assertThat(admin.statusCode()).isEqualTo(400);
        assertThat(json(admin.body()).get("__type").asString()).isEqualTo("MissingAuthenticationTokenException");
        assertThat(json(admin.body()).get("message").asString()).isEqualTo("Missing Authentication Token");

        HttpResponse<String> signUp = postUnsigned(
                "SignUp", "{\"ClientId\":\"nosuchclient\",\"Username\":\"u\"," + "\"Password\":\"Passw0rd!\"}");
        assertThat(json(signUp.body()).get("__type").asString()).isEqualTo("ResourceNotFoundException");
    }

    @Test
    void everyResponseHasItsOwnRequestId() {
        HttpResponse<String> first = post("ListUserPools", "{\"MaxResults\":1}");
        HttpResponse<String> second = post("ListUserPools", "{\"MaxResults\":1}");

        assertThat(first.headers().firstValue("x-amzn-RequestId"))
                .hasValueSatisfying((id) -> assertThat(id)
                        .isNotBlank()
                        .isNotEqualTo(
                                second.headers().firstValue("x-amzn-RequestId").orElseThrow()));
    }

    private String newPool() {
        return success(post("CreateUserPool", "{\"PoolName\":\"" + unique("wire") + "\"}"))
                .get("UserPool")
                .get("Id")
                .asString();
    }

    /** Checks the parts every successful response shares and returns its body. */
    private static JsonNode success(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(CONTENT_TYPE);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        return json(response.body());
    }

    private static List<String> memberNames(JsonNode node) {
        assertThat(node.isObject()).as("%s is an object", node).isTrue();
        return new ArrayList<>(node.propertyNames());
    }
}
