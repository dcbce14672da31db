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
        return StackWalker.getInstance().walk(frames -> {
            // a bytecode-enhanced entity is loaded from its generated accessor ($$_hibernate_read_name), called by the
            // entity's own getter: the user's frame is the one that called the getter, as with a proxy
            String enhanced = null;
            for (var it = frames.iterator(); it.hasNext();) {
                StackWalker.StackFrame f = it.next();
                if (f.getMethodName().startsWith("$$_hibernate_")) {
                    enhanced = f.getClassName();
                } else if (!f.getClassName().equals(enhanced)) {
                    enhanced = null;
                    if (!skipped(f.getClassName())) {
                        return simple(f.getClassName()) + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")";
                    }
                }
            }
            return "unknown";
        });
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
