/**
 * The JDBC store: the emulator's state in H2 or PostgreSQL, so that it survives restarts and is shared by every
 * emulator instance using the same database. Start with {@link io.github.cognitoemulator.core.store.jdbc.JdbcStore}.
 */
@NullMarked
package io.github.cognitoemulator.core.store.jdbc;

import org.jspecify.annotations.NullMarked;
