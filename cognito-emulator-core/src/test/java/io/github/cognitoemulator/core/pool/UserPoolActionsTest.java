package io.github.cognitoemulator.core.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.client.ClientStore;
import io.github.cognitoemulator.core.protocol.AwsJsonProtocol;
import io.github.cognitoemulator.core.protocol.ProtocolRequest;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import io.github.cognitoemulator.core.user.UserStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserPoolActionsTest {

    private final EmulatorFixture fixture = EmulatorFixture.create();

    @Test
    void poolIdAndArnUseTheRegionOfTheRequest() {
        EmulatorFixture fixture =
                EmulatorFixture.create(CognitoEmulator.builder().accountId("123456789012"));

        Reply reply = fixture.call(new ProtocolRequest(
                AwsJsonProtocol.TARGET_PREFIX + "CreateUserPool",
                "{\"PoolName\":\"eu\"}".getBytes(StandardCharsets.UTF_8),
                "eu-west-1"));

        String id = reply.requireSuccess().string("UserPool", "Id");
        assertThat(id).matches("eu-west-1_[0-9A-Za-z]{9}");
        assertThat(reply.string("UserPool", "Arn"))
                .isEqualTo("arn:aws:cognito-idp:eu-west-1:123456789012:userpool/" + id);
    }

    @Test
    void poolIdUsesTheConfiguredRegionWhenTheRequestNamesNone() {
        EmulatorFixture fixture =
                EmulatorFixture.create(CognitoEmulator.builder().region("ap-southeast-2"));

        assertThat(fixture.createPool()).matches("ap-southeast-2_[0-9A-Za-z]{9}");
        assertThat(fixture.emulator().region()).isEqualTo("ap-southeast-2");
    }

    @Test
    void newPoolHasCognitosDefaults() {
        Reply reply = this.fixture
                .call("CreateUserPool", Map.of("PoolName", "defaults"))
                .requireSuccess();

        assertThat(reply.at("UserPool", "Name")).isEqualTo("defaults");
        assertThat(reply.at("UserPool", "MfaConfiguration")).isEqualTo("OFF");
        assertThat(reply.at("UserPool", "DeletionProtection")).isEqualTo("INACTIVE");
        assertThat(reply.at("UserPool", "EstimatedNumberOfUsers")).isEqualTo(0);
        assertThat(reply.at("UserPool", "CreationDate")).isEqualTo(1.594889658976E9);
        assertThat(reply.at("UserPool", "Arn"))
                .isEqualTo("arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + reply.at("UserPool", "Id"));
        assertThat(reply.at("UserPool", "Policies", "PasswordPolicy"))
                .isEqualTo(Map.of(
                        "MinimumLength", 8,
                        "RequireUppercase", true,
                        "RequireLowercase", true,
                        "RequireNumbers", true,
                        "RequireSymbols", true,
                        "TemporaryPasswordValidityDays", 7));
        assertThat(reply.at("UserPool", "AdminCreateUserConfig"))
                .isEqualTo(Map.of("AllowAdminCreateUserOnly", false, "UnusedAccountValidityDays", 7));
        assertThat(reply.at("UserPool", "EmailConfiguration"))
                .isEqualTo(Map.of("EmailSendingAccount", "COGNITO_DEFAULT"));
        assertThat(reply.at("UserPool", "LambdaConfig")).isEqualTo(Map.of());
    }

    @Test
    void newPoolListsTheTwentyStandardAttributesInCognitosOrder() {
        Reply reply = this.fixture.call("CreateUserPool", Map.of("PoolName", "schema"));

        assertThat(schemaNames(reply))
                .containsExactly(
                        "sub",
                        "name",
                        "given_name",
                        "family_name",
                        "middle_name",
                        "nickname",
                        "preferred_username",
                        "profile",
                        "picture",
                        "website",
                        "email",
                        "email_verified",
                        "gender",
                        "birthdate",
                        "zoneinfo",
                        "locale",
                        "phone_number",
                        "phone_number_verified",
                        "address",
                        "updated_at");
        assertThat(schemaEntry(reply, "sub"))
                .containsEntry("Mutable", false)
                .containsEntry("Required", true)
                .containsEntry("StringAttributeConstraints", Map.of("MinLength", "1", "MaxLength", "2048"));
        assertThat(schemaEntry(reply, "updated_at"))
                .containsEntry("AttributeDataType", "Number")
                .containsEntry("NumberAttributeConstraints", Map.of("MinValue", "0"));
    }

    @Test
    void passwordPolicyIsStoredAsGiven() {
        String id = this.fixture.createPool(Map.of(
                "Policies",
                Map.of(
                        "PasswordPolicy",
                        Map.of("MinimumLength", 12, "RequireSymbols", true, "TemporaryPasswordValidityDays", 0))));

        Reply reply = this.fixture.call("DescribeUserPool", Map.of("UserPoolId", id));

        // TemporaryPasswordValidityDays 0 means Cognito's default of 7.
        assertThat(reply.at("UserPool", "Policies", "PasswordPolicy"))
                .isEqualTo(Map.of(
                        "MinimumLength", 12,
                        "RequireUppercase", false,
                        "RequireLowercase", false,
                        "RequireNumbers", false,
                        "RequireSymbols", true,
                        "TemporaryPasswordValidityDays", 7));
    }

    @Test
    void describeUserPoolCountsItsUsers() {
        String id = this.fixture.createPool();
        this.fixture.createUser(id, "alice").requireSuccess();
        this.fixture.createUser(id, "bob").requireSuccess();

        assertThat(this.fixture
                        .call("DescribeUserPool", Map.of("UserPoolId", id))
                        .at("UserPool", "EstimatedNumberOfUsers"))
                .isEqualTo(2);
    }

    @Test
    void unknownPoolIsNotFound() {
        assertThat(this.fixture
                        .call("DescribeUserPool", Map.of("UserPoolId", "us-east-1_nope12345"))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_nope12345 does not exist.");
    }

    @Test
    void deletingAPoolRemovesItsClientsAndUsers() {
        InMemoryStore store = new InMemoryStore();
        UserStore users = store.users();
        ClientStore clients = store.clients();
        EmulatorFixture fixture =
                EmulatorFixture.create(CognitoEmulator.builder().store(store));
        String id = fixture.createPool();
        String other = fixture.createPool();
        String clientId = fixture.call("CreateUserPoolClient", Map.of("UserPoolId", id, "ClientName", "web"))
                .requireSuccess()
                .string("UserPoolClient", "ClientId");
        fixture.call("CreateUserPoolClient", Map.of("UserPoolId", other, "ClientName", "web"))
                .requireSuccess();
        fixture.createUser(id, "alice").requireSuccess();
        fixture.createUser(other, "alice").requireSuccess();

        Reply deleted = fixture.call("DeleteUserPool", Map.of("UserPoolId", id));

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{}");
        assertThat(fixture.call("DescribeUserPoolClient", Map.of("UserPoolId", id, "ClientId", clientId))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool " + id + " does not exist.");
        assertThat(fixture.call("DescribeUserPool", Map.of("UserPoolId", id)).status())
                .isEqualTo(400);
        assertThat(users.count(id)).isZero();
        assertThat(clients.find(clientId)).isEmpty();
        assertThat(users.count(other)).isEqualTo(1);
        assertThat(clients.list(other)).hasSize(1);
    }

    @Test
    void deletingAnUnknownPoolIsNotFound() {
        assertThat(this.fixture
                        .call("DeleteUserPool", Map.of("UserPoolId", "us-east-1_nope12345"))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_nope12345 does not exist.");
    }

    @Test
    void deletionProtectionBlocksDeletion() {
        String id = this.fixture.createPool(Map.of("DeletionProtection", "ACTIVE"));
        this.fixture.createUser(id, "alice").requireSuccess();

        assertThat(this.fixture.call("DeleteUserPool", Map.of("UserPoolId", id)).error())
                .isEqualTo("400 InvalidParameterException: The user pool cannot be deleted because deletion"
                        + " protection is activated.");
        assertThat(this.fixture
                        .call("DescribeUserPool", Map.of("UserPoolId", id))
                        .at("UserPool", "EstimatedNumberOfUsers"))
                .isEqualTo(1);
    }

    @Test
    void aliasAndUsernameAttributesCannotBothBeSet() {
        Reply reply = this.fixture.call(
                "CreateUserPool",
                Map.of("PoolName", "p", "AliasAttributes", List.of("email"), "UsernameAttributes", List.of("email")));

        assertThat(reply.error())
                .isEqualTo("400 InvalidParameterException: Only one of the aliasAttributes or usernameAttributes can"
                        + " be set in a User Pool.");
        assertThat(this.fixture.call("ListUserPools", Map.of("MaxResults", 60)).list("UserPools"))
                .isEmpty();
    }

    @Test
    void requiredCustomAttributeIsRejected() {
        Reply reply = this.fixture.call(
                "CreateUserPool",
                Map.of(
                        "PoolName",
                        "p",
                        "Schema",
                        List.of(Map.of("Name", "tenant", "AttributeDataType", "String", "Required", true))));

        assertThat(reply.error())
                .isEqualTo("400 InvalidParameterException: Required custom attributes are not supported currently.");
    }

    @Test
    void customAttributeNamesGetTheCustomPrefix() {
        Reply reply = this.fixture.call(
                "CreateUserPool",
                Map.of(
                        "PoolName",
                        "p",
                        "Schema",
                        List.of(
                                Map.of(
                                        "Name",
                                        "tenant",
                                        "AttributeDataType",
                                        "String",
                                        "StringAttributeConstraints",
                                        Map.of("MaxLength", "40")),
                                Map.of("Name", "level", "AttributeDataType", "Number", "Mutable", false))));

        assertThat(schemaNames(reply)).hasSize(22).endsWith("custom:tenant", "custom:level");
        assertThat(schemaEntry(reply, "custom:tenant"))
                .containsEntry("AttributeDataType", "String")
                .containsEntry("Mutable", true)
                .containsEntry("Required", false)
                .containsEntry("StringAttributeConstraints", Map.of("MaxLength", "40"));
        assertThat(schemaEntry(reply, "custom:level"))
                .containsEntry("AttributeDataType", "Number")
                .containsEntry("Mutable", false);
    }

    @Test
    void standardAttributeInTheSchemaChangesItsFlagsInsteadOfAddingOne() {
        Reply reply = this.fixture.call(
                "CreateUserPool",
                Map.of("PoolName", "p", "Schema", List.of(Map.of("Name", "email", "Required", true))));

        assertThat(schemaNames(reply)).hasSize(20).doesNotContain("custom:email");
        assertThat(schemaEntry(reply, "email")).containsEntry("Required", true);
    }

    @Test
    void usernameConfigurationNeedsCaseSensitive() {
        assertThat(this.fixture
                        .call("CreateUserPool", Map.of("PoolName", "p", "UsernameConfiguration", Map.of()))
                        .error())
                .isEqualTo(
                        "400 InvalidParameterException: 1 validation error detected: Value null at"
                                + " 'usernameConfiguration.caseSensitive' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void listUserPoolsPagesCoverEveryPoolOnce() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(this.fixture.createPool(Map.of("PoolName", "pool" + i)));
        }

        List<String> listed = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("MaxResults", 2);
            if (token != null) {
                request.put("NextToken", token);
            }
            Reply page = this.fixture.call("ListUserPools", request).requireSuccess();
            for (Map<String, Object> description : page.list("UserPools")) {
                assertThat(description.keySet())
                        .containsExactlyInAnyOrder("CreationDate", "Id", "LambdaConfig", "LastModifiedDate", "Name");
                listed.add((String) description.get("Id"));
            }
            token = page.string("NextToken");
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void listUserPoolsNeedsMaxResults() {
        assertThat(this.fixture.call("ListUserPools", "{}").error())
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value null at 'maxResults'"
                        + " failed to satisfy constraint: Member must not be null");
    }

    private static List<String> schemaNames(Reply reply) {
        return reply.list("UserPool", "SchemaAttributes").stream()
                .map((entry) -> (String) entry.get("Name"))
                .toList();
    }

    private static Map<String, Object> schemaEntry(Reply reply, String name) {
        return reply.list("UserPool", "SchemaAttributes").stream()
                .filter((entry) -> name.equals(entry.get("Name")))
                .findFirst()
                .orElseThrow();
    }
}
