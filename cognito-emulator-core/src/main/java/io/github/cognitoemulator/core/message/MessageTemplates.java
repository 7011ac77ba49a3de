package io.github.cognitoemulator.core.message;

import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.support.Redacted;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The texts of Cognito's messages: the pool's own templates where it has them, Cognito's defaults otherwise. */
public final class MessageTemplates {

    /** The placeholder for a code or temporary password. */
    public static final String CODE = "{####}";

    /** The placeholder for the username in invitations. */
    public static final String USERNAME = "{username}";

    private static final String DEFAULT_VERIFICATION = "Your verification code is {####}. ";

    private static final String DEFAULT_VERIFICATION_SUBJECT = "Your verification code";

    private static final String DEFAULT_INVITATION = "Your username is {username} and temporary password is {####}. ";

    private static final String DEFAULT_INVITATION_SUBJECT = "Your temporary password";

    private MessageTemplates() {}

    /**
     * A verification message (sign-up, resent or forgotten-password code, attribute verification).
     *
     * @param email whether it goes by email rather than SMS
     */
    public static Text verification(UserPool pool, boolean email, String code) {
        Map<String, Object> template = structure(pool.settings().get("VerificationMessageTemplate"));
        if (email) {
            String body = first(
                    template.get("EmailMessage"),
                    pool.settings().get("EmailVerificationMessage"),
                    DEFAULT_VERIFICATION);
            String subject = first(
                    template.get("EmailSubject"),
                    pool.settings().get("EmailVerificationSubject"),
                    DEFAULT_VERIFICATION_SUBJECT);
            return new Text(subject, body.replace(CODE, code));
        }
        String body =
                first(template.get("SmsMessage"), pool.settings().get("SmsVerificationMessage"), DEFAULT_VERIFICATION);
        return new Text(null, body.replace(CODE, code));
    }

    /** The invitation AdminCreateUser sends, with the temporary password. */
    public static Text invitation(UserPool pool, boolean email, String username, String temporaryPassword) {
        Map<String, Object> config = structure(pool.settings().get("AdminCreateUserConfig"));
        Map<String, Object> template = structure(config.get("InviteMessageTemplate"));
        String body = email
                ? first(template.get("EmailMessage"), null, DEFAULT_INVITATION)
                : first(template.get("SMSMessage"), null, DEFAULT_INVITATION);
        String subject = email ? first(template.get("EmailSubject"), null, DEFAULT_INVITATION_SUBJECT) : null;
        return new Text(subject, body.replace(USERNAME, username).replace(CODE, temporaryPassword));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structure(@Nullable Object value) {
        return (value instanceof Map) ? (Map<String, Object>) value : Map.of();
    }

    private static String first(@Nullable Object preferred, @Nullable Object fallback, String defaultText) {
        if (preferred instanceof String text) {
            return text;
        }
        if (fallback instanceof String text) {
            return text;
        }
        return defaultText;
    }

    /**
     * A message text.
     *
     * @param subject the email subject, {@code null} for SMS
     * @param body the text with its placeholders filled in
     */
    public record Text(@Nullable String subject, String body) {

        /** A description without the text, which carries the code or temporary password. */
        @Override
        public String toString() {
            return "Text[subject=" + this.subject + ", body=" + Redacted.secret(this.body) + "]";
        }
    }
}
