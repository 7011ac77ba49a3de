package io.github.cognitoemulator.core.token;

import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * GetSigningCertificate: a self-signed X.509 certificate, base64 DER, for the key that signs the pool's ID tokens,
 * so that a relying party holding only the certificate can verify them.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetSigningCertificate.html">GetSigningCertificate</a>
 */
public final class SigningCertificateActions implements ActionFamily {

    private final PoolStore pools;

    private final SigningKeys keys;

    /**
     * @param pools where pools are kept
     * @param keys the pools' signing keys
     */
    public SigningCertificateActions(PoolStore pools, SigningKeys keys) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.keys = Objects.requireNonNull(keys, "'keys' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("GetSigningCertificate", CertificateRequest::parse, this::getSigningCertificate);
    }

    Map<String, Object> getSigningCertificate(CertificateRequest request, RequestContext context) {
        UserPool pool = this.pools
                .findInRegion(request.userPoolId(), context.region())
                .orElseThrow(() -> Errors.userPoolNotFound(request.userPoolId()));
        byte[] der = SigningCertificate.der(this.keys.forPool(pool.id()).idToken(), pool.id(), pool.creationDate());
        return Map.of("Certificate", Base64.getEncoder().encodeToString(der));
    }

    /**
     * A GetSigningCertificate request.
     *
     * @param userPoolId the pool
     */
    record CertificateRequest(String userPoolId) {

        static CertificateRequest parse(RequestReader in) {
            return new CertificateRequest(in.requiredString("UserPoolId", Shapes.USER_POOL_ID));
        }
    }
}
