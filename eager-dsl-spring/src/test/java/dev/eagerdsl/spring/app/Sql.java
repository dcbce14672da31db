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

    /** @return the statements run since {@link #clear()}, lower case, spaces collapsed */
    public static List<String> statements() {
        synchronized (STATEMENTS) {
            return STATEMENTS.stream().map(s -> s.toLowerCase().replaceAll("\\s+", " ").trim()).toList();
        }
    }
}
