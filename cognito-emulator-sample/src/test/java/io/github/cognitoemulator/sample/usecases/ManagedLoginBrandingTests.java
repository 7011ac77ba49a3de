package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssetCategoryType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssetExtensionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ColorSchemeModeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ManagedLoginBrandingExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ManagedLoginBrandingType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UICustomizationType;

/** Managed login branding styles and the classic hosted UI customization. */
class ManagedLoginBrandingTests extends CognitoUseCase {

    private static final Document SETTINGS = Document.mapBuilder()
            .putDocument(
                    "components",
                    Document.mapBuilder()
                            .putDocument(
                                    "pageBackground",
                                    Document.mapBuilder()
                                            .putString("image", "none")
                                            .build())
                            .build())
            .build();

    private String createClient(String poolId) {
        return cognito()
                .createUserPoolClient((request) -> request.userPoolId(poolId).clientName("web"))
                .userPoolClient()
                .clientId();
    }

    @Test
    void aClientsStyleIsCreatedDescribedUpdatedAndDeleted() {
        String poolId = createPool();
        String clientId = createClient(poolId);
        SdkBytes logo = SdkBytes.fromByteArray(new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        ManagedLoginBrandingType style = cognito()
                .createManagedLoginBranding((request) -> request.userPoolId(poolId)
                        .clientId(clientId)
                        .settings(SETTINGS)
                        .assets((asset) -> asset.category(AssetCategoryType.PAGE_HEADER_LOGO)
                                .colorMode(ColorSchemeModeType.LIGHT)
                                .extension(AssetExtensionType.PNG)
                                .bytes(logo)))
                .managedLoginBranding();

        assertThat(style.managedLoginBrandingId()).matches(UUID_PATTERN);
        assertThat(style.useCognitoProvidedValues()).isFalse();
        assertThat(style.settings()).isEqualTo(SETTINGS);
        assertThat(style.assets())
                .singleElement()
                .satisfies((asset) -> assertThat(asset.bytes()).isEqualTo(logo));
        assertThat(cognito()
                        .describeManagedLoginBrandingByClient(
                                (request) -> request.userPoolId(poolId).clientId(clientId))
                        .managedLoginBranding())
                .isEqualTo(style);
        cognitoError(
                ManagedLoginBrandingExistsException.class,
                () -> cognito()
                        .createManagedLoginBranding((request) ->
                                request.userPoolId(poolId).clientId(clientId).useCognitoProvidedValues(true)));

        ManagedLoginBrandingType defaults = cognito()
                .updateManagedLoginBranding((request) -> request.userPoolId(poolId)
                        .managedLoginBrandingId(style.managedLoginBrandingId())
                        .useCognitoProvidedValues(true))
                .managedLoginBranding();
        assertThat(defaults.useCognitoProvidedValues()).isTrue();
        assertThat(defaults.settings()).isNull();

        cognito()
                .deleteManagedLoginBranding(
                        (request) -> request.userPoolId(poolId).managedLoginBrandingId(style.managedLoginBrandingId()));

        cognitoError(
                ResourceNotFoundException.class,
                () -> cognito()
                        .describeManagedLoginBranding((request) ->
                                request.userPoolId(poolId).managedLoginBrandingId(style.managedLoginBrandingId())));
    }

    @Test
    void theClassicHostedUiTakesAStyleSheetAndALogo() {
        String poolId = createPool();
        String clientId = createClient(poolId);
        String css = ".banner-customizable {background-color: black;}";

        cognito().setUICustomization((request) -> request.userPoolId(poolId).css(css));
        UICustomizationType own = cognito()
                .setUICustomization((request) -> request.userPoolId(poolId)
                        .clientId(clientId)
                        .imageFile(SdkBytes.fromByteArray(new byte[] {(byte) 0xFF, (byte) 0xD8})))
                .uiCustomization();

        assertThat(own.imageUrl()).endsWith("/assets/images/image.jpg");
        UICustomizationType poolWide = cognito()
                .getUICustomization((request) -> request.userPoolId(poolId))
                .uiCustomization();
        assertThat(poolWide.clientId()).isEqualTo("ALL");
        assertThat(poolWide.css()).isEqualTo(css);
        assertThat(poolWide.cssVersion()).isNotBlank();
        assertThat(cognito()
                        .getUICustomization(
                                (request) -> request.userPoolId(poolId).clientId(clientId))
                        .uiCustomization())
                .isEqualTo(own);
    }
}
