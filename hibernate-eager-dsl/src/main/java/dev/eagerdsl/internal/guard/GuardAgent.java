package dev.eagerdsl.internal.guard;

import java.lang.instrument.Instrumentation;

/** {@code -javaagent:hibernate-eager-dsl.jar}, for platforms that forbid attaching at run time. */
public final class GuardAgent {

    private GuardAgent() {
    }

    /**
     * @param args ignored, or {@code off|warn|strict}
     * @param inst the JVM's instrumentation
     */
    public static void premain(String args, Instrumentation inst) {
        Guard.install(inst);
        if (args != null && !args.isBlank()) {
            GuardIntegration.applySetting(args);
        }
    }

    /**
     * @param args ignored, or {@code off|warn|strict}
     * @param inst the JVM's instrumentation
     */
    public static void agentmain(String args, Instrumentation inst) {
        premain(args, inst);
    }
}
