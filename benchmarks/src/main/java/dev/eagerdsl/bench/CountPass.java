package dev.eagerdsl.bench;

import dev.eagerdsl.bench.support.Alternative;
import dev.eagerdsl.bench.support.Counting;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Runs every selected benchmark method once, outside JMH and with counting connections: the SQL
 * statements and rows each operation costs, and a checksum of what it read (every alternative of
 * a scenario must read the same data, or the comparison is void).
 */
public final class CountPass {

    /** The scenarios, in the report's order. */
    public static final List<Class<?>> SCENARIOS = List.of(BooksAuthorBench.class, BooksAuthorRootBench.class,
            CoursesStudentsBench.class, CourseShapesBench.class,
            AuthorsTwoLevelsBench.class, CategoryPageBench.class, ScaleBench.class, StreamBench.class, GuardBench.class);

    /** One counted operation. */
    public record Count(String benchmark, Map<String, String> params, long statements, long rows, long checksum) {
    }

    private CountPass() {
    }

    /**
     * @param overrides parameter values to use instead of a field's {@code @Param} list (as JMH's {@code -p})
     * @param include which {@code Class.method} names to run
     * @return one count per method and parameter combination
     * @throws ReflectiveOperationException if a benchmark cannot be run
     */
    public static List<Count> run(Map<String, List<String>> overrides, Predicate<String> include)
            throws ReflectiveOperationException {
        List<Count> counts = new ArrayList<>();
        for (Class<?> scenario : SCENARIOS) {
            List<Method> methods = new ArrayList<>();
            for (Method m : scenario.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Benchmark.class) && include.test(scenario.getName() + "." + m.getName())) {
                    methods.add(m);
                }
            }
            methods.sort((x, y) -> x.getName().compareTo(y.getName()));
            if (methods.isEmpty()) {
                continue;
            }
            List<Field> params = params(scenario);
            for (Map<String, String> combo : combinations(params, overrides)) {
                Object state = state(scenario, params, combo);
                for (Method m : methods) {
                    Counting.start();
                    long checksum;
                    try {
                        checksum = (Long) m.invoke(state);
                    } catch (InvocationTargetException e) {
                        Counting.stop();
                        throw new IllegalStateException(scenario.getSimpleName() + "." + m.getName() + " " + combo
                                + " failed: " + e.getCause(), e.getCause());
                    }
                    long[] c = Counting.stop();
                    counts.add(new Count(scenario.getName() + "." + m.getName(), combo, c[0], c[1], checksum));
                }
            }
        }
        return counts;
    }

    /** @return the scenario's {@code @Param} fields, in their declared order */
    static List<Field> params(Class<?> scenario) {
        List<Field> params = new ArrayList<>();
        for (Field f : scenario.getDeclaredFields()) {
            if (f.isAnnotationPresent(Param.class)) {
                params.add(f);
            }
        }
        return params;
    }

    /**
     * @return a new state of the scenario with those parameter values, its {@code @Setup} methods run (the database
     *     opened and filled)
     * @throws ReflectiveOperationException if the scenario cannot be set up
     */
    static Object state(Class<?> scenario, List<Field> params, Map<String, String> combo) throws ReflectiveOperationException {
        Object state = scenario.getDeclaredConstructor().newInstance();
        for (Field f : params) {
            String v = combo.get(f.getName());
            f.set(state, f.getType() == long.class ? (Object) Long.parseLong(v) : v);
        }
        for (Method m : scenario.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Setup.class) && m.getParameterCount() == 0) {
                m.invoke(state);
            }
        }
        return state;
    }

    /**
     * @param params a scenario's {@code @Param} fields
     * @param overrides the values to keep of some of them (a value the field does not declare is left out)
     * @return every combination of their values
     */
    static List<Map<String, String>> combinations(List<Field> params, Map<String, List<String>> overrides) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Field f : params) {
            List<String> declared = Arrays.asList(f.getAnnotation(Param.class).value());
            List<String> values = declared;
            if (overrides.containsKey(f.getName())) {
                // a value the scenario does not declare is left out (the stream runs on PostgreSQL only)
                values = declared.stream().filter(overrides.get(f.getName())::contains).toList();
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : values) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(f.getName(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * @param m a benchmark method
     * @return its part in the comparison
     */
    public static Alternative alternative(Method m) {
        return m.getAnnotation(Alternative.class);
    }
}
