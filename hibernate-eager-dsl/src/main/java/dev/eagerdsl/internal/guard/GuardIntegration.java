package dev.eagerdsl.internal.guard;

import dev.eagerdsl.LazyLoadGuard;
import java.util.Collection;
import java.util.Map;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Wires the guard into a starting SessionFactory: the factory's own
 * {@code eagerdsl.guard} setting (see {@link GuardModes} for which switch wins), the call-site
 * skip list, the entity classes (for call sites inside getters) and the summary interval.
 */
public final class GuardIntegration {

    /** The mode setting (Hibernate setting or system property): {@code off}, {@code warn} or {@code strict}. */
    public static final String SETTING = GuardModes.SETTING;

    private GuardIntegration() {
    }

    /**
     * @param sessionFactory the factory being built
     * @param mappedClasses the names of its entity classes and their mapped superclasses
     */
    public static void integrate(SessionFactoryImplementor sessionFactory, Collection<String> mappedClasses) {
        Map<String, Object> settings = sessionFactory.getProperties();
        CallSites.skipPackages(settings.get(CallSites.SKIP_PACKAGES));
        CallSites.mapped(mappedClasses);
        GuardLog.configure(settings.get(GuardLog.SUMMARY_INTERVAL));
        GuardModes.factoryStarted(sessionFactory, GuardModes.parse("the Hibernate setting", settings.get(SETTING)));
        UnusedPrefetches.factoryStarted(sessionFactory, settings.get(UnusedPrefetches.SETTING));
        if (System.getProperty(AgentMain.STATE) != null
                || GuardModes.requested(sessionFactory) && GuardModes.modeFor(sessionFactory) != LazyLoadGuard.Mode.OFF
                || UnusedPrefetches.enabledFor(sessionFactory)) {
            Guard.install();
        }
        Guard.reportInstalled();
    }

    /** @param sessionFactory the factory being closed: its setting no longer counts */
    public static void disintegrate(SessionFactoryImplementor sessionFactory) {
        GuardModes.factoryClosed(sessionFactory);
        UnusedPrefetches.factoryClosed(sessionFactory);
    }

    /** The {@code -javaagent} argument: {@code off|warn|strict}. */
    static void agentArgument(String value) {
        GuardModes.setAgent(GuardModes.parse("the -javaagent argument", value));
    }
}
