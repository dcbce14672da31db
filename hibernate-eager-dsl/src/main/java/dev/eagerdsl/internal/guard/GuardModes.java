package dev.eagerdsl.internal.guard;

import dev.eagerdsl.LazyLoadGuard.Mode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The one mode every switch agrees on. From strongest to weakest: a mode set in code
 * ({@code LazyLoadGuard.setMode}, {@code @StrictLazyLoads}), the system property {@code eagerdsl.guard}, the
 * {@code -javaagent} argument, the Hibernate setting {@code eagerdsl.guard} of the session's factory, then WARN.
 * The first three hold for the whole JVM; the Hibernate setting holds for its own factory only, so a factory
 * that starts later never lowers a mode set above it.
 */
final class GuardModes {

    /** The setting's name, as a system property and as a Hibernate setting. */
    static final String SETTING = "eagerdsl.guard";

    private static volatile Mode code;
    private static volatile Mode systemProperty;
    private static volatile Mode agent;
    /** code, else system property, else agent: {@code null} when none of them is set */
    private static volatile Mode jvm;
    /** each started factory and its own mode (its Hibernate setting, else WARN) */
    private static final Map<Object, Mode> FACTORIES = new ConcurrentHashMap<>();
    /** factories whose Hibernate setting named a mode */
    private static final Set<Object> CONFIGURED = ConcurrentHashMap.newKeySet();
    private static volatile Mode lastFactorySetting;
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private GuardModes() {
    }

    /**
     * @param where  the switch, for the message (e.g. "the system property")
     * @param value  its value, or {@code null}
     * @return the mode it names, or {@code null} when unset or invalid (invalid: one EAGER-107 WARN per value)
     */
    static Mode parse(String where, Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String v = value.toString().trim();
        try {
            return Mode.valueOf(v.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            if (REPORTED.add(where + "=" + v)) {
                Guard.LOG.warn("EAGER-107 Ignoring {} {}={}: the value must be one of {}.", where, SETTING, v, valid());
            }
            return null;
        }
    }

    static String valid() {
        return Arrays.stream(Mode.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    static synchronized void setCode(Mode m) {
        code = m;
        refresh();
    }

    static Mode code() {
        return code;
    }

    static synchronized void setAgent(Mode m) {
        agent = m;
        refresh();
    }

    /** A factory starts; {@code setting} is its Hibernate setting, or {@code null}. */
    static synchronized void factoryStarted(Object factory, Mode setting) {
        FACTORIES.put(factory, setting == null ? Mode.WARN : setting);
        if (setting != null) {
            CONFIGURED.add(factory);
            lastFactorySetting = setting;
        }
        refresh();
    }

    static synchronized void factoryClosed(Object factory) {
        FACTORIES.remove(factory);
        CONFIGURED.remove(factory);
        refresh();
    }

    /** Re-reads the system property and tells {@link Guard} whether any session may be watched. */
    static synchronized void refresh() {
        systemProperty = parse("the system property", System.getProperty(SETTING));
        Mode a = agent != null ? agent : parse("the -javaagent argument", System.getProperty(AgentMain.ARGUMENT));
        Mode j = code != null ? code : systemProperty != null ? systemProperty : a;
        jvm = j;
        boolean anyOn = j != null ? j != Mode.OFF
                : FACTORIES.isEmpty() || FACTORIES.values().stream().anyMatch(m -> m != Mode.OFF);
        Guard.retrack(anyOn);
    }

    /** @return whether some switch (other than code) asks for the guard: then a starting factory installs it */
    static boolean requested(Object factory) {
        return systemProperty != null || agent != null || System.getProperty(AgentMain.ARGUMENT) != null
                || CONFIGURED.contains(factory);
    }

    /** @return the JVM's mode: code, system property, agent; else the last factory setting; else WARN */
    static Mode mode() {
        refresh();
        Mode j = jvm;
        if (j != null) {
            return j;
        }
        Mode f = lastFactorySetting;
        return f != null ? f : Mode.WARN;
    }

    /** @return the mode for the sessions of {@code factory} (the hooks' question) */
    static Mode modeFor(Object factory) {
        Mode j = jvm;
        if (j != null) {
            return j;
        }
        Mode f = factory == null ? null : FACTORIES.get(factory);
        return f != null ? f : Mode.WARN;
    }
}
