package io.github.cognitoemulator.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cognitoemulator.core.CognitoEmulator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionRegistryTest {

    private static final RequestParser<String> NO_INPUT = (in) -> "";

    private static final Action<String> NO_OUTPUT = (request, context) -> null;

    @Test
    void registeringOneNameTwiceFails() {
        ActionRegistry.Builder builder = ActionRegistry.builder().add("CreateUserPool", NO_INPUT, NO_OUTPUT);

        assertThatThrownBy(() -> builder.add("CreateUserPool", NO_INPUT, NO_OUTPUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CreateUserPool");
    }

    @Test
    void familiesRegisterTheirActions() {
        ActionRegistry registry = ActionRegistry.builder()
                .family((builder) -> builder.add("B", NO_INPUT, NO_OUTPUT).add("A", NO_INPUT, NO_OUTPUT))
                .add("C", NO_INPUT, NO_OUTPUT)
                .build();

        assertThat(registry.actionNames()).containsExactly("A", "B", "C");
        assertThat(registry.find("A")).isPresent();
        assertThat(registry.find("D")).isEmpty();
    }

    @Test
    void actionNamesCannotBeChangedFromOutside() {
        ActionRegistry registry =
                ActionRegistry.builder().add("A", NO_INPUT, NO_OUTPUT).build();

        assertThatThrownBy(() -> registry.actionNames().add("B")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void builderChangesAfterBuildDoNotReachTheRegistry() {
        ActionRegistry.Builder builder = ActionRegistry.builder().add("A", NO_INPUT, NO_OUTPUT);
        ActionRegistry registry = builder.build();

        builder.add("B", NO_INPUT, NO_OUTPUT);

        assertThat(registry.actionNames()).containsExactly("A");
    }

    @Test
    void facadeServesThePoolClientAndAdminUserActionsInAlphabeticalOrder() {
        // contains rather than containsExactly: the facade grows as more of Cognito is emulated.
        assertThat(List.copyOf(CognitoEmulator.builder().build().actionNames()))
                .contains(
                        "AdminCreateUser",
                        "AdminDeleteUser",
                        "AdminGetUser",
                        "AdminSetUserPassword",
                        "AdminUpdateUserAttributes",
                        "CreateUserPool",
                        "CreateUserPoolClient",
                        "DeleteUserPool",
                        "DeleteUserPoolClient",
                        "DescribeUserPool",
                        "DescribeUserPoolClient",
                        "ListUserPoolClients",
                        "ListUserPools",
                        "ListUsers")
                .isSorted();
    }
}
