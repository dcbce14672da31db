package dev.eagerdsl.internal.guard;

import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
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

    static String find() {
        return StackWalker.getInstance().walk(CallSites::find);
    }

    /** @return the call site among {@code frames}, innermost first */
    static String find(Stream<StackWalker.StackFrame> frames) {
        // a bytecode-enhanced entity is loaded from its generated accessor ($$_hibernate_read_name), called by the
        // entity's own getter: the accessor is Hibernate's, the getter is the entity's (named after "via")
        Iterator<StackWalker.StackFrame> it = frames.filter(f -> !skipped(f.getClassName())
                && !f.getMethodName().startsWith("$$_hibernate_")).iterator();
        if (!it.hasNext()) {
            return "unknown";
        }
        StackWalker.StackFrame first = it.next();
        if (!MAPPED.contains(first.getClassName())) {
            return format(first);
        }
        while (it.hasNext()) {
            StackWalker.StackFrame caller = it.next();
            if (!MAPPED.contains(caller.getClassName())) {
                return format(caller) + " via " + format(first);
            }
        }
        return format(first);
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
        }
    }

    /** Remembers the classes a factory maps, to tell a getter's frame from the loop that called it. */
    static void mapped(Collection<String> classNames) {
        MAPPED.addAll(classNames);
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
        }
        return e;
    }

    private static java.util.List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String format(StackWalker.StackFrame f) {
        return simple(f.getClassName()) + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")";
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
