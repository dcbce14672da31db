package dev.eagerdsl.bench.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Counts JDBC statements executed and rows read, for the count pass only: while it is off (every
 * timed run) connections are handed out unwrapped, so the timings carry no proxy.
 */
public final class Counting {

    private static volatile boolean active;
    private static long statements;
    private static long rows;

    private Counting() {
    }

    /** Starts counting from zero. */
    public static synchronized void start() {
        statements = 0;
        rows = 0;
        active = true;
    }

    /** @return {statements, rows} since {@link #start()}; counting stops */
    public static synchronized long[] stop() {
        active = false;
        return new long[] {statements, rows};
    }

    static boolean active() {
        return active;
    }

    private static synchronized void statement() {
        statements++;
    }

    private static synchronized void row() {
        rows++;
    }

    static Connection wrap(Connection raw) {
        return (Connection) Proxy.newProxyInstance(Counting.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Wrapping(raw));
    }

    /** Wraps statements handed out by a connection, and result sets handed out by statements. */
    private static final class Wrapping implements InvocationHandler {
        private final Object target;

        Wrapping(Object target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("unwrap") || name.equals("isWrapperFor")) {
                return call(method, args);
            }
            if (target instanceof Statement && (name.equals("executeQuery") || name.equals("execute")
                    || name.equals("executeUpdate") || name.equals("executeLargeUpdate"))) {
                statement();
            }
            if (target instanceof Statement && (name.equals("executeBatch") || name.equals("executeLargeBatch"))) {
                statement();
            }
            if (target instanceof ResultSet && name.equals("next")) {
                Object more = call(method, args);
                if (Boolean.TRUE.equals(more)) {
                    row();
                }
                return more;
            }
            Object result = call(method, args);
            if (result instanceof Statement || result instanceof ResultSet) {
                Class<?> type = method.getReturnType();
                if (type.isInterface()) {
                    return Proxy.newProxyInstance(Counting.class.getClassLoader(), new Class<?>[] {type},
                            new Wrapping(result));
                }
            }
            return result;
        }

        private Object call(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
