package dev.eagerdsl.hardening;

import dev.eagerdsl.testing.Databases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.hibernate.Session;

/**
 * How the fault tests act on the server, in each server's own words: which connection a session
 * holds, how it is killed, how a statement is made to sleep, and how a statement timeout is set.
 * PostgreSQL: {@code pg_backend_pid()}, {@code pg_terminate_backend}, {@code pg_sleep},
 * {@code statement_timeout}. MariaDB: {@code connection_id()}, {@code KILL CONNECTION},
 * {@code SLEEP()}, {@code max_statement_time}.
 */
final class ServerFaults {

    private ServerFaults() {
    }

    /** @return whether faults can be injected on the suite's database (a server: PostgreSQL or MariaDB) */
    static boolean supported() {
        return Databases.isPostgres() || Databases.isMariaDb();
    }

    /** @return the server's id of the connection the session holds */
    static int connectionId(Session s) {
        return s.doReturningWork(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(Databases.isMariaDb() ? "select connection_id()" : "select pg_backend_pid()")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Ends the server connection {@code id}, from the admin connection {@code admin}. */
    static void kill(Connection admin, int id) throws SQLException {
        try (Statement st = admin.createStatement()) {
            st.execute(Databases.isMariaDb() ? "kill connection " + id : "select pg_terminate_backend(" + id + ")");
        }
    }

    /** @return a condition, true, that takes the server 30 seconds to evaluate */
    static String sleepingCondition() {
        return Databases.isMariaDb() ? "(select sleep(30) = 0)" : "(select true from pg_sleep(30))";
    }

    /** @return a one-row derived table (MariaDB) that takes the server 30 seconds to read */
    static String sleepingTable() {
        return "(select sleep(30) as eagerdsl_slept) eagerdsl_sleep";
    }

    /** @return whether connection {@code id} is asleep in {@link #sleepingCondition()} */
    static boolean asleep(Connection admin, int id) throws SQLException {
        String sql = Databases.isMariaDb() ? "select 1 from information_schema.processlist where id = ? and state = 'User sleep'"
                : "select 1 from pg_stat_activity where pid = ? and wait_event = 'PgSleep'";
        try (PreparedStatement ps = admin.prepareStatement(sql)) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** @return the statement that sets a 300 ms timeout on every later statement of this connection */
    static String sessionTimeout() {
        return Databases.isMariaDb() ? "set max_statement_time = 0.3" : "set statement_timeout = 300";
    }

    /** @return the statement that removes {@link #sessionTimeout()} */
    static String noSessionTimeout() {
        return Databases.isMariaDb() ? "set max_statement_time = 0" : "set statement_timeout = 0";
    }

    /** @return words of the server's message when a statement timed out */
    static String timeoutMessage() {
        return Databases.isMariaDb() ? "max_statement_time exceeded" : "statement timeout";
    }
}
