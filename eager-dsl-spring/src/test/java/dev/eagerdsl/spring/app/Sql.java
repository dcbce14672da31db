package dev.eagerdsl.spring.app;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/** Records every SQL statement Hibernate runs (registered as hibernate.session_factory.statement_inspector). */
public class Sql implements StatementInspector {

    private static final List<String> STATEMENTS = new ArrayList<>();

    @Override
    public String inspect(String sql) {
        synchronized (STATEMENTS) {
            STATEMENTS.add(sql);
        }
        return sql;
    }

    public static void clear() {
        synchronized (STATEMENTS) {
            STATEMENTS.clear();
        }
    }

    /**
     * @return the statements run since {@link #clear()}, lower case, spaces collapsed, and a batch of
     *         keys written {@code in (...)} whether the dialect binds one parameter per key (H2) or one
     *         array ({@code = any (?)}, PostgreSQL)
     */
    public static List<String> statements() {
        synchronized (STATEMENTS) {
            return STATEMENTS.stream().map(Sql::normalize).toList();
        }
    }

    static String normalize(String sql) {
        return sql.toLowerCase().replaceAll("\\s+", " ").trim()
                .replaceAll(" in \\(\\?(,\\?)*\\)", " in (...)")
                .replaceAll(" ?= ?any ?\\(\\?\\)", " in (...)");
    }
}
