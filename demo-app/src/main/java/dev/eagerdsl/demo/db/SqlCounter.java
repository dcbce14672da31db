package dev.eagerdsl.demo.db;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;

// docs:begin gs-counter
/**
 * Counts the SQL statements Hibernate prepares, per thread: the demo's (and Django's
 * {@code assertNumQueries}) measure of an N+1.
 */
public final class SqlCounter implements StatementInspector {

    private static final long serialVersionUID = 1L;

    private final transient ThreadLocal<List<String>> statements = ThreadLocal.withInitial(ArrayList::new);

    @Override
    public String inspect(String sql) {
        statements.get().add(sql);
        return sql;
    }

    /** Forgets what this thread ran so far. */
    public void clear() {
        statements.get().clear();
    }

    /** @return how many statements this thread ran since {@link #clear()} */
    public int count() {
        return statements.get().size();
    }

    /** @return the statements this thread ran since {@link #clear()}, in order */
    public List<String> statements() {
        return List.copyOf(statements.get());
    }
}
// docs:end gs-counter
