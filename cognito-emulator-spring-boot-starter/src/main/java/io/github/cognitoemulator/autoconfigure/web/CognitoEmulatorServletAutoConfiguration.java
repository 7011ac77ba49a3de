package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorAutoConfiguration;
import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.autoconfigure.CognitoEmulatorProperties;
import io.github.cognitoemulator.autoconfigure.ConditionalOnCognitoEmulatorEnabled;
import io.github.cognitoemulator.core.CognitoEmulator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Serves the {@link CognitoEmulator} from a servlet web application: Cognito's JSON 1.1 protocol at
 * {@code cognito.emulator.path}, the OpenID Connect documents and each pool's managed login at
 * {@code cognito.emulator.documents-path}, and the upload of user import files.
 */
@AutoConfiguration(after = CognitoEmulatorAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnCognitoEmulatorEnabled
public final class CognitoEmulatorServletAutoConfiguration {

    /**
     * Ahead of every filter that could reject or consume an AWS call, Spring Security's among them, so the host
     * application needs no configuration for the emulator; still behind Spring's own highest-precedence filters such as
     * the character encoding one.
     */
    static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    /**
     * Behind Spring Security's filter chain (registered at -100 by default) and any other security filter, so the
     * application's security rules apply to the emulator's developer pages as to its own.
     */
    static final int DEVELOPER_PAGES_FILTER_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    CognitoEmulatorServletAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean(name = "cognitoJsonProtocolFilterRegistration")
    FilterRegistrationBean<CognitoJsonProtocolFilter> cognitoJsonProtocolFilterRegistration(
            CognitoEmulator emulator, CognitoEmulatorProperties properties, CognitoEmulatorIssuer issuer) {
        FilterRegistrationBean<CognitoJsonProtocolFilter> registration = new FilterRegistrationBean<>(
                new CognitoJsonProtocolFilter(emulator, properties.path(), issuer, EmulatorAccess.of(properties)));
        registration.setName("cognitoJsonProtocolFilter");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(name = "cognitoEmulatorDocumentsFilterRegistration")
    FilterRegistrationBean<CognitoEmulatorDocumentsFilter> cognitoEmulatorDocumentsFilterRegistration(
            CognitoEmulator emulator, CognitoEmulatorProperties properties, CognitoEmulatorIssuer issuer) {
        FilterRegistrationBean<CognitoEmulatorDocumentsFilter> registration =
                new FilterRegistrationBean<>(new CognitoEmulatorDocumentsFilter(
                        emulator, properties.documentsPath(), issuer, EmulatorAccess.of(properties)));
        registration.setName("cognitoEmulatorDocumentsFilter");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    /**
     * Each pool's managed login, ahead of the application's security: Cognito's sign-in pages and OAuth endpoints are
     * for anyone's browser, and an application secured with {@code oauth2Login()} must not have to open them itself.
     */
    @Bean
    @ConditionalOnMissingBean(name = "cognitoEmulatorManagedLoginFilterRegistration")
    FilterRegistrationBean<CognitoEmulatorManagedLoginFilter> cognitoEmulatorManagedLoginFilterRegistration(
            CognitoEmulator emulator, CognitoEmulatorProperties properties, CognitoEmulatorIssuer issuer) {
        FilterRegistrationBean<CognitoEmulatorManagedLoginFilter> registration =
                new FilterRegistrationBean<>(new CognitoEmulatorManagedLoginFilter(
                        emulator, properties.documentsPath(), issuer, EmulatorAccess.of(properties)));
        registration.setName("cognitoEmulatorManagedLoginFilter");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(name = "cognitoEmulatorImportUploadFilterRegistration")
    FilterRegistrationBean<CognitoEmulatorImportUploadFilter> cognitoEmulatorImportUploadFilterRegistration(
            CognitoEmulator emulator, CognitoEmulatorProperties properties) {
        FilterRegistrationBean<CognitoEmulatorImportUploadFilter> registration =
                new FilterRegistrationBean<>(new CognitoEmulatorImportUploadFilter(
                        emulator, properties.documentsPath(), EmulatorAccess.of(properties)));
        registration.setName("cognitoEmulatorImportUploadFilter");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    /**
     * The inbox is a developer page, not part of Cognito's API: it holds codes and temporary passwords, so it sits
     * behind the application's own security, which decides who may read it, and answers callers on this machine
     * only unless {@code cognito.emulator.remote-access} lets others in.
     */
    @Bean
    @ConditionalOnMissingBean(name = "cognitoEmulatorInboxFilterRegistration")
    FilterRegistrationBean<CognitoEmulatorInboxFilter> cognitoEmulatorInboxFilterRegistration(
            CognitoEmulator emulator, CognitoEmulatorProperties properties) {
        FilterRegistrationBean<CognitoEmulatorInboxFilter> registration = new FilterRegistrationBean<>(
                new CognitoEmulatorInboxFilter(emulator, properties.path(), EmulatorAccess.of(properties)));
        registration.setName("cognitoEmulatorInboxFilter");
        registration.setOrder(DEVELOPER_PAGES_FILTER_ORDER);
        return registration;
    }
}
