package io.github.cognitoemulator.core.trigger;

import io.github.cognitoemulator.core.support.Redacted;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The migrate user trigger: creates a user that does not exist yet from another user directory, when the user signs
 * in with USER_PASSWORD_AUTH ({@code UserMigration_Authentication}) or asks for a password reset
 * ({@code UserMigration_ForgotPassword}). Throwing rejects the user.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-migrate-user.html">
 *     Migrate user Lambda trigger</a>
 */
@FunctionalInterface
public interface UserMigrationTrigger extends LambdaTrigger {

    /** Finds the user elsewhere; the response must not be {@code null}. */
    Response userMigration(TriggerEvent<Request> event);

    /**
     * The {@code request} of a migrate user event.
     *
     * @param password the password the user signed in with, or {@code null} for a password reset
     * @param validationData the request's {@code ValidationData}
     * @param clientMetadata the request's {@code ClientMetadata}
     */
    record Request(@Nullable String password, Map<String, String> validationData, Map<String, String> clientMetadata) {

        /** A description without the password. */
        @Override
        public String toString() {
            return "Request[password=" + Redacted.secret(this.password) + ", validationData=" + this.validationData
                    + ", clientMetadata=" + this.clientMetadata + "]";
        }
    }

    /**
     * The {@code response} of a migrate user trigger.
     *
     * @param userAttributes the attributes of the user to create
     * @param finalUserStatus {@code CONFIRMED} or {@code RESET_REQUIRED}, or {@code null}
     * @param messageAction {@code SUPPRESS} to send no welcome message, or {@code null}
     * @param desiredDeliveryMediums {@code EMAIL} and/or {@code SMS}, or {@code null}
     * @param forceAliasCreation whether an alias held by another user moves to this one
     * @param enableSMSMFA whether SMS MFA is turned on for the user
     */
    record Response(
            Map<String, String> userAttributes,
            @Nullable String finalUserStatus,
            @Nullable String messageAction,
            @Nullable List<String> desiredDeliveryMediums,
            boolean forceAliasCreation,
            boolean enableSMSMFA) {}
}
