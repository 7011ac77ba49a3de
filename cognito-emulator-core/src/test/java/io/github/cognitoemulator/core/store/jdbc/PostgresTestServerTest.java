package io.github.cognitoemulator.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two databases the JDBC store is tested on are reachable over plain JDBC. */
class PostgresTestServerTest {

    @Test
    void postgresAnswersOverJdbc() throws SQLException {
        PostgresTestServer.Database database = PostgresTestServer.newDatabase();

        try (Connection connection = database.open();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select version(), current_database()")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).startsWith("PostgreSQL ");
            assertThat(result.getString(2)).isEqualTo(database.name());
        }
    }

    @Test
    void eachNewDatabaseStartsEmptyAndApart() throws SQLException {
        PostgresTestServer.Database first = PostgresTestServer.newDatabase();
        PostgresTestServer.Database second = PostgresTestServer.newDatabase();

        assertThat(first.name()).isNotEqualTo(second.name());
        try (Connection connection = first.open();
                Statement statement = connection.createStatement()) {
            statement.execute("create table marker (id int primary key)");
        }
        try (Connection connection = second.open();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "select count(*) from information_schema.tables where table_schema = 'public'")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isZero();
        }
    }

    @Test
    void h2FileDatabaseKeepsRowsAcrossConnections(@TempDir Path directory) throws SQLException {
        String url = "jdbc:h2:file:" + directory.resolve("store").toAbsolutePath();

        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("create table pool (id varchar(55) primary key)");
            statement.execute("insert into pool values ('us-east-1_abc')");
        }
        // H2 closes a file database with its last connection, so this one reads the rows back from the file.
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select id from pool")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("us-east-1_abc");
        }
        assertThat(directory.resolve("store.mv.db")).exists();
    }
}
