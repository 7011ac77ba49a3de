package io.github.cognitoemulator.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.branding.ManagedLoginBrandingActions;
import io.github.cognitoemulator.core.branding.UiCustomizationActions;
import io.github.cognitoemulator.core.pool.RiskConfigurationActions;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.terms.TermsActions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A deleted app client takes what other features kept for it along, and leaves its pool's other clients alone. */
class ClientDeletionTest {

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private final String poolId = this.fixture.createPool();

    private final String clientId = createClient("deleted");

    private final String keptClientId = createClient("kept");

    private String createClient(String name) {
        return this.fixture
                .call(
                        "CreateUserPoolClient",
                        Map.of("UserPoolId", this.poolId, "ClientName", name, "GenerateSecret", true))
                .requireSuccess()
                .string("UserPoolClient", "ClientId");
    }

    private void keepEverythingFor(String clientId) {
        this.fixture
                .call(
                        "CreateManagedLoginBranding",
                        Map.of("UserPoolId", this.poolId, "ClientId", clientId, "UseCognitoProvidedValues", true))
                .requireSuccess();
        this.fixture
                .call(
                        "CreateTerms",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "ClientId",
                                clientId,
                                "TermsName",
                                "terms-of-use",
                                "TermsSource",
                                "LINK",
                                "Enforcement",
                                "NONE",
                                "Links",
                                Map.of("cognito:default", "https://example.com/terms")))
                .requireSuccess();
        this.fixture
                .call("SetUICustomization", Map.of("UserPoolId", this.poolId, "ClientId", clientId, "CSS", ".a{}"))
                .requireSuccess();
        this.fixture
                .call(
                        "SetRiskConfiguration",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "ClientId",
                                clientId,
                                "RiskExceptionConfiguration",
                                Map.of("BlockedIPRangeList", List.of("10.0.0.0/8"))))
                .requireSuccess();
        this.fixture
                .call("AddUserPoolClientSecret", Map.of("UserPoolId", this.poolId, "ClientId", clientId))
                .requireSuccess();
    }

    @Test
    void aDeletedClientLeavesNothingBehind() {
        keepEverythingFor(this.clientId);
        keepEverythingFor(this.keptClientId);
        int before = records();

        this.fixture
                .call("DeleteUserPoolClient", Map.of("UserPoolId", this.poolId, "ClientId", this.clientId))
                .requireSuccess();

        assertThat(before).isEqualTo(14);
        assertThat(records()).isEqualTo(7);
        assertThat(keys()).allMatch((key) -> !key.contains(this.clientId) && !key.startsWith(this.clientId));
    }

    private int records() {
        return keys().size();
    }

    /** The keys of every record kept for clients, of both clients. */
    private List<String> keys() {
        ResourceStore resources = this.fixture.emulator().store().resources();
        return kinds().stream()
                .flatMap((kind) -> resources.list(kind, this.poolId).stream())
                .map((resource) -> resource.key() + "=" + resource.value())
                .toList();
    }

    private static List<ResourceKind<?>> kinds() {
        return List.of(
                ManagedLoginBrandingActions.STYLES,
                ManagedLoginBrandingActions.CLIENT_STYLES,
                TermsActions.TERMS,
                TermsActions.NAMES,
                UiCustomizationActions.CUSTOMIZATIONS,
                ClientSecretList.KIND,
                RiskConfigurationActions.RISK_CONFIGURATION);
    }
}
