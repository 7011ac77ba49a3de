package io.github.cognitoemulator.core.branding;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ManagedLoginBrandingActionsTest {

    private static final Map<String, Object> SETTINGS =
            Map.of("components", Map.of("pageBackground", Map.of("lightMode", Map.of("color", "ffffffff"))));

    private static final Map<String, Object> LOGO =
            Map.of("Category", "PAGE_HEADER_LOGO", "ColorMode", "LIGHT", "Extension", "PNG", "Bytes", "iVBORw0K");

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private final String poolId = this.fixture.createPool();

    private final String clientId = newClient(this.poolId);

    private String newClient(String poolId) {
        return this.fixture
                .call("CreateUserPoolClient", Map.of("UserPoolId", poolId, "ClientName", "app"))
                .requireSuccess()
                .string("UserPoolClient", "ClientId");
    }

    private Reply create(Map<String, Object> settings) {
        var body = new java.util.LinkedHashMap<String, Object>(
                Map.of("UserPoolId", this.poolId, "ClientId", this.clientId));
        body.putAll(settings);
        return this.fixture.call("CreateManagedLoginBranding", body);
    }

    private Reply describe(String brandingId) {
        return this.fixture.call(
                "DescribeManagedLoginBranding",
                Map.of(
                        "UserPoolId",
                        this.poolId,
                        "ManagedLoginBrandingId",
                        brandingId,
                        "ReturnMergedResources",
                        false));
    }

    @Test
    void aStyleKeepsItsSettingsAndAssets() {
        Map<String, Object> style = create(Map.of("Settings", SETTINGS, "Assets", List.of(LOGO)))
                .requireSuccess()
                .map("ManagedLoginBranding");

        String id = (String) style.get("ManagedLoginBrandingId");
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(style)
                .isEqualTo(Map.of(
                        "ManagedLoginBrandingId",
                        id,
                        "UserPoolId",
                        this.poolId,
                        "UseCognitoProvidedValues",
                        false,
                        "Settings",
                        SETTINGS,
                        "Assets",
                        List.of(LOGO),
                        "CreationDate",
                        1.594889658976E9,
                        "LastModifiedDate",
                        1.594889658976E9));
        assertThat(describe(id).map("ManagedLoginBranding")).isEqualTo(style);
        assertThat(this.fixture
                        .call(
                                "DescribeManagedLoginBrandingByClient",
                                Map.of("UserPoolId", this.poolId, "ClientId", this.clientId))
                        .map("ManagedLoginBranding"))
                .isEqualTo(style);
    }

    @Test
    void cognitosDefaultsHaveNoSettings() {
        Map<String, Object> style = create(Map.of("UseCognitoProvidedValues", true))
                .requireSuccess()
                .map("ManagedLoginBranding");

        assertThat(style)
                .containsEntry("UseCognitoProvidedValues", true)
                .containsEntry("Assets", List.of())
                .doesNotContainKey("Settings");
        assertThat(create(Map.of()).error())
                .isEqualTo("400 ManagedLoginBrandingExistsException: Managed login branding already exists for client "
                        + this.clientId + ".");
    }

    @Test
    void defaultsAndOwnSettingsExcludeEachOther() {
        Reply both = create(Map.of("UseCognitoProvidedValues", true, "Settings", SETTINGS));
        Reply assets = create(Map.of("UseCognitoProvidedValues", true, "Assets", List.of(LOGO)));

        assertThat(both.error())
                .isEqualTo("400 InvalidParameterException: Settings and Assets cannot be provided when"
                        + " UseCognitoProvidedValues is true.");
        assertThat(assets.error()).isEqualTo(both.error());
        create(Map.of("UseCognitoProvidedValues", false, "Settings", SETTINGS)).requireSuccess();
    }

    @Test
    void aStyleNeedsAClientOfThePool() {
        String otherPool = this.fixture.createPool();
        String foreign = newClient(otherPool);

        Reply reply =
                this.fixture.call("CreateManagedLoginBranding", Map.of("UserPoolId", this.poolId, "ClientId", foreign));

        assertThat(reply.error())
                .isEqualTo("400 ResourceNotFoundException: User pool client " + foreign + " does not exist.");
        assertThat(this.fixture
                        .call(
                                "CreateManagedLoginBranding",
                                Map.of("UserPoolId", "us-east-1_missing00", "ClientId", foreign))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_missing00 does not exist.");
    }

    @Test
    void updateReplacesWhatItNames() {
        String id = create(Map.of("Settings", SETTINGS, "Assets", List.of(LOGO)))
                .string("ManagedLoginBranding", "ManagedLoginBrandingId");
        Map<String, Object> newSettings = Map.of("categories", Map.of("auth", Map.of("authMethodOrder", List.of())));

        Reply settingsOnly = this.fixture.call(
                "UpdateManagedLoginBranding",
                Map.of("UserPoolId", this.poolId, "ManagedLoginBrandingId", id, "Settings", newSettings));

        assertThat(settingsOnly.requireSuccess().map("ManagedLoginBranding"))
                .containsEntry("Settings", newSettings)
                .containsEntry("Assets", List.of(LOGO))
                .containsEntry("UseCognitoProvidedValues", false);
        Reply defaults = this.fixture.call(
                "UpdateManagedLoginBranding",
                Map.of("UserPoolId", this.poolId, "ManagedLoginBrandingId", id, "UseCognitoProvidedValues", true));
        assertThat(defaults.map("ManagedLoginBranding"))
                .containsEntry("UseCognitoProvidedValues", true)
                .containsEntry("Assets", List.of())
                .doesNotContainKey("Settings");
        Reply nothing = this.fixture.call(
                "UpdateManagedLoginBranding", Map.of("UserPoolId", this.poolId, "ManagedLoginBrandingId", id));
        assertThat(nothing.map("ManagedLoginBranding")).containsEntry("UseCognitoProvidedValues", true);
        Reply own = this.fixture.call(
                "UpdateManagedLoginBranding",
                Map.of("UserPoolId", this.poolId, "ManagedLoginBrandingId", id, "Settings", SETTINGS));
        assertThat(own.map("ManagedLoginBranding"))
                .containsEntry("UseCognitoProvidedValues", false)
                .containsEntry("Settings", SETTINGS);
        Reply assetsOnly = this.fixture.call(
                "UpdateManagedLoginBranding",
                Map.of("UserPoolId", this.poolId, "ManagedLoginBrandingId", id, "Assets", List.of(LOGO)));
        assertThat(assetsOnly.map("ManagedLoginBranding"))
                .containsEntry("Assets", List.of(LOGO))
                .containsEntry("Settings", SETTINGS);
    }

    @Test
    void deletingAStyleFreesItsClient() {
        String id = create(Map.of()).string("ManagedLoginBranding", "ManagedLoginBrandingId");

        Reply deleted = this.fixture.call(
                "DeleteManagedLoginBranding", Map.of("UserPoolId", this.poolId, "ManagedLoginBrandingId", id));

        assertThat(deleted.requireSuccess().json()).isEmpty();
        assertThat(describe(id).error())
                .isEqualTo("400 ResourceNotFoundException: Managed login branding " + id + " does not exist.");
        assertThat(this.fixture
                        .call(
                                "DescribeManagedLoginBrandingByClient",
                                Map.of("UserPoolId", this.poolId, "ClientId", this.clientId))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: Managed login branding for client " + this.clientId
                        + " does not exist.");
        assertThat(this.fixture
                        .call(
                                "DeleteManagedLoginBranding",
                                Map.of("UserPoolId", this.poolId, "ManagedLoginBrandingId", id))
                        .error())
                .startsWith("400 ResourceNotFoundException");
        assertThat(this.fixture
                        .call(
                                "UpdateManagedLoginBranding",
                                Map.of("UserPoolId", this.poolId, "ManagedLoginBrandingId", id))
                        .error())
                .startsWith("400 ResourceNotFoundException");
        create(Map.of()).requireSuccess();
    }

    @Test
    void aStyleOfAnotherPoolIsNotFound() {
        String id = create(Map.of()).string("ManagedLoginBranding", "ManagedLoginBrandingId");
        String otherPool = this.fixture.createPool();

        assertThat(this.fixture
                        .call(
                                "DescribeManagedLoginBranding",
                                Map.of("UserPoolId", otherPool, "ManagedLoginBrandingId", id))
                        .error())
                .startsWith("400 ResourceNotFoundException");
        assertThat(this.fixture
                        .call(
                                "DescribeManagedLoginBrandingByClient",
                                Map.of("UserPoolId", otherPool, "ClientId", this.clientId))
                        .error())
                .startsWith("400 ResourceNotFoundException");
    }

    @Test
    void updateNamesItsStyle() {
        assertThat(this.fixture
                        .call("UpdateManagedLoginBranding", Map.of("UserPoolId", this.poolId))
                        .error())
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value null at"
                        + " 'managedLoginBrandingId' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void recordsRoundTripThroughTheDatabase() {
        try (JdbcStore store = JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            store.pools().create(EmulatorStoreContract.pool("us-east-1_brand0000"));
            Instant now = Instant.parse("2020-07-16T08:54:18Z");
            var style = new ManagedLoginBranding(
                    "id",
                    "us-east-1_brand0000",
                    "client",
                    false,
                    Map.of("a", List.of(1, true, "x"), "b", Map.of("c", "d")),
                    List.of(new ManagedLoginBranding.Asset("FAVICON_ICO", "LIGHT", "ICO", "AAA=", null)),
                    now,
                    now);
            var customization = new UiCustomization("us-east-1_brand0000", "ALL", ".x{}", null, "v", now, now);
            store.resources().create(ManagedLoginBrandingActions.STYLES, "us-east-1_brand0000", "s", style);
            store.resources()
                    .create(
                            ManagedLoginBrandingActions.CLIENT_STYLES,
                            "us-east-1_brand0000",
                            "c",
                            new ClientBranding("id"));
            store.resources().create(UiCustomizationActions.CUSTOMIZATIONS, "us-east-1_brand0000", "u", customization);

            assertThat(store.resources()
                            .find(ManagedLoginBrandingActions.STYLES, "s")
                            .orElseThrow()
                            .value())
                    .isEqualTo(style);
            assertThat(store.resources()
                            .find(ManagedLoginBrandingActions.CLIENT_STYLES, "c")
                            .orElseThrow()
                            .value())
                    .isEqualTo(new ClientBranding("id"));
            assertThat(store.resources()
                            .find(UiCustomizationActions.CUSTOMIZATIONS, "u")
                            .orElseThrow()
                            .value())
                    .isEqualTo(customization);
        }
    }
}
