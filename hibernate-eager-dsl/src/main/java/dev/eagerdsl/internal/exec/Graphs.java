package dev.eagerdsl.internal.exec;

import dev.eagerdsl.internal.plan.CompiledPlan;
import org.hibernate.Session;
import org.hibernate.graph.Graph;
import org.hibernate.graph.spi.RootGraphImplementor;

/** The entity graph of a plan's joined paths, for the root statements that cannot be rewritten as HQL. */
final class Graphs {

    private Graphs() {
    }

    /**
     * @param plan the plan
     * @param session the session
     * @param user the user's own graph, or {@code null}: it is copied, never changed
     * @return a graph with the user's nodes (if any) and the plan's joined paths
     */
    @SuppressWarnings("deprecation")
    static RootGraphImplementor<?> of(CompiledPlan plan, Session session, RootGraphImplementor<?> user) {
        RootGraphImplementor<?> g = user == null
                ? (RootGraphImplementor<?>) session.createEntityGraph(plan.root().getJavaType())
                : user.makeRootGraph(user.getName(), true);
        for (String path : plan.joinPaths()) {
            Graph<?> sub = g;
            for (String part : path.split("\\.")) {
                sub = sub.addSubGraph(part);
            }
        }
        return g;
    }
}
