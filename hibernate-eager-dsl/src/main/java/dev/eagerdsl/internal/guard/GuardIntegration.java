package dev.eagerdsl.internal.guard;

import dev.eagerdsl.LazyLoadGuard;
import java.util.Locale;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;

/** Wires the guard into a starting SessionFactory: the PostLoad tracker and the {@code eagerdsl.guard} setting. */
public final class GuardIntegration {

    /** The setting (Hibernate property or system property): {@code off}, {@code warn} or {@code strict}. */
    public static final String SETTING = "eagerdsl.guard";

    private GuardIntegration() {
    }

    /** @param sessionFactory the factory being built */
    public static void integrate(SessionFactoryImplementor sessionFactory) {
        sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class)
                .appendListeners(EventType.POST_LOAD, new LoadTracker());
        Object setting = sessionFactory.getProperties().get(SETTING);
        if (setting == null) {
            setting = System.getProperty(SETTING);
        }
        if (setting != null) {
            applySetting(setting.toString());
        }
    }

    /** Applies {@code off|warn|strict}: installs the guard for warn and strict. */
    static void applySetting(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        LazyLoadGuard.Mode mode;
        try {
            mode = LazyLoadGuard.Mode.valueOf(v);
        } catch (IllegalArgumentException e) {
            Guard.LOG.warn("EAGER-107 Ignoring {}={}: the value must be off, warn or strict.", SETTING, value);
            return;
        }
        Guard.setMode(mode);
        if (mode != LazyLoadGuard.Mode.OFF) {
            Guard.install();
        }
    }
}
