package dev.eagerdsl.bench.report;

import dev.eagerdsl.bench.support.Alternative.Role;
import java.util.Map;

/**
 * One measured alternative: JMH's time and allocation, and the count pass's statements and rows.
 *
 * @param scenario the benchmark class's simple name
 * @param method the benchmark method
 * @param params JMH parameters (db, owners, guard)
 * @param role its part in the comparison
 * @param label the code it stands for
 * @param ms mean time per operation, milliseconds
 * @param error JMH's 99.9% error of the mean, milliseconds (NaN when not computable)
 * @param allocBytes bytes allocated per operation ({@code -prof gc}), NaN if not measured
 * @param statements SQL statements per operation, -1 if not counted
 * @param rows rows read per operation, -1 if not counted
 * @param checksum what the operation read, summed (-1 if not counted)
 */
public record Row(String scenario, String method, Map<String, String> params, Role role, String label, double ms,
        double error, double allocBytes, long statements, long rows, long checksum) {

    /** @return the database parameter */
    public String db() {
        return params.getOrDefault("db", "");
    }

    /** @return the parameters other than the database, as text (empty if none) */
    public String variant() {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> {
            if (!k.equals("db")) {
                b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v);
            }
        });
        return b.toString();
    }
}
