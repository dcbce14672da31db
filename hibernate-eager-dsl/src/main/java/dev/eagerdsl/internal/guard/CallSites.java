package dev.eagerdsl.internal.guard;

import java.util.Set;

/** The user's call site: the first frame outside Hibernate, Byte Buddy, the JDK, proxies and this library. */
final class CallSites {

    private static final String[] SKIPPED_PREFIXES = {"org.hibernate.", "net.bytebuddy.", "java.", "javax.", "jdk.", "sun.", "com.sun.",
            "jakarta.", "dev.eagerdsl.internal.", "org.slf4j.", "ch.qos.logback.", "org.springframework.aop.", "org.springframework.orm.",
            "org.springframework.transaction."};
    private static final Set<String> LIBRARY_API = Set.of("dev.eagerdsl.Related", "dev.eagerdsl.FetchPlan", "dev.eagerdsl.Prefetch",
            "dev.eagerdsl.LazyLoadGuard", "dev.eagerdsl.LazyLoad", "dev.eagerdsl.LazyLoadException", "dev.eagerdsl.RelatedException");

    private CallSites() {
    }

    static String find() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !skipped(f.getClassName()))
                .findFirst()
                .map(f -> simple(f.getClassName()) + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
                .orElse("unknown"));
    }

    static boolean skipped(String className) {
        for (String p : SKIPPED_PREFIXES) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return LIBRARY_API.contains(className) || className.contains("$HibernateProxy") || className.contains("$ByteBuddy$")
                || className.contains("$$");
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
