package io.github.cognitoemulator.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Attribute values are checked against the pool's schema: types, bounds and lengths, inclusive at both ends. */
class AttributeSchemaTest {

    private static final String SCHEMA_ERROR =
            "400 InvalidParameterException: Attributes did not conform to the schema: ";

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private final String poolId = this.fixture.createPool(Map.of(
            "Schema",
            List.of(
                    Map.of(
                            "Name",
                            "age",
                            "AttributeDataType",
                            "Number",
                            "NumberAttributeConstraints",
                            Map.of("MinValue", "18", "MaxValue", "99")),
                    Map.of(
                            "Name",
                            "code",
                            "AttributeDataType",
                            "String",
                            "StringAttributeConstraints",
                            Map.of("MinLength", "2", "MaxLength", "4")),
                    Map.of("Name", "vip", "AttributeDataType", "Boolean"),
                    Map.of("Name", "tenant", "AttributeDataType", "String", "Mutable", false))));

    private String create(String username, String... attributes) {
        return this.fixture.createUser(this.poolId, username, attributes).error();
    }

    private Reply update(String username, String... attributes) {
        return this.fixture.call(
                "AdminUpdateUserAttributes",
                Map.of(
                        "UserPoolId",
                        this.poolId,
                        "Username",
                        username,
                        "UserAttributes",
                        EmulatorFixture.attributes(attributes)));
    }

    @Test
    void numberBoundsAreInclusive() {
        assertThat(create("a", "custom:age", "18")).startsWith("200");
        assertThat(create("b", "custom:age", "99")).startsWith("200");
        assertThat(create("c", "custom:age", "17.5"))
                .isEqualTo(SCHEMA_ERROR + "custom:age: Number must be no less than 18");
        assertThat(create("d", "custom:age", "100"))
                .isEqualTo(SCHEMA_ERROR + "custom:age: Number must be no greater than 99");
        assertThat(create("e", "custom:age", "old")).isEqualTo(SCHEMA_ERROR + "custom:age: Value must be a number");
    }

    @Test
    void stringLengthsAreInclusive() {
        assertThat(create("a", "custom:code", "ab")).startsWith("200");
        assertThat(create("b", "custom:code", "abcd")).startsWith("200");
        assertThat(create("c", "custom:code", "a"))
                .isEqualTo(SCHEMA_ERROR + "custom:code: String must be at least 2 characters long");
        assertThat(create("d", "custom:code", "abcde"))
                .isEqualTo(SCHEMA_ERROR + "custom:code: String must be no longer than 4 characters");
    }

    @Test
    void booleanIsTrueOrFalse() {
        assertThat(create("a", "custom:vip", "true")).startsWith("200");
        assertThat(create("b", "custom:vip", "false")).startsWith("200");
        assertThat(create("c", "custom:vip", "yes"))
                .isEqualTo(SCHEMA_ERROR + "custom:vip: Value must be true or false");
    }

    @Test
    void standardNumberAttributeKeepsItsLowerBound() {
        assertThat(create("a", "updated_at", "0")).startsWith("200");
        assertThat(create("b", "updated_at", "-1"))
                .isEqualTo(SCHEMA_ERROR + "updated_at: Number must be no less than 0");
    }

    @Test
    void immutableAttributeIsSetAtCreationOnly() {
        assertThat(create("alice", "custom:tenant", "acme")).startsWith("200");

        assertThat(update("alice", "custom:tenant", "other").error())
                .isEqualTo(
                        "400 InvalidParameterException: user.custom:tenant: Attribute cannot be updated. (changing an"
                                + " immutable attribute)");
        assertThat(update("alice", "custom:age", "30").error()).startsWith("200");
    }

    @Test
    void changedEmailIsUnverifiedUnlessTheSameRequestVerifiesIt() {
        create(
                "alice",
                "email",
                "alice@example.com",
                "email_verified",
                "true",
                "phone_number",
                "+15555550100",
                "phone_number_verified",
                "true");

        update("alice", "email", "new@example.com").requireSuccess();
        assertThat(this.fixture.getUser(this.poolId, "alice").attributes("UserAttributes"))
                .containsEntry("email_verified", "false")
                .containsEntry("phone_number_verified", "true");

        update("alice", "email", "newer@example.com", "email_verified", "true").requireSuccess();
        assertThat(this.fixture.getUser(this.poolId, "alice").attributes("UserAttributes"))
                .containsEntry("email", "newer@example.com")
                .containsEntry("email_verified", "true");

        update("alice", "phone_number", "+15555550199").requireSuccess();
        assertThat(this.fixture.getUser(this.poolId, "alice").attributes("UserAttributes"))
                .containsEntry("phone_number_verified", "false")
                .containsEntry("email_verified", "true");
    }

    @Test
    void verificationFlagEarlierInTheRequestStillHolds() {
        create("alice", "email", "alice@example.com");

        update("alice", "email_verified", "true", "email", "new@example.com").requireSuccess();

        assertThat(this.fixture.getUser(this.poolId, "alice").attributes("UserAttributes"))
                .containsEntry("email", "new@example.com")
                .containsEntry("email_verified", "true");
    }

    @Test
    void rewritingTheSameEmailKeepsItsVerification() {
        create("alice", "email", "alice@example.com", "email_verified", "true");

        update("alice", "email", "alice@example.com").requireSuccess();

        assertThat(this.fixture.getUser(this.poolId, "alice").attributes("UserAttributes"))
                .containsEntry("email_verified", "true");
    }

    @Test
    void otherAttributesGetNoVerificationFlag() {
        create("alice");

        update("alice", "given_name", "Alice").requireSuccess();

        assertThat(this.fixture.getUser(this.poolId, "alice").attributes("UserAttributes"))
                .containsEntry("given_name", "Alice")
                .doesNotContainKey("given_name_verified");
    }
}
