package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListGroupsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import tools.jackson.databind.JsonNode;

/** An administrator managing groups and their members, and the group claims in the tokens of their members. */
class GroupsTests extends SignInUseCase {

    private static final String ADMIN_ROLE = "arn:aws:iam::123456789012:role/admins";

    private static final String STAFF_ROLE = "arn:aws:iam::123456789012:role/staff";

    private GroupType createGroup(String poolId, String name, Integer precedence, String roleArn) {
        return cognito()
                .createGroup((request) -> request.userPoolId(poolId)
                        .groupName(name)
                        .precedence(precedence)
                        .roleArn(roleArn))
                .group();
    }

    private void addToGroup(String poolId, String username, String group) {
        cognito()
                .adminAddUserToGroup((request) ->
                        request.userPoolId(poolId).username(username).groupName(group));
    }

    private List<String> groupsOf(String poolId, String username) {
        return cognito()
                .adminListGroupsForUser((request) -> request.userPoolId(poolId).username(username))
                .groups()
                .stream()
                .map(GroupType::groupName)
                .toList();
    }

    private List<String> usersIn(String poolId, String group) {
        return cognito()
                .listUsersInGroup((request) -> request.userPoolId(poolId).groupName(group))
                .users()
                .stream()
                .map(UserType::username)
                .toList();
    }

    @Test
    void aGroupIsCreatedReadUpdatedAndDeleted() {
        String poolId = createPool();

        GroupType created = cognito()
                .createGroup((request) -> request.userPoolId(poolId)
                        .groupName("admins")
                        .description("Administrators")
                        .precedence(1)
                        .roleArn(ADMIN_ROLE))
                .group();

        assertThat(created.groupName()).isEqualTo("admins");
        assertThat(created.userPoolId()).isEqualTo(poolId);
        assertThat(created.description()).isEqualTo("Administrators");
        assertThat(created.precedence()).isEqualTo(1);
        assertThat(created.roleArn()).isEqualTo(ADMIN_ROLE);
        assertThat(created.creationDate()).isNotNull();
        assertThat(created.lastModifiedDate()).isEqualTo(created.creationDate());
        assertThat(cognito()
                        .getGroup((request) -> request.userPoolId(poolId).groupName("admins"))
                        .group())
                .isEqualTo(created);

        GroupType updated = cognito()
                .updateGroup((request) ->
                        request.userPoolId(poolId).groupName("admins").description("Admins"))
                .group();
        assertThat(updated.description()).isEqualTo("Admins");
        assertThat(updated.precedence()).isEqualTo(1);
        assertThat(updated.roleArn()).isEqualTo(ADMIN_ROLE);

        cognito().deleteGroup((request) -> request.userPoolId(poolId).groupName("admins"));
        ResourceNotFoundException gone = cognitoError(
                ResourceNotFoundException.class,
                () -> cognito().getGroup((request) -> request.userPoolId(poolId).groupName("admins")));
        assertThat(gone.awsErrorDetails().errorMessage()).isEqualTo("Group not found.");
    }

    @Test
    void aGroupWithoutSettingsHasNone() {
        String poolId = createPool();

        GroupType group = cognito()
                .createGroup((request) -> request.userPoolId(poolId).groupName("plain"))
                .group();

        assertThat(group.description()).isNull();
        assertThat(group.precedence()).isNull();
        assertThat(group.roleArn()).isNull();
    }

    @Test
    void aGroupNameIsTakenOnce() {
        String poolId = createPool();
        createGroup(poolId, "admins", null, null);

        GroupExistsException error =
                cognitoError(GroupExistsException.class, () -> createGroup(poolId, "admins", null, null));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("A group with the name admins already exists.");
    }

    @Test
    void listGroupsPagesWithNextToken() {
        String poolId = createPool();
        for (String name : List.of("c", "a", "b")) {
            createGroup(poolId, name, null, null);
        }

        ListGroupsResponse first =
                cognito().listGroups((request) -> request.userPoolId(poolId).limit(2));
        ListGroupsResponse second = cognito()
                .listGroups((request) -> request.userPoolId(poolId).limit(2).nextToken(first.nextToken()));

        assertThat(first.groups()).extracting(GroupType::groupName).containsExactly("a", "b");
        assertThat(second.groups()).extracting(GroupType::groupName).containsExactly("c");
        assertThat(second.nextToken()).isNull();
        assertThat(cognito()
                        .listGroupsPaginator(
                                (request) -> request.userPoolId(poolId).limit(1))
                        .groups()
                        .stream()
                        .map(GroupType::groupName))
                .containsExactly("a", "b", "c");
    }

    @Test
    void membersAreAddedListedAndRemoved() {
        String poolId = createPool();
        createUser(poolId, "alice");
        createUser(poolId, "bob");
        createGroup(poolId, "admins", null, null);
        createGroup(poolId, "staff", null, null);

        addToGroup(poolId, "alice", "admins");
        addToGroup(poolId, "alice", "staff");
        addToGroup(poolId, "bob", "staff");

        assertThat(groupsOf(poolId, "alice")).containsExactly("admins", "staff");
        assertThat(usersIn(poolId, "staff")).containsExactlyInAnyOrder("alice", "bob");
        assertThat(cognito()
                        .listUsersInGroupPaginator((request) ->
                                request.userPoolId(poolId).groupName("staff").limit(1))
                        .users()
                        .stream()
                        .map(UserType::username))
                .containsExactlyInAnyOrder("alice", "bob");
        assertThat(cognito()
                        .adminListGroupsForUserPaginator((request) ->
                                request.userPoolId(poolId).username("alice").limit(1))
                        .groups()
                        .stream()
                        .map(GroupType::groupName))
                .containsExactly("admins", "staff");

        cognito()
                .adminRemoveUserFromGroup((request) ->
                        request.userPoolId(poolId).username("alice").groupName("staff"));

        assertThat(groupsOf(poolId, "alice")).containsExactly("admins");
        assertThat(usersIn(poolId, "staff")).containsExactly("bob");
    }

    @Test
    void deletingAGroupOrAUserEndsTheirMemberships() {
        String poolId = createPool();
        createUser(poolId, "alice");
        createUser(poolId, "bob");
        createGroup(poolId, "admins", null, null);
        createGroup(poolId, "staff", null, null);
        addToGroup(poolId, "alice", "admins");
        addToGroup(poolId, "alice", "staff");
        addToGroup(poolId, "bob", "staff");

        cognito().deleteGroup((request) -> request.userPoolId(poolId).groupName("admins"));
        cognito().adminDeleteUser((request) -> request.userPoolId(poolId).username("bob"));

        assertThat(groupsOf(poolId, "alice")).containsExactly("staff");
        assertThat(usersIn(poolId, "staff")).containsExactly("alice");
    }

    @Test
    void unknownGroupsAndUsersAreReportedAsCognitoDoes() {
        String poolId = createPool();
        createUser(poolId, "alice");
        createGroup(poolId, "admins", null, null);

        ResourceNotFoundException noGroup =
                cognitoError(ResourceNotFoundException.class, () -> addToGroup(poolId, "alice", "nope"));
        UserNotFoundException noUser =
                cognitoError(UserNotFoundException.class, () -> addToGroup(poolId, "ghost", "admins"));

        assertThat(noGroup.awsErrorDetails().errorMessage()).isEqualTo("Group not found.");
        assertThat(noUser.awsErrorDetails().errorMessage()).isEqualTo("User does not exist.");
        cognitoError(ResourceNotFoundException.class, () -> usersIn(poolId, "nope"));
        cognitoError(UserNotFoundException.class, () -> groupsOf(poolId, "ghost"));
        cognitoError(
                ResourceNotFoundException.class,
                () -> cognito()
                        .adminRemoveUserFromGroup((request) ->
                                request.userPoolId(poolId).username("alice").groupName("nope")));
        cognitoError(
                ResourceNotFoundException.class,
                () -> cognito()
                        .deleteGroup((request) -> request.userPoolId(poolId).groupName("nope")));
        cognitoError(
                ResourceNotFoundException.class,
                () -> cognito()
                        .updateGroup((request) -> request.userPoolId(poolId).groupName("nope")));
    }

    @Test
    void tokensOfAGroupMemberCarryTheGroupsAndRoles() {
        String poolId = createPool();
        String clientId = createPasswordClient(poolId);
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);
        createGroup(poolId, "staff", 5, STAFF_ROLE);
        createGroup(poolId, "admins", 0, ADMIN_ROLE);
        addToGroup(poolId, "alice", "staff");
        addToGroup(poolId, "alice", "admins");

        AuthenticationResultType tokens = signIn(clientId, "alice", STRONG_PASSWORD);

        JsonNode id = claims(tokens.idToken());
        assertThat(id.get("cognito:groups").toString()).isEqualTo("[\"admins\",\"staff\"]");
        assertThat(id.get("cognito:roles").toString()).isEqualTo("[\"" + ADMIN_ROLE + "\",\"" + STAFF_ROLE + "\"]");
        assertThat(id.get("cognito:preferred_role").asString()).isEqualTo(ADMIN_ROLE);
        JsonNode access = claims(tokens.accessToken());
        assertThat(access.get("cognito:groups").toString()).isEqualTo("[\"admins\",\"staff\"]");
        assertThat(access.has("cognito:roles")).isFalse();
    }

    @Test
    void aUserInNoGroupHasNoGroupsClaim() {
        String poolId = createPool();

        AuthenticationResultType tokens = aliceSignedIn(poolId);

        assertThat(claims(tokens.idToken()).has("cognito:groups")).isFalse();
        assertThat(claims(tokens.accessToken()).has("cognito:groups")).isFalse();
    }

    /** The way Spring applications map Cognito groups to roles for {@code hasRole("admins")}. */
    @Test
    void springMapsTheGroupsOfAnIdTokenToRoles() {
        String poolId = createPool();
        String clientId = createPasswordClient(poolId);
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);
        createGroup(poolId, "admins", null, null);
        addToGroup(poolId, "alice", "admins");
        AuthenticationResultType tokens = signIn(clientId, "alice", STRONG_PASSWORD);
        JwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer(poolId));
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("cognito:groups");
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);

        Jwt id = decoder.decode(tokens.idToken());
        Set<String> roles = converter.convert(id).getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());

        assertThat(id.getClaimAsStringList("cognito:groups")).containsExactly("admins");
        // Spring Security adds an authority of its own for the bearer token; the roles are the groups.
        assertThat(roles)
                .filteredOn((authority) -> authority.startsWith("ROLE_"))
                .containsExactly("ROLE_admins");
        assertThat(decoder.decode(tokens.accessToken()).getClaimAsStringList("cognito:groups"))
                .containsExactly("admins");
    }
}
