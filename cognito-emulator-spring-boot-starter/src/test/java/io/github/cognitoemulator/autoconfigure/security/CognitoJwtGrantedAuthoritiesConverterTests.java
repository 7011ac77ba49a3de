package io.github.cognitoemulator.autoconfigure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;

class CognitoJwtGrantedAuthoritiesConverterTests {

    private static Jwt jwt(Consumer<java.util.Map<String, Object>> claims) {
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject("alice")
                .issuedAt(Instant.EPOCH)
                .expiresAt(Instant.EPOCH.plusSeconds(3600))
                .claims(claims)
                .build();
    }

    private static List<String> names(Collection<GrantedAuthority> authorities) {
        return List.copyOf(AuthorityUtils.authorityListToSet(authorities)).stream()
                .sorted()
                .toList();
    }

    @Test
    void groupsBecomeRolesAndScopesBecomeScopeAuthorities() {
        Jwt jwt = jwt((claims) -> {
            claims.put("cognito:groups", List.of("admin", "editors"));
            claims.put("scope", "aws.cognito.signin.user.admin orders/read");
        });

        Collection<GrantedAuthority> authorities = new CognitoJwtGrantedAuthoritiesConverter().convert(jwt);

        assertThat(authorities)
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly(
                        "ROLE_admin", "ROLE_editors", "SCOPE_aws.cognito.signin.user.admin", "SCOPE_orders/read");
    }

    @Test
    void theGroupPrefixIsConfigurableEvenEmpty() {
        Jwt jwt = jwt((claims) -> claims.put("cognito:groups", List.of("admin")));

        assertThat(names(new CognitoJwtGrantedAuthoritiesConverter("GROUP_").convert(jwt)))
                .containsExactly("GROUP_admin");
        assertThat(names(new CognitoJwtGrantedAuthoritiesConverter("").convert(jwt)))
                .containsExactly("admin");
        assertThatNullPointerException()
                .isThrownBy(() -> new CognitoJwtGrantedAuthoritiesConverter(null))
                .withMessage("'groupAuthorityPrefix' must not be null");
    }

    @Test
    void aTokenWithoutGroupsOrScopesHasNoAuthorities() {
        assertThat(new CognitoJwtGrantedAuthoritiesConverter().convert(jwt((claims) -> claims.put("token_use", "id"))))
                .isEmpty();
    }

    @Test
    void extraSpacesBetweenScopesAreIgnored() {
        Jwt jwt = jwt((claims) -> claims.put("scope", " openid  email "));

        assertThat(new CognitoJwtGrantedAuthoritiesConverter().convert(jwt))
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("SCOPE_openid", "SCOPE_email");
    }

    @Test
    void describesItsPrefix() {
        assertThat(new CognitoJwtGrantedAuthoritiesConverter())
                .hasToString("CognitoJwtGrantedAuthoritiesConverter[groupAuthorityPrefix=ROLE_]");
    }
}
