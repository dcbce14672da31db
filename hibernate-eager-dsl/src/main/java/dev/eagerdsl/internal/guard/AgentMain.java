package dev.eagerdsl.internal.guard;

import java.lang.instrument.Instrumentation;

/**
 * The {@code Premain-Class} of the agent jar ({@code hibernate-eager-dsl-<version>-agent.jar}), where it is relocated
 * with {@link GuardInstrumentation}, {@link Advices} and Byte Buddy, so it needs nothing from the application's
 * class path and clashes with nothing there. It registers the instrumentation and tells the application's copy of
 * the library (which may sit in another class loader, as in a Spring Boot fat jar) what happened through system
 * properties: {@link #ARGUMENT} (the mode argument) and {@link #STATE} ({@code registered}, {@code transformed} once
 * both Hibernate classes are, or {@code failed: <cause>}). It uses no other class of the library.
 */
public final class AgentMain {

    /** The agent's argument ({@code off|warn|strict}), for the library's mode precedence. */
    public static final String ARGUMENT = "eagerdsl.guard.agent.argument";
    /** {@code registered}, {@code transformed} or {@code failed: <cause>}. */
    public static final String STATE = "eagerdsl.guard.agent.state";

    private AgentMain() {
    }

    /**
     * @param args empty, or {@code off|warn|strict}
     * @param inst the JVM's instrumentation
     */
    public static void premain(String args, Instrumentation inst) {
        if (args != null && !args.isBlank()) {
            System.setProperty(ARGUMENT, args.trim());
        }
        System.setProperty(STATE, "registered");
        try {
            GuardInstrumentation.register(inst, () -> System.setProperty(STATE, "transformed"),
                    () -> System.setProperty(STATE, "failed: " + String.join("; ", GuardInstrumentation.failures())));
        } catch (Throwable e) {
            System.setProperty(STATE, "failed: " + e);
            return;
        }
        GuardInstrumentation.loadTargets();
    }

    /**
     * @param args empty, or {@code off|warn|strict}
     * @param inst the JVM's instrumentation
     */
    public static void agentmain(String args, Instrumentation inst) {
        premain(args, inst);
    }
}
