package io.github.cognitoemulator.core.user;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Writes users in Cognito's wire shapes. */
public final class UserShapes {

    private UserShapes() {}

    /** {@code UserType}, as AdminCreateUser and ListUsers return it. */
    public static Map<String, Object> userType(User user, Predicate<String> attributeFilter) {
        Map<String, Object> shape = common(user);
        shape.put("Attributes", attributeList(user, attributeFilter));
        return shape;
    }

    /** AdminGetUser's response; the MFA members are left out while the user has no MFA set up. */
    static Map<String, Object> adminGetUserResponse(User user) {
        Map<String, Object> shape = common(user);
        shape.put("UserAttributes", attributeList(user, (name) -> true));
        return shape;
    }

    private static Map<String, Object> common(User user) {
        Map<String, Object> shape = new TreeMap<>();
        shape.put("Username", user.username());
        shape.put("UserCreateDate", user.createDate());
        shape.put("UserLastModifiedDate", user.lastModifiedDate());
        shape.put("Enabled", user.enabled());
        shape.put("UserStatus", user.status().name());
        return shape;
    }

    private static List<Map<String, String>> attributeList(User user, Predicate<String> attributeFilter) {
        Collection<Map.Entry<String, String>> entries = user.attributes().entrySet();
        return entries.stream()
                .filter((entry) -> attributeFilter.test(entry.getKey()))
                .map((entry) -> Map.of("Name", entry.getKey(), "Value", entry.getValue()))
                .toList();
    }
}
