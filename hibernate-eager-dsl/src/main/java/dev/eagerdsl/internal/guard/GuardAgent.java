package dev.eagerdsl.internal.guard;

import java.lang.instrument.Instrumentation;

/**
 * {@code -javaagent:hibernate-eager-dsl-<version>-agent.jar[=off|warn|strict]}, for platforms that forbid
 * attaching at run time. The argument sets the mode below the system property and a mode set in code,
 * above the Hibernate setting.
 */
public final class GuardAgent {

    private GuardAgent() {
    }

    /**
     * @param args empty, or {@code off|warn|strict}
     * @param inst the JVM's instrumentation
     */
    public static void premain(String args, Instrumentation inst) {
        if (args != null && !args.isBlank()) {
            GuardIntegration.agentArgument(args);
        }
        Guard.install(inst);
    }

    /**
     * @param args empty, or {@code off|warn|strict}
     * @param inst the JVM's instrumentation
     */
    public static void agentmain(String args, Instrumentation inst) {
        premain(args, inst);
    }
}
