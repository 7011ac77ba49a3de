package io.github.cognitoemulator.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserFilterTest {

    private static final String SUB = "8b2e0244-5e4b-40f5-bf8c-59bb003553c1";

    private static final User ALICE = new User(
            "us-east-1_abc",
            "Alice",
            SUB,
            Map.of(
                    "sub", SUB,
                    "email", "alice@example.com",
                    "phone_number", "+14325551212",
                    "name", "Alice Liddell",
                    "given_name", "Alice",
                    "family_name", "Liddell",
                    "preferred_username", "wonder"),
            UserStatus.FORCE_CHANGE_PASSWORD,
            true,
            Instant.EPOCH,
            Instant.EPOCH,
            null,
            null,
            0);

    private static boolean matches(String filter, User user) {
        return UserFilter.parse(filter).test(user);
    }

    private static void assertParseError(String filter) {
        assertThatThrownBy(() -> UserFilter.parse(filter))
                .as(filter)
                .isInstanceOfSatisfying(
                        CognitoException.class, (ex) -> assertThat(ex.type()).isEqualTo(ErrorType.INVALID_PARAMETER))
                .hasMessage("Error while parsing filter.");
    }

    @Test
    void blankFilterMatchesEveryone() {
        assertThat(UserFilter.parse(null)).isNull();
        assertThat(UserFilter.parse("")).isNull();
        assertThat(UserFilter.parse("   ")).isNull();
    }

    @Test
    void equalsIsAnExactMatch() {
        assertThat(UserFilter.parse("email = \"alice@example.com\""))
                .isEqualTo(new UserFilter("email", false, "alice@example.com"));
    }

    @Test
    void caretEqualsIsAPrefixMatch() {
        assertThat(UserFilter.parse("given_name ^= \"Al\"")).isEqualTo(new UserFilter("given_name", true, "Al"));
    }

    @Test
    void spacesAroundTheOperatorAreOptional() {
        assertThat(UserFilter.parse("email=\"a\"")).isEqualTo(new UserFilter("email", false, "a"));
        assertThat(UserFilter.parse("email^=\"a\"")).isEqualTo(new UserFilter("email", true, "a"));
        assertThat(UserFilter.parse("  email   =   \"a\"  ")).isEqualTo(new UserFilter("email", false, "a"));
    }

    @Test
    void escapedQuotesBelongToTheValue() {
        assertThat(UserFilter.parse("name = \"say \\\"hi\\\"\""))
                .isEqualTo(new UserFilter("name", false, "say \"hi\""));
        assertThat(UserFilter.parse("name = \"back\\\\slash\""))
                .isEqualTo(new UserFilter("name", false, "back\\slash"));
    }

    @Test
    void emptyQuotedValueIsAllowed() {
        assertThat(UserFilter.parse("name ^= \"\"")).isEqualTo(new UserFilter("name", true, ""));
    }

    @Test
    void unquotedValueIsAParseError() {
        assertParseError("email = alice@example.com");
        assertParseError("email = 'alice@example.com'");
        assertParseError("email = \"alice@example.com");
    }

    @Test
    void customAttributesAreNotSearchable() {
        assertParseError("custom:tenant = \"acme\"");
    }

    @Test
    void unknownAttributesAreNotSearchable() {
        assertParseError("nickname = \"al\"");
        assertParseError("address = \"x\"");
    }

    @Test
    void malformedFiltersAreParseErrors() {
        assertParseError("email");
        assertParseError("email \"a\"");
        assertParseError("email != \"a\"");
        assertParseError("= \"a\"");
        assertParseError("email = \"a\" and name = \"b\"");
        assertParseError("email = \"a\" \"b\"");
    }

    @Test
    void usernameIsCaseSensitive() {
        assertThat(matches("username = \"Alice\"", ALICE)).isTrue();
        assertThat(matches("username = \"alice\"", ALICE)).isFalse();
        assertThat(matches("username ^= \"Al\"", ALICE)).isTrue();
        assertThat(matches("username ^= \"al\"", ALICE)).isFalse();
    }

    @Test
    void userStatusIsCaseInsensitive() {
        assertThat(matches("cognito:user_status = \"FORCE_CHANGE_PASSWORD\"", ALICE))
                .isTrue();
        assertThat(matches("cognito:user_status = \"force_change_password\"", ALICE))
                .isTrue();
        assertThat(matches("cognito:user_status ^= \"Force\"", ALICE)).isTrue();
        assertThat(matches("cognito:user_status = \"CONFIRMED\"", ALICE)).isFalse();
    }

    @Test
    void statusIsEnabledOrDisabled() {
        User disabled = new User(
                ALICE.userPoolId(),
                ALICE.username(),
                ALICE.sub(),
                ALICE.attributes(),
                ALICE.status(),
                false,
                ALICE.createDate(),
                ALICE.lastModifiedDate(),
                null,
                null,
                0);

        assertThat(matches("status = \"Enabled\"", ALICE)).isTrue();
        assertThat(matches("status = \"Disabled\"", ALICE)).isFalse();
        assertThat(matches("status = \"Disabled\"", disabled)).isTrue();
        assertThat(matches("status = \"enabled\"", ALICE)).isFalse();
    }

    @Test
    void subMatchesTheWholeId() {
        assertThat(matches("sub = \"" + SUB + "\"", ALICE)).isTrue();
        assertThat(matches("sub = \"8b2e0244\"", ALICE)).isFalse();
        assertThat(matches("sub ^= \"8b2e0244\"", ALICE)).isTrue();
    }

    @Test
    void eachSearchableAttributeIsMatchedOnItsValue() {
        Map<String, String> values = Map.of(
                "email", "alice@example.com",
                "phone_number", "+14325551212",
                "name", "Alice Liddell",
                "given_name", "Alice",
                "family_name", "Liddell",
                "preferred_username", "wonder");
        values.forEach((attribute, value) -> {
            assertThat(matches(attribute + " = \"" + value + "\"", ALICE))
                    .as(attribute)
                    .isTrue();
            assertThat(matches(attribute + " = \"" + value + "x\"", ALICE))
                    .as(attribute)
                    .isFalse();
            assertThat(matches(attribute + " ^= \"" + value.substring(0, 3) + "\"", ALICE))
                    .as(attribute)
                    .isTrue();
        });
    }

    @Test
    void userWithoutTheAttributeDoesNotMatch() {
        User bare = new User(
                "us-east-1_abc",
                "bob",
                "sub-b",
                Map.of("sub", "sub-b"),
                UserStatus.CONFIRMED,
                true,
                Instant.EPOCH,
                Instant.EPOCH,
                null,
                null,
                0);

        assertThat(matches("email ^= \"\"", bare)).isFalse();
        assertThat(matches("email ^= \"\"", ALICE)).isTrue();
    }

    @Test
    void everySearchableAttributeParses() {
        assertThat(UserFilter.SEARCHABLE)
                .containsExactlyInAnyOrder(
                        "username",
                        "email",
                        "phone_number",
                        "name",
                        "given_name",
                        "family_name",
                        "preferred_username",
                        "cognito:user_status",
                        "status",
                        "sub");
        for (String attribute : UserFilter.SEARCHABLE) {
            assertThat(UserFilter.parse(attribute + " = \"x\"").attribute()).isEqualTo(attribute);
        }
    }
}
