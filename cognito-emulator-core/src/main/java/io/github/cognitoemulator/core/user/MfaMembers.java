package io.github.cognitoemulator.core.user;

import java.util.Map;

/**
 * What GetUser and AdminGetUser show of a user's MFA settings ({@code MFAOptions}, {@code PreferredMfaSetting},
 * {@code UserMFASettingList}), each member only while it has something to say, as Cognito leaves them out.
 */
@FunctionalInterface
public interface MfaMembers {

    /** The members to add to a user's description. */
    Map<String, Object> of(User user);
}
