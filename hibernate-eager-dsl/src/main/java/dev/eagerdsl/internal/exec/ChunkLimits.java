package dev.eagerdsl.internal.exec;

import dev.eagerdsl.RelatedException;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;

/**
 * How many owners one prefetch statement binds, so that no database limit on IN-list items or bind
 * parameters is ever hit. Uses what Hibernate's {@link Dialect} reports, and known limits where it
 * reports none.
 */
final class ChunkLimits {

    /** Owners per statement when the database sets no tighter limit. */
    static final int DEFAULT = 1000;

    /**
     * Owners per statement on H2, which checks an {@code IN} list of parameters item by item for every
     * row it reads: measured on scenarios (b) and (e) of the benchmarks, 16 was the fastest length or
     * within 2% of it (docs/how-it-works.md, section 3).
     */
    static final int H2_DEFAULT = 16;

    /** Overrides {@link #DEFAULT} (system property or Hibernate setting). */
    static final String SETTING = "eagerdsl.in_chunk_size";

    private ChunkLimits() {
    }

    private static int parse(Object value, String where, int byDialect) {
        int chunk;
        try {
            chunk = Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            chunk = 0;
        }
        if (chunk < 1) {
            throw new RelatedException(SETTING + "=" + value + " (" + where + ") is not a number of owners per statement: set a whole"
                    + " number of at least 1, or remove it for the default (" + byDialect + " on this database: " + DEFAULT
                    + " on most, " + H2_DEFAULT + " on H2).");
        }
        return chunk;
    }

    static int ownersPerStatement(Dialect dialect, int idColumns, Object configured) {
        String name = dialect.getClass().getName();
        int byDialect = dialect instanceof H2Dialect ? H2_DEFAULT : DEFAULT;
        int chunk = byDialect;
        String sys = System.getProperty(SETTING);
        Object value = configured != null ? configured : sys;
        if (value != null) {
            chunk = parse(value, configured != null ? "the Hibernate setting" : "the system property", byDialect);
        }
        int inLimit = dialect.getInExpressionCountLimit();
        int paramLimit = dialect.getParameterCountLimit();
        if (paramLimit <= 0) {
            if (name.contains("PostgreSQL") || name.contains("Cockroach")) {
                paramLimit = 32767;
            } else if (name.contains("MariaDB") || name.contains("MySQL") || name.contains("TiDB")) {
                // a statement prepared on the server takes at most 65,535 parameters (error 1390 past it): the
                // drivers prepare there with useServerPrepStmts=true
                paramLimit = 65535;
            } else if (name.contains("SQLServer") || name.contains("Sybase")) {
                paramLimit = 2100;
            } else if (name.contains("SQLite")) {
                paramLimit = 999;
            }
        }
        if (inLimit <= 0 && name.contains("Oracle")) {
            inLimit = 1000;
        }
        if (inLimit > 0) {
            chunk = Math.min(chunk, inLimit);
        }
        if (paramLimit > 0) {
            // leave room for the user's parameters of a filtered prefetch
            chunk = Math.min(chunk, Math.max(1, (paramLimit - 100) / Math.max(1, idColumns)));
        }
        return chunk;
    }
}
