package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorAutoConfiguration;
import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.autoconfigure.CognitoEmulatorProperties;
import io.github.cognitoemulator.autoconfigure.ConditionalOnCognitoEmulatorEnabled;
import io.github.cognitoemulator.core.CognitoEmulator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.server.WebFilter;

/**
 * Serves the {@link CognitoEmulator} from a reactive (WebFlux) application, through the same endpoints as
 * {@link CognitoEmulatorServletAutoConfiguration}: Cognito's JSON 1.1 protocol at {@code cognito.emulator.path}, the
 * OpenID Connect documents and each pool's managed login at {@code cognito.emulator.documents-path} and the upload
 * of user import files, ahead of Spring Security; the inbox behind it.
 */
@AutoConfiguration(after = CognitoEmulatorAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(WebFilter.class)
@ConditionalOnCognitoEmulatorEnabled
public final class CognitoEmulatorWebFluxAutoConfiguration {

    CognitoEmulatorWebFluxAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean(name = "cognitoJsonProtocolWebFilter")
    CognitoJsonProtocolWebFilter cognitoJsonProtocolWebFilter(
            CognitoEmulator emulator, CognitoEmulatorProperties properties, CognitoEmulatorIssuer issuer) {
        return new CognitoJsonProtocolWebFilter(emulator, properties.path(), issuer, EmulatorAccess.of(properties));
    }

    @Bean
    @ConditionalOnMissingBean(name = "cognitoEmulatorDocumentsWebFilter")
    CognitoEmulatorDocumentsWebFilter cognitoEmulatorDocumentsWebFilter(
            CognitoEmulator emulator, CognitoEmulatorProperties properties, CognitoEmulatorIssuer issuer) {
        return new CognitoEmulatorDocumentsWebFilter(
                emulator, properties.documentsPath(), issuer, EmulatorAccess.of(properties));
    }

    /** Each pool's managed login, ahead of the application's security, as Cognito's pages are for anyone's browser. */
    @Bean
    @ConditionalOnMissingBean(name = "cognitoEmulatorManagedLoginWebFilter")
    CognitoEmulatorManagedLoginWebFilter cognitoEmulatorManagedLoginWebFilter(
            CognitoEmulator emulator, CognitoEmulatorProperties properties, CognitoEmulatorIssuer issuer) {
        return new CognitoEmulatorManagedLoginWebFilter(
                emulator, properties.documentsPath(), issuer, EmulatorAccess.of(properties));
    }

    @Bean
    @ConditionalOnMissingBean(name = "cognitoEmulatorImportUploadWebFilter")
    CognitoEmulatorImportUploadWebFilter cognitoEmulatorImportUploadWebFilter(
            CognitoEmulator emulator, CognitoEmulatorProperties properties) {
        return new CognitoEmulatorImportUploadWebFilter(
                emulator, properties.documentsPath(), EmulatorAccess.of(properties));
    }

    /**
     * The inbox is a developer page, not part of Cognito's API: it holds codes and temporary passwords, so it sits
     * behind the application's own security, which decides who may read it, and answers callers on this machine
     * only unless {@code cognito.emulator.remote-access} lets others in.
     */
    @Bean
    @ConditionalOnMissingBean(name = "cognitoEmulatorInboxWebFilter")
    CognitoEmulatorInboxWebFilter cognitoEmulatorInboxWebFilter(
            CognitoEmulator emulator, CognitoEmulatorProperties properties) {
        return new CognitoEmulatorInboxWebFilter(emulator, properties.path(), EmulatorAccess.of(properties));
    }
}
