package io.github.cognitoemulator.core.token;

import static io.github.cognitoemulator.core.SignInFixture.payload;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.SignInFixture.Tokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code cognito:groups} in both tokens, and {@code cognito:roles} and {@code cognito:preferred_role} in the ID token. */
class GroupClaimsTest {

    private static final String ADMIN_ROLE = "arn:aws:iam::123456789012:role/admin";

    private static final String STAFF_ROLE = "arn:aws:iam::123456789012:role/staff";

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool();

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    GroupClaimsTest() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
    }

    private void group(String name, Integer precedence, String roleArn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("UserPoolId", this.poolId);
        body.put("GroupName", name);
        if (precedence != null) {
            body.put("Precedence", precedence);
        }
        if (roleArn != null) {
            body.put("RoleArn", roleArn);
        }
        this.fixture.call("CreateGroup", body).requireSuccess();
        this.fixture
                .call("AdminAddUserToGroup", Map.of("UserPoolId", this.poolId, "GroupName", name, "Username", "alice"))
                .requireSuccess();
    }

    private Tokens signIn() {
        return SignInFixture.tokens(this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD));
    }

    @Test
    void aUserInNoGroupHasNoGroupClaims() {
        Tokens tokens = signIn();

        assertThat(payload(tokens.idToken()))
                .doesNotContainKeys("cognito:groups", "cognito:roles", "cognito:preferred_role");
        assertThat(payload(tokens.accessToken()))
                .doesNotContainKeys("cognito:groups", "cognito:roles", "cognito:preferred_role");
    }

    @Test
    void bothTokensListTheGroupsByPrecedenceThenName() {
        group("zeta", 2, null);
        group("none", null, null);
        group("beta", 1, null);
        group("alpha", 1, null);

        Tokens tokens = signIn();

        List<String> expected = List.of("alpha", "beta", "zeta", "none");
        assertThat(payload(tokens.idToken())).containsEntry("cognito:groups", expected);
        assertThat(payload(tokens.accessToken())).containsEntry("cognito:groups", expected);
        // No group has a role, so there are no role claims.
        assertThat(payload(tokens.idToken())).doesNotContainKeys("cognito:roles", "cognito:preferred_role");
    }

    @Test
    void theIdTokenNamesEveryRoleAndPrefersTheHighestPrecedence() {
        group("staff", 5, STAFF_ROLE);
        group("admins", 0, ADMIN_ROLE);
        group("readers", null, null);

        Tokens tokens = signIn();

        Map<String, Object> id = payload(tokens.idToken());
        assertThat(id)
                .containsEntry("cognito:groups", List.of("admins", "staff", "readers"))
                .containsEntry("cognito:roles", List.of(ADMIN_ROLE, STAFF_ROLE))
                .containsEntry("cognito:preferred_role", ADMIN_ROLE);
        assertThat(payload(tokens.accessToken()))
                .containsEntry("cognito:groups", List.of("admins", "staff", "readers"))
                .doesNotContainKeys("cognito:roles", "cognito:preferred_role");
    }

    @Test
    void aRefreshSeesTheGroupsOfTheMoment() {
        Tokens first = signIn();
        group("admins", 0, ADMIN_ROLE);

        Tokens refreshed = SignInFixture.tokens(this.fixture.refresh(this.client.id(), first.refreshToken()));

        assertThat(payload(first.idToken())).doesNotContainKey("cognito:groups");
        assertThat(payload(refreshed.idToken()))
                .containsEntry("cognito:groups", List.of("admins"))
                .containsEntry("cognito:preferred_role", ADMIN_ROLE);
        assertThat(payload(refreshed.accessToken())).containsEntry("cognito:groups", List.of("admins"));
    }

    @Test
    void aRemovedGroupLeavesTheNextTokens() {
        group("admins", 0, ADMIN_ROLE);
        this.fixture
                .call("DeleteGroup", Map.of("UserPoolId", this.poolId, "GroupName", "admins"))
                .requireSuccess();

        assertThat(payload(signIn().idToken()))
                .doesNotContainKeys("cognito:groups", "cognito:roles", "cognito:preferred_role");
    }

    // The rules themselves, case by case.

    private static TokenGroups.Group g(String name, Integer precedence, String roleArn) {
        return new TokenGroups.Group(name, precedence, roleArn);
    }

    @Test
    void orderIsPrecedenceAscendingThenNameWithNoPrecedenceLast() {
        List<TokenGroups.Group> groups = new ArrayList<>(
                List.of(g("d", null, null), g("c", 3, null), g("b", 0, null), g("a", 3, null), g("e", null, null)));

        assertThat(TokenService.ordered(groups))
                .extracting(TokenGroups.Group::name)
                .containsExactly("b", "a", "c", "d", "e");
    }

    @Test
    void rolesAreListedOnceEachInGroupOrder() {
        assertThat(TokenService.roles(
                        List.of(g("a", 0, STAFF_ROLE), g("b", 1, null), g("c", 2, ADMIN_ROLE), g("d", 3, STAFF_ROLE))))
                .containsExactly(STAFF_ROLE, ADMIN_ROLE);
        assertThat(TokenService.roles(List.of(g("a", 0, null)))).isEmpty();
    }

    @Test
    void thePreferredRoleIsThatOfTheHighestPrecedenceGroupWithARole() {
        assertThat(TokenService.preferredRole(List.of(g("a", 0, null), g("b", 1, STAFF_ROLE), g("c", 2, ADMIN_ROLE))))
                .isEqualTo(STAFF_ROLE);
        assertThat(TokenService.preferredRole(List.of(g("a", 0, null)))).isNull();
        assertThat(TokenService.preferredRole(List.of())).isNull();
    }

    @Test
    void equalPrecedenceWithDifferentRolesHasNoPreferredRole() {
        assertThat(TokenService.preferredRole(List.of(g("a", 1, STAFF_ROLE), g("b", 1, ADMIN_ROLE))))
                .isNull();
        assertThat(TokenService.preferredRole(
                        List.of(g("a", 1, STAFF_ROLE), g("b", 1, STAFF_ROLE), g("c", 2, ADMIN_ROLE))))
                .isEqualTo(STAFF_ROLE);
    }

    @Test
    void groupsWithoutPrecedenceRankLastAndTieWithEachOther() {
        assertThat(TokenService.preferredRole(
                        TokenService.ordered(List.of(g("a", null, ADMIN_ROLE), g("b", 9, STAFF_ROLE)))))
                .isEqualTo(STAFF_ROLE);
        assertThat(TokenService.preferredRole(List.of(g("a", null, ADMIN_ROLE))))
                .isEqualTo(ADMIN_ROLE);
        assertThat(TokenService.preferredRole(List.of(g("a", null, ADMIN_ROLE), g("b", null, STAFF_ROLE))))
                .isNull();
        assertThat(TokenService.preferredRole(List.of(g("a", null, ADMIN_ROLE), g("b", null, ADMIN_ROLE))))
                .isEqualTo(ADMIN_ROLE);
    }
}
