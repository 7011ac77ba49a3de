package io.github.cognitoemulator.sample;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application's pages: {@code /account} for users signed in through the pool's managed login
 * ({@code oauth2Login()} with the registration {@value #REGISTRATION_ID} of
 * {@code spring.security.oauth2.client}), everything else open. Signing out ends the managed login session too, see
 * {@link CognitoLogoutSuccessHandler}. Nothing here is specific to the emulator: the same configuration signs users
 * in through Cognito in production.
 */
@Configuration(proxyBeanMethods = false)
class AccountSecurityConfiguration {

    /** The registration of {@code spring.security.oauth2.client.registration} that signs users in. */
    static final String REGISTRATION_ID = "cognito";

    @Bean
    SecurityFilterChain accountSecurity(HttpSecurity http, ClientRegistrationRepository registrations)
            throws Exception {
        http.authorizeHttpRequests((requests) -> requests.requestMatchers("/account", "/account/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .oauth2Login(Customizer.withDefaults())
                .logout((logout) ->
                        logout.logoutSuccessHandler(new CognitoLogoutSuccessHandler(registrations, REGISTRATION_ID)));
        return http.build();
    }
}
