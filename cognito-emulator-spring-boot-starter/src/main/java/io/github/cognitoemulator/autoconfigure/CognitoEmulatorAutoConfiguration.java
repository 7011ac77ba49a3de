package io.github.cognitoemulator.autoconfigure;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.seed.SeedException;
import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import io.github.cognitoemulator.core.trigger.LambdaTrigger;
import java.time.Clock;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Runs the {@link CognitoEmulator} inside a servlet web application and serves Cognito's JSON 1.1 protocol at
 * {@code cognito.emulator.path}. Active only when {@code cognito.emulator.enabled} is true or, when unset, while one of
 * {@code cognito.emulator.profiles} (default {@code dev}) is active.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnCognitoEmulatorEnabled
@EnableConfigurationProperties(CognitoEmulatorProperties.class)
public final class CognitoEmulatorAutoConfiguration {

    /**
     * Ahead of every filter that could reject or consume an AWS call, Spring Security's among them, so the host
     * application needs no configuration for the emulator; still behind Spring's own highest-precedence filters such as
     * the character encoding one.
     */
    static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    CognitoEmulatorAutoConfiguration() {}

    /**
     * The emulator's own store: in memory, or the H2 or PostgreSQL database of {@code cognito.emulator.storage.url},
     * never the application's DataSource. Opening a database creates or migrates its schema, and fails startup,
     * naming the URL, when the database cannot be read or was written by a newer emulator.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    EmulatorStore cognitoEmulatorStore(CognitoEmulatorProperties properties) {
        CognitoEmulatorProperties.Storage storage = properties.storage();
        String url = storage.url();
        if (url == null) {
            return new InMemoryStore();
        }
        return JdbcStore.open(url, storage.username(), storage.password());
    }

    @Bean
    @ConditionalOnMissingBean
    CognitoEmulator cognitoEmulator(
            CognitoEmulatorProperties properties,
            EmulatorStore store,
            ObjectProvider<Clock> clock,
            ListableBeanFactory beans) {
        CognitoEmulator.Builder builder = CognitoEmulator.builder()
                .clock(clock.getIfUnique(Clock::systemUTC))
                .region(properties.region())
                .accountId(properties.accountId())
                .passkeyRelyingPartyId(properties.passkeyRelyingPartyId())
                .store(store);
        properties.provisionedLimitMaximums().forEach(builder::provisionedLimitMaximum);
        bindTriggers(builder, beans);
        builder.seeds(CognitoEmulatorSeeds.of(properties.pools()));
        try {
            return builder.build();
        } catch (SeedException ex) {
            throw new CognitoEmulatorSeedException(ex);
        }
    }

    /**
     * Binds the application's trigger beans: to the function their {@link LambdaFunction} names, or else to every
     * pool.
     */
    static void bindTriggers(CognitoEmulator.Builder builder, ListableBeanFactory beans) {
        for (String name : beans.getBeanNamesForType(LambdaTrigger.class)) {
            LambdaTrigger trigger = beans.getBean(name, LambdaTrigger.class);
            LambdaFunction function = beans.findAnnotationOnBean(name, LambdaFunction.class);
            if (function != null) {
                builder.lambdaFunction(function.value(), trigger);
            } else {
                builder.trigger(trigger);
            }
        }
    }

    @Bean
    @ConditionalOnMissingBean(name = "cognitoJsonProtocolFilterRegistration")
    FilterRegistrationBean<CognitoJsonProtocolFilter> cognitoJsonProtocolFilterRegistration(
            CognitoEmulator emulator, CognitoEmulatorProperties properties) {
        FilterRegistrationBean<CognitoJsonProtocolFilter> registration = new FilterRegistrationBean<>(
                new CognitoJsonProtocolFilter(emulator, properties.path(), properties.issuerBaseUrl()));
        registration.setName("cognitoJsonProtocolFilter");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(name = "cognitoEmulatorDocumentsFilterRegistration")
    FilterRegistrationBean<CognitoEmulatorDocumentsFilter> cognitoEmulatorDocumentsFilterRegistration(
            CognitoEmulator emulator, CognitoEmulatorProperties properties) {
        FilterRegistrationBean<CognitoEmulatorDocumentsFilter> registration = new FilterRegistrationBean<>(
                new CognitoEmulatorDocumentsFilter(emulator, properties.path(), properties.issuerBaseUrl()));
        registration.setName("cognitoEmulatorDocumentsFilter");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(name = "cognitoEmulatorImportUploadFilterRegistration")
    FilterRegistrationBean<CognitoEmulatorImportUploadFilter> cognitoEmulatorImportUploadFilterRegistration(
            CognitoEmulator emulator, CognitoEmulatorProperties properties) {
        FilterRegistrationBean<CognitoEmulatorImportUploadFilter> registration =
                new FilterRegistrationBean<>(new CognitoEmulatorImportUploadFilter(emulator, properties.path()));
        registration.setName("cognitoEmulatorImportUploadFilter");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(WebServerInitializedEvent.class)
    static class StartupWarningConfiguration {

        @Bean
        @ConditionalOnMissingBean
        CognitoEmulatorStartupWarning cognitoEmulatorStartupWarning(CognitoEmulatorProperties properties) {
            return new CognitoEmulatorStartupWarning(properties);
        }
    }
}
