package io.github.cognitoemulator.core.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A user pool domain: a prefix of {@code <prefix>.auth.<region>.amazoncognito.com}, or a custom domain served through
 * CloudFront with the caller's certificate.
 *
 * @param domain the prefix, or the full custom domain name
 * @param userPoolId the pool the domain serves
 * @param accountId the account that owns the pool
 * @param certificateArn the ACM certificate of a custom domain; {@code null} for a prefix domain
 * @param cloudFrontDomain the CloudFront distribution that serves the domain
 * @param managedLoginVersion 1 for the classic hosted UI, 2 for managed login
 * @param created when the domain was created, which also names its version
 */
public record UserPoolDomain(
        String domain,
        String userPoolId,
        String accountId,
        @Nullable String certificateArn,
        String cloudFrontDomain,
        int managedLoginVersion,
        Instant created) {

    public UserPoolDomain {
        Objects.requireNonNull(domain, "'domain' must not be null");
        Objects.requireNonNull(userPoolId, "'userPoolId' must not be null");
    }

    /** Whether this is a custom domain rather than a prefix of Cognito's own. */
    public boolean customDomain() {
        return this.certificateArn != null;
    }
}
