package io.github.cognitoemulator.autoconfigure;

import io.github.cognitoemulator.autoconfigure.web.CognitoEmulatorServletAutoConfiguration;
import io.github.cognitoemulator.autoconfigure.web.CognitoEmulatorWebFluxAutoConfiguration;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.seed.SeedException;
import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import io.github.cognitoemulator.core.testkit.CognitoTestKit;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Runs the {@link CognitoEmulator} inside a web application: its store, the emulator and the issuer of its tokens.
 * The web adapters that serve it come with {@link CognitoEmulatorServletAutoConfiguration} and
 * {@link CognitoEmulatorWebFluxAutoConfiguration}. Active only when {@code cognito.emulator.enabled} is true or, when unset, while one of
 * {@code cognito.emulator.profiles} (default {@code dev}) is active.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnCognitoEmulatorEnabled
@EnableConfigurationProperties(CognitoEmulatorProperties.class)
public final class CognitoEmulatorAutoConfiguration {

    /** The port of Spring Boot's web servers when {@code server.port} is not set. */
    private static final int DEFAULT_PORT = 8080;

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
        builder.seeds(properties.pools());
        try {
            return builder.build();
        } catch (SeedException ex) {
            throw new CognitoEmulatorSeedException(ex);
        }
    }

    /**
     * The test kit over the emulator, for an application's tests: users, tokens without a sign-in, codes, reset and
     * clock. Its tokens name the same issuer as the emulator's sign-ins, read when each is issued, so that a test
     * with a random port gets {@code http://localhost:<that port>}.
     */
    @Bean
    @ConditionalOnMissingBean
    CognitoTestKit cognitoTestKit(CognitoEmulator emulator, CognitoEmulatorIssuer issuer) {
        return CognitoTestKit.of(emulator, issuer::baseUrl);
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

    /** The issuer of tokens in a servlet application, under {@code server.servlet.context-path}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ServletIssuerConfiguration {

        @Bean
        @ConditionalOnMissingBean
        CognitoEmulatorIssuer cognitoEmulatorIssuer(CognitoEmulatorProperties properties, Environment environment) {
            return issuer(properties, environment, environment.getProperty("server.servlet.context-path", ""));
        }
    }

    /** The issuer of tokens in a reactive application, under {@code spring.webflux.base-path}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class ReactiveIssuerConfiguration {

        @Bean
        @ConditionalOnMissingBean
        CognitoEmulatorIssuer cognitoEmulatorIssuer(CognitoEmulatorProperties properties, Environment environment) {
            return issuer(properties, environment, environment.getProperty("spring.webflux.base-path", ""));
        }
    }

    static CognitoEmulatorIssuer issuer(
            CognitoEmulatorProperties properties, Environment environment, String contextPath) {
        return new CognitoEmulatorIssuer(
                properties.issuerBaseUrl(),
                contextPath,
                properties.documentsPath(),
                environment.getProperty("server.port", Integer.class, DEFAULT_PORT));
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
