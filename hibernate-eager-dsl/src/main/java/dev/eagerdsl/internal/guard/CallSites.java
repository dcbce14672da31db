package dev.eagerdsl.internal.guard;

import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The user's call site: the first stack frame that is the application's own code. Skipped: Hibernate, Byte
 * Buddy, the JDK (reflection and {@code jdk.proxy*} included), jakarta, logging, Spring (Data, AOP, transaction
 * proxies: all of {@code org.springframework.}), this library, generated classes ({@code $$} as in CGLIB and
 * Spring, {@code $ByteBuddy$}, {@code $HibernateProxy$}, JDK {@code $Proxy} classes in any package), and the
 * packages named by {@code eagerdsl.guard.skip-packages} (system property or Hibernate setting, comma-separated
 * prefixes). When that frame is inside a mapped class (a getter of an entity), the frame that called it is named
 * first: {@code Report.print(Report.java:42) via Book.getShelfName(Book.java:30)}.
 */
final class CallSites {

    /** The setting (system property or Hibernate setting): comma-separated package or class name prefixes to skip. */
    static final String SKIP_PACKAGES = "eagerdsl.guard.skip-packages";

    private static final String[] SKIPPED_PREFIXES = {"org.hibernate.", "net.bytebuddy.", "java.", "javax.", "jdk.", "sun.", "com.sun.",
            "jakarta.", "dev.eagerdsl.internal.", "org.slf4j.", "ch.qos.logback.", "org.apache.logging.", "org.springframework."};
    private static final Set<String> LIBRARY_API = Set.of("dev.eagerdsl.Related", "dev.eagerdsl.FetchPlan", "dev.eagerdsl.Prefetch",
            "dev.eagerdsl.LazyLoadGuard", "dev.eagerdsl.LazyLoad", "dev.eagerdsl.LazyLoadException", "dev.eagerdsl.RelatedException");

    /** prefixes from the Hibernate settings of the factories started so far */
    private static final Set<String> FROM_SETTINGS = ConcurrentHashMap.newKeySet();
    /** the classes mapped by the factories started so far (entities, embeddables, mapped superclasses) */
    private static final Set<String> MAPPED = ConcurrentHashMap.newKeySet();
    private static volatile String lastProperty;
    private static volatile String[] extra = {};

    private CallSites() {
    }

    /** the frames' classes kept, to decide per class once (not per frame by its name); a first batch deep enough for a lazy load */
    private static final StackWalker WALKER = StackWalker.getInstance(java.util.EnumSet.of(StackWalker.Option.RETAIN_CLASS_REFERENCE), 16);
    /** per class: whether its frames are skipped or mapped, for one generation of the lists; and its frames as written */
    private static final ClassValue<Seen> SEEN = new ClassValue<>() {
        @Override
        protected Seen computeValue(Class<?> type) {
            return new Seen();
        }
    };
    /** bumped whenever a list changes (a factory's settings or mapped classes, the system property) */
    private static volatile int generation;

    /** What is known about one class. */
    private static final class Seen {
        /** whether its frames are skipped, and whether it is mapped, as of one generation of the lists */
        volatile Verdict verdict = new Verdict(-1, false, false);
        /** method and bytecode index -> {@code Report.print(Report.java:42)}; bounded */
        final Map<MethodAt, String> formatted = new ConcurrentHashMap<>();
    }

    private record MethodAt(String method, int bci) {
    }

    private record Verdict(int generation, boolean skipped, boolean mapped) {
    }

    /**
     * The call site of the load in progress. It walks the stack only up to the application's frame (the stream
     * is lazy), decides per class once, and writes a frame as text once: what a reported load costs is the walk.
     */
    static String find() {
        extra();
        return WALKER.walk(CallSites::find);
    }

    /** @return the call site among {@code frames}, innermost first (their classes retained) */
    static String find(Stream<StackWalker.StackFrame> frames) {
        // a bytecode-enhanced entity is loaded from its generated accessor ($$_hibernate_read_name), called by the
        // entity's own getter: the accessor is Hibernate's, the getter is the entity's (named after "via")
        Iterator<StackWalker.StackFrame> it = frames.filter(f -> !seen(f.getDeclaringClass()).skipped()
                && !f.getMethodName().startsWith("$$_hibernate_")).iterator();
        if (!it.hasNext()) {
            return "unknown";
        }
        StackWalker.StackFrame first = it.next();
        if (!seen(first.getDeclaringClass()).mapped()) {
            return format(first);
        }
        while (it.hasNext()) {
            StackWalker.StackFrame caller = it.next();
            if (!seen(caller.getDeclaringClass()).mapped()) {
                return format(caller) + " via " + format(first);
            }
        }
        return format(first);
    }

    private static Verdict seen(Class<?> type) {
        Seen s = SEEN.get(type);
        Verdict v = s.verdict;
        int g = generation;
        if (v.generation() != g) {
            String name = type.getName();
            v = new Verdict(g, skipped(name), MAPPED.contains(name));
            s.verdict = v;
        }
        return v;
    }

    static boolean skipped(String className) {
        for (String p : SKIPPED_PREFIXES) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        for (String p : extra()) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return LIBRARY_API.contains(className) || className.contains("$$") || className.contains("$ByteBuddy$")
                || className.contains("$HibernateProxy") || simple(className).startsWith("$Proxy");
    }

    /** A factory's {@code eagerdsl.guard.skip-packages} setting: added to the list for the whole JVM. */
    static void skipPackages(Object setting) {
        if (setting != null) {
            FROM_SETTINGS.addAll(split(setting.toString()));
            lastProperty = null;
            extra = null;
            generation++;
        }
    }

    /** Remembers the classes a factory maps, to tell a getter's frame from the loop that called it. */
    static void mapped(Collection<String> classNames) {
        if (MAPPED.addAll(classNames)) {
            generation++;
        }
    }

    private static String[] extra() {
        String property = System.getProperty(SKIP_PACKAGES);
        String[] e = extra;
        if (e == null || property != lastProperty) {
            Set<String> all = new java.util.LinkedHashSet<>(FROM_SETTINGS);
            if (property != null) {
                all.addAll(split(property));
            }
            e = all.toArray(String[]::new);
            lastProperty = property;
            extra = e;
            generation++;
        }
        return e;
    }

    private static java.util.List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String format(StackWalker.StackFrame f) {
        Map<MethodAt, String> cache = SEEN.get(f.getDeclaringClass()).formatted;
        MethodAt at = new MethodAt(f.getMethodName(), f.getByteCodeIndex());
        String s = cache.get(at);
        if (s == null) {
            // the file and line cost a StackTraceElement each: once per frame
            s = simple(f.getClassName()) + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")";
            if (cache.size() < 1024) {
                cache.put(at, s);
            }
        }
        return s;
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
