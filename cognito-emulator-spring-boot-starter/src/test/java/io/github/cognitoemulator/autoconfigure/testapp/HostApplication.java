package io.github.cognitoemulator.autoconfigure.testapp;

import io.github.cognitoemulator.autoconfigure.scenario.RemoteCaller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An application with routes of its own, {@code POST /} among them, that the emulator must leave alone. It has no
 * security, though Spring Security is on the test class path: the applications under {@code securedapp} and
 * {@code defaultsecurityapp} test the emulator behind it.
 */
@SpringBootApplication(
        exclude = {
            SecurityAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class,
            ServletWebSecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class,
            OAuth2ResourceServerAutoConfiguration.class
        })
class HostApplication {

    /**
     * Lets a test call as if from another host: a request with {@value RemoteCaller#HEADER} has that address as its
     * remote address, as Spring's {@code ForwardedHeaderFilter} gives a proxied caller's. The tests cannot reach the
     * server from another host, and must not send traffic off this machine.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> remoteCallerForTests() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {

                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        String remote = request.getHeader(RemoteCaller.HEADER);
                        chain.doFilter(
                                (remote != null)
                                        ? new HttpServletRequestWrapper(request) {

                                            @Override
                                            public String getRemoteAddr() {
                                                return remote;
                                            }
                                        }
                                        : request,
                                response);
                    }
                });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
