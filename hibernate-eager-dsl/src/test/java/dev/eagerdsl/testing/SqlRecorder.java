package dev.eagerdsl.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Records every SQL statement Hibernate prepares, per thread (like Hibernate's own
 * {@code SQLStatementInspector}).
 */
public final class SqlRecorder implements StatementInspector {

    private static final long serialVersionUID = 1L;

    private final ThreadLocal<List<String>> statements = ThreadLocal.withInitial(ArrayList::new);

    @Override
    public String inspect(String sql) {
        statements.get().add(sql);
        return sql;
    }

    /** Forgets what this thread recorded. */
    public void clear() {
        statements.get().clear();
    }

    /** @return the statements this thread ran since {@link #clear()} */
    public List<String> statements() {
        return List.copyOf(statements.get());
    }

    /** @return how many statements this thread ran since {@link #clear()} */
    public int count() {
        return statements.get().size();
    }

    /** @return the INSERT, UPDATE and DELETE statements among them */
    public List<String> dml() {
        return statements.get().stream().filter(s -> {
            String l = s.trim().toLowerCase(Locale.ROOT);
            return l.startsWith("insert") || l.startsWith("update") || l.startsWith("delete") || l.startsWith("merge");
        }).toList();
    }

    /** @return the statements, numbered, for assertion messages */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        List<String> s = statements.get();
        for (int i = 0; i < s.size(); i++) {
            sb.append(i + 1).append(": ").append(s.get(i)).append('\n');
        }
        return sb.toString();
    }
}
