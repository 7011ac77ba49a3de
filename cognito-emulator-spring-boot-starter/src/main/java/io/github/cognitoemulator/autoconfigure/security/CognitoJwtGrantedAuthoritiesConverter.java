package io.github.cognitoemulator.autoconfigure.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The authorities of a Cognito token: each group of its {@code cognito:groups} claim as {@code <prefix><group>}
 * ({@code ROLE_<group>} by default, so that a member of {@code admin} satisfies {@code hasRole("admin")}), and each
 * scope of its space-separated {@code scope} claim as {@code SCOPE_<scope>}, as Spring Security names scopes.
 *
 * <p>It reads only claims Amazon Cognito itself issues, so it works unchanged in production. While the emulator runs,
 * the starter registers a {@code JwtAuthenticationConverter} with it; an application that wants the same authorities
 * everywhere declares that bean itself, which the starter then leaves alone:
 *
 * <pre>{@code
 * @Bean
 * JwtAuthenticationConverter jwtAuthenticationConverter() {
 *     JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
 *     converter.setJwtGrantedAuthoritiesConverter(new CognitoJwtGrantedAuthoritiesConverter());
 *     return converter;
 * }
 * }</pre>
 *
 * A WebFlux application declares a {@code ReactiveJwtAuthenticationConverter} with
 * {@code new ReactiveJwtGrantedAuthoritiesConverterAdapter(new CognitoJwtGrantedAuthoritiesConverter())} instead.
 */
public final class CognitoJwtGrantedAuthoritiesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

    /** The claim of ID and access tokens that lists the user's groups. */
    public static final String GROUPS_CLAIM = "cognito:groups";

    /** The claim of access tokens that lists their scopes, separated by spaces. */
    public static final String SCOPE_CLAIM = "scope";

    /** The prefix of groups unless another is given: groups are roles. */
    public static final String DEFAULT_GROUP_AUTHORITY_PREFIX = "ROLE_";

    private static final String SCOPE_AUTHORITY_PREFIX = "SCOPE_";

    private final String groupAuthorityPrefix;

    /** Groups as roles ({@code ROLE_<group>}), scopes as {@code SCOPE_<scope>}. */
    public CognitoJwtGrantedAuthoritiesConverter() {
        this(DEFAULT_GROUP_AUTHORITY_PREFIX);
    }

    /**
     * @param groupAuthorityPrefix what precedes each group's name in its authority; may be empty
     */
    public CognitoJwtGrantedAuthoritiesConverter(String groupAuthorityPrefix) {
        this.groupAuthorityPrefix =
                Objects.requireNonNull(groupAuthorityPrefix, "'groupAuthorityPrefix' must not be null");
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        List<String> groups = jwt.hasClaim(GROUPS_CLAIM) ? jwt.getClaimAsStringList(GROUPS_CLAIM) : null;
        if (groups != null) {
            for (String group : groups) {
                authorities.add(new SimpleGrantedAuthority(this.groupAuthorityPrefix + group));
            }
        }
        String scopes = jwt.getClaimAsString(SCOPE_CLAIM);
        if (scopes != null) {
            for (String scope : scopes.split(" ")) {
                if (!scope.isEmpty()) {
                    authorities.add(new SimpleGrantedAuthority(SCOPE_AUTHORITY_PREFIX + scope));
                }
            }
        }
        return authorities;
    }

    @Override
    public String toString() {
        return "CognitoJwtGrantedAuthoritiesConverter[groupAuthorityPrefix=" + this.groupAuthorityPrefix + "]";
    }
}
