package io.github.cognitoemulator.core.user;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A user's attributes, immutable, in the order they were set, in one array of names and values. A pool may hold
 * 100,000 users: a {@code LinkedHashMap} of five attributes takes some 330 bytes besides its strings, this a fifth of
 * that. Attribute names are shared among all users (interned: the names are the pool's schema, a bounded set), and so
 * are the values {@code "true"} and {@code "false"} of the {@code *_verified} flags. A lookup reads the array in turn,
 * which for the few dozen attributes a user can have is as fast as hashing.
 */
final class UserAttributes extends AbstractMap<String, String> {

    private static final UserAttributes EMPTY = new UserAttributes(new String[0]);

    /** Names at even indexes, each followed by its value. */
    private final @Nullable String[] namesAndValues;

    private UserAttributes(@Nullable String[] namesAndValues) {
        this.namesAndValues = namesAndValues;
    }

    /** An immutable copy of {@code attributes}, in their iteration order; an instance of this class is its own copy. */
    static Map<String, String> copyOf(Map<String, String> attributes) {
        if (attributes instanceof UserAttributes same) {
            return same;
        }
        if (attributes.isEmpty()) {
            return EMPTY;
        }
        @Nullable String[] namesAndValues = new String[attributes.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            namesAndValues[i] = attribute.getKey().intern();
            namesAndValues[i + 1] = shared(attribute.getValue());
            i += 2;
        }
        return new UserAttributes(namesAndValues);
    }

    private static @Nullable String shared(@Nullable String value) {
        if ("true".equals(value)) {
            return "true";
        }
        return "false".equals(value) ? "false" : value;
    }

    @Override
    public @Nullable String get(@Nullable Object name) {
        int index = indexOf(name);
        return (index >= 0) ? this.namesAndValues[index + 1] : null;
    }

    @Override
    public boolean containsKey(@Nullable Object name) {
        return indexOf(name) >= 0;
    }

    private int indexOf(@Nullable Object name) {
        for (int i = 0; i < this.namesAndValues.length; i += 2) {
            if (this.namesAndValues[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return this.namesAndValues.length / 2;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return this.next < UserAttributes.this.namesAndValues.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        String[] array = UserAttributes.this.namesAndValues;
                        var entry = new SimpleImmutableEntry<>(array[this.next], array[this.next + 1]);
                        this.next += 2;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return UserAttributes.this.size();
            }
        };
    }
}
