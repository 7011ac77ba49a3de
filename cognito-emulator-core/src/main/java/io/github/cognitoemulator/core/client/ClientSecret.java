package io.github.cognitoemulator.core.client;

import io.github.cognitoemulator.core.support.Redacted;
import java.time.Instant;

/**
 * One active secret of an app client ({@code ClientSecretDescriptorType}).
 *
 * @param clientSecretId {@code <client id>--<epoch milliseconds of creation>}
 * @param value the secret itself
 * @param createDate when it was created
 */
public record ClientSecret(String clientSecretId, String value, Instant createDate) {

    /** The id Cognito gives a secret of {@code clientId} created at {@code createDate}. */
    static String idOf(String clientId, Instant createDate) {
        return clientId + "--" + createDate.toEpochMilli();
    }

    /** A description without the secret. */
    @Override
    public String toString() {
        return "ClientSecret[clientSecretId=" + this.clientSecretId + ", value=" + Redacted.secret(this.value)
                + ", createDate=" + this.createDate + "]";
    }
}
