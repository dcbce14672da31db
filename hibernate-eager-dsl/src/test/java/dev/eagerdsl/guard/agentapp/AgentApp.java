package dev.eagerdsl.guard.agentapp;

import dev.eagerdsl.LazyLoadException;
import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.Related;
import dev.eagerdsl.guard.fixture.Shelf;
import dev.eagerdsl.guard.fixture.Shelves;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The application GuardAgentIT starts in a child JVM with {@code -javaagent:<agent jar>=<mode>} and a class path
 * without Byte Buddy and without the library's classes (the agent jar is the library): an N+1 over 3 shelves, then
 * what the guard says about itself, one "key=value" line each.
 */
public final class AgentApp {

    private AgentApp() {
    }

    public static void main(String[] args) {
        System.out.println("installed before Hibernate=" + LazyLoadGuard.isInstalled());
        SessionFactory factory = Shelves.factory("agent-app", true, Map.of());
        try {
            try {
                Shelves.readVolumes(factory, 1);
            } catch (LazyLoadException e) {
                System.out.println("threw " + e.getMessage().substring(0, "EAGER-101".length()));
            }
            // the unused-prefetch report (on with -Deagerdsl.guard.unused=true): one plan's prefetch left unread, one read
            try (Session s = factory.openSession()) {
                Related.prefetch("volumes").list(s, Shelf.class);
            }
            try (Session s = factory.openSession()) {
                Related.prefetch("volumes").list(s, Shelf.class).get(0).getVolumes().size();
            }
            System.out.println("installed=" + LazyLoadGuard.isInstalled());
            System.out.println("mode=" + LazyLoadGuard.mode());
            System.out.println("library from=" + where(LazyLoadGuard.class));
            System.out.println("byte buddy on the class path=" + visible("net.bytebuddy.ByteBuddy"));
        } finally {
            factory.close();
        }
    }

    private static boolean visible(String name) {
        try {
            Class.forName(name, false, AgentApp.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String where(Class<?> c) {
        String s = c.getProtectionDomain().getCodeSource().getLocation().getPath();
        return s.substring(s.lastIndexOf('/', s.length() - 2) + 1);
    }
}
