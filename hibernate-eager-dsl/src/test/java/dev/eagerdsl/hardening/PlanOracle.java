package dev.eagerdsl.hardening;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.Prefetch;
import dev.eagerdsl.Related;
import dev.eagerdsl.RelatedException;
import dev.eagerdsl.testing.SqlRecorder;
import jakarta.persistence.metamodel.EntityType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.proxy.HibernateProxy;

/**
 * Judges one generated input: the plan either works (every planned association loaded, the roots
 * unchanged, no SQL when touched, nothing written) or is refused with a {@link RelatedException}
 * before any SQL runs. Any other outcome is returned as a failure text. Knows nothing of jqwik.
 *
 * <p>Plans that work are run against the database once per (root, plan, entry point); repeats are
 * still planned and validated against the metamodel ({@code explain}, no SQL), so that 100,000
 * inputs cost seconds, not minutes.
 */
final class PlanOracle implements AutoCloseable {

    /** What happened to one input. */
    enum Outcome { REFUSED_WHEN_BUILT, REFUSED_BEFORE_SQL, WORKED, WORKED_SEEN_BEFORE }

    /** Markers of injected SQL: never in a statement of a plan that has no user HQL. */
    private static final List<String> HOSTILE = List.of("1=1", "--", ";", "drop ", "union ", "/*", "sleep");

    static final int ENTRIES = 7;

    private final SessionFactory sf;
    private final SqlRecorder sql;
    private final Session session;
    private final Map<Class<?>, String> tinyQuery = new HashMap<>();
    private final Map<Class<?>, List<Object>> expectedIds = new HashMap<>();
    private final Map<List<Object>, Outcome> seen = new HashMap<>();
    private final Map<List<Object>, List<Object>> truths = new HashMap<>();
    private Session truthSession;
    private final Map<Class<?>, List<Object>> loaded = new HashMap<>();

    final AtomicLong inputs = new AtomicLong();
    final AtomicLong refusedWhenBuilt = new AtomicLong();
    final AtomicLong refusedBeforeSql = new AtomicLong();
    final AtomicLong worked = new AtomicLong();
    final AtomicLong executions = new AtomicLong();
    final AtomicLong statements = new AtomicLong();
    final AtomicLong rawHqlEchoed = new AtomicLong();

    PlanOracle(SessionFactory sf, SqlRecorder sql, Collection<Class<?>> roots) {
        this.sf = sf;
        this.sql = sql;
        this.session = sf.openSession();
        session.beginTransaction();
        for (Class<?> root : roots) {
            EntityType<?> et = sf.getMetamodel().entity(root);
            String idName = et.getId(et.getIdType().getJavaType()).getName();
            boolean simpleId = et.getIdType().getPersistenceType() == jakarta.persistence.metamodel.Type.PersistenceType.BASIC;
            String hql = "select r from " + et.getName() + " r" + (simpleId ? " order by r." + idName : "");
            tinyQuery.put(root, hql);
            List<Object> ids = new ArrayList<>();
            for (Object r : session.createQuery(hql, root).getResultList()) {
                ids.add(id(r));
            }
            expectedIds.put(root, ids);
        }
        session.clear();
    }

    /**
     * @param c the input
     * @return the outcome, or a failure text (thrown as AssertionError by the caller)
     */
    Object judge(FuzzCase c) {
        inputs.incrementAndGet();
        sql.clear();
        FetchPlan plan;
        try {
            plan = c.plan();
        } catch (RelatedException e) {
            String bad = badMessage(e, c);
            if (bad != null) {
                return bad;
            }
            if (sql.count() != 0) {
                return "building the plan ran SQL:\n" + sql.describe();
            }
            refusedWhenBuilt.incrementAndGet();
            return Outcome.REFUSED_WHEN_BUILT;
        } catch (RuntimeException | Error e) {
            return "building the plan threw " + stack(e);
        }
        int entry = Math.floorMod(c.entry(), ENTRIES);
        List<Object> key = List.of(c.root(), plan, entry);
        Outcome before = seen.get(key);
        if (before == Outcome.WORKED) {
            // the same plan already ran and was verified: validate it against the metamodel again, without SQL
            try {
                plan.explain(session, c.root());
            } catch (RuntimeException | Error e) {
                return "explain of a plan that worked threw " + stack(e);
            }
            if (sql.count() != 0) {
                return "explain ran SQL:\n" + sql.describe();
            }
            worked.incrementAndGet();
            return Outcome.WORKED_SEEN_BEFORE;
        }
        List<Object> roots = entry == 6 ? loadRoots(c.root()) : null;
        sql.clear();
        Object result;
        try {
            result = run(plan, c.root(), entry, roots);
        } catch (RelatedException e) {
            String bad = badMessage(e, c);
            if (bad != null) {
                return bad;
            }
            if (sql.count() != 0) {
                return "refused with \"" + e.getMessage() + "\" AFTER running SQL:\n" + sql.describe();
            }
            seen.put(key, Outcome.REFUSED_BEFORE_SQL);
            refusedBeforeSql.incrementAndGet();
            return Outcome.REFUSED_BEFORE_SQL;
        } catch (RuntimeException | Error e) {
            String ran = sql.describe();
            reset();
            return "threw " + stack(e) + "\nstatements:\n" + ran;
        }
        executions.incrementAndGet();
        statements.addAndGet(sql.count());
        String problem = verify(c, plan, entry, result, roots);
        reset();
        if (problem != null) {
            return problem;
        }
        seen.put(key, Outcome.WORKED);
        worked.incrementAndGet();
        return Outcome.WORKED;
    }

    private Object run(FetchPlan plan, Class<?> root, int entry, List<Object> roots) {
        String hql = tinyQuery.get(root);
        return switch (entry) {
            case 0 -> plan.list(session.createQuery(hql, root));
            case 1 -> plan.list(session, root);
            case 2 -> plan.find(session, root, expectedIds.get(root).get(0));
            case 3 -> {
                try (Stream<?> s = plan.stream(session.createQuery(hql, root), 2)) {
                    yield s.toList();
                }
            }
            case 4 -> plan.list(session.createSelectionQuery(hql, root));
            case 5 -> {
                plan.explain(session, root);
                if (sql.count() != 0) {
                    throw new AssertionError("explain ran SQL:\n" + sql.describe());
                }
                yield plan.list(session.createQuery(hql, root));
            }
            default -> {
                if (!plan.selectPaths().isEmpty()) {
                    // prefetchObjects takes no select paths: the API cannot even express it; use list instead
                    yield plan.list(session.createQuery(hql, root));
                }
                Related.prefetchObjects(session, roots, plan.prefetches().toArray(Prefetch[]::new));
                yield roots;
            }
        };
    }

    /** The roots for prefetchObjects, loaded once per persistence context (cleared after each plan that ran). */
    private List<Object> loadRoots(Class<?> root) {
        return loaded.computeIfAbsent(root, r -> new ArrayList<>(session.createQuery(tinyQuery.get(r), r).getResultList()));
    }

    private String verify(FuzzCase c, FetchPlan plan, int entry, Object result, List<Object> given) {
        List<String> dml = sql.dml();
        if (!dml.isEmpty()) {
            return "the plan wrote: " + dml;
        }
        if (!c.hasUserHql()) {
            for (String s : sql.statements()) {
                String l = s.toLowerCase(Locale.ROOT);
                for (String h : HOSTILE) {
                    if (l.contains(h)) {
                        return "a statement carries '" + h + "': " + s;
                    }
                }
            }
        }
        List<?> roots;
        if (result instanceof Optional<?> o) {
            if (o.isEmpty()) {
                return "find returned nothing for id " + expectedIds.get(c.root()).get(0);
            }
            roots = List.of(o.get());
        } else {
            roots = (List<?>) result;
        }
        List<Object> ids = new ArrayList<>();
        roots.forEach(r -> ids.add(id(r)));
        List<Object> expected = entry == 2 ? expectedIds.get(c.root()).subList(0, 1) : expectedIds.get(c.root());
        if (!ids.equals(expected) && !(ids.size() == expected.size() && ids.containsAll(expected))) {
            return "the roots changed: " + ids + " instead of " + expected;
        }
        sql.clear();
        List<String> problems = new ArrayList<>();
        List<Object[]> intoChecks = new ArrayList<>();
        for (String path : plan.selectPaths()) {
            walk(roots, path.split("\\."), 0, problems, path);
        }
        for (Prefetch p : plan.prefetches()) {
            String[] segs = p.path().split("\\.");
            if (p.intoField() == null) {
                walk(roots, segs, 0, problems, p.path());
            } else {
                String[] prefix = java.util.Arrays.copyOf(segs, segs.length - 1);
                walk(roots, prefix, 0, problems, p.path());
                List<Object> owners = new ArrayList<>();
                collect(roots, prefix, 0, owners);
                for (Object o : owners) {
                    Field f = field(o.getClass(), p.intoField());
                    if (f == null) {
                        continue;
                    }
                    if (!(read(f, o) instanceof List<?> into)) {
                        problems.add(p + ": into field not filled on " + o);
                        continue;
                    }
                    // what the filter returned for this owner is a part of the owner's own association, never more
                    List<Object> got = new ArrayList<>();
                    into.forEach(e -> got.add(id(e)));
                    intoChecks.add(new Object[] {p, o, got});
                }
            }
        }
        if (sql.count() != 0) {
            problems.add("touching the planned associations ran SQL:\n" + sql.describe());
        }
        for (Object[] check : intoChecks) {
            Prefetch p = (Prefetch) check[0];
            Object o = check[1];
            @SuppressWarnings("unchecked")
            List<Object> got = (List<Object>) check[2];
            String last = p.path().substring(p.path().lastIndexOf('.') + 1);
            List<Object> all = truth(o, last);
            List<Object> rest = new ArrayList<>(all);
            for (Object g : got) {
                if (!rest.remove(g)) {
                    problems.add(p + ": into list of " + o.getClass().getSimpleName() + "#" + id(o) + " is " + got
                            + " but its '" + last + "' holds " + all);
                    break;
                }
            }
            if (p.whereClause() == null && !rest.isEmpty()) {
                problems.add(p + ": into without a filter lost " + rest + " of " + o.getClass().getSimpleName() + "#" + id(o));
            }
        }
        sql.clear();
        session.flush();
        if (!sql.dml().isEmpty()) {
            problems.add("flush after the plan wrote " + sql.dml());
        }
        return problems.isEmpty() ? null : String.join("\n", problems);
    }

    /** The ids an association of {@code owner} holds, read by plain lazy loading in a session of its own. */
    private List<Object> truth(Object owner, String attribute) {
        Object ownerId = id(owner);
        return truths.computeIfAbsent(List.of(owner.getClass(), ownerId, attribute), k -> {
            if (truthSession == null) {
                truthSession = sf.openSession();
            }
            Object o = org.hibernate.Hibernate.unproxy(truthSession.find(owner.getClass(), ownerId));
            Field f = field(o.getClass(), attribute);
            Object value = f == null ? null : read(f, o);
            List<Object> ids = new ArrayList<>();
            if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
                org.hibernate.Hibernate.initialize(value);
                elements(value).forEach(e -> ids.add(id(e)));
            } else if (value != null) {
                ids.add(id(value));
            }
            return ids;
        });
    }

    /**
     * @param roots what a plan returned
     * @param plan the plan
     * @return one line per planned association left unloaded (empty when the plan loaded everything)
     */
    static List<String> unloaded(Collection<?> roots, FetchPlan plan) {
        List<String> problems = new ArrayList<>();
        for (String path : plan.selectPaths()) {
            walk(roots, path.split("\\."), 0, problems, path);
        }
        for (Prefetch p : plan.prefetches()) {
            String[] segs = p.path().split("\\.");
            walk(roots, p.intoField() == null ? segs : java.util.Arrays.copyOf(segs, segs.length - 1), 0, problems, p.path());
        }
        return problems;
    }

    /** Walks a path from the roots; every association on it must be loaded. */
    private static void walk(Collection<?> from, String[] segs, int i, List<String> problems, String path) {
        if (i == segs.length) {
            return;
        }
        for (Object o : from) {
            Object real = real(o, problems, path, i);
            if (real == null) {
                continue;
            }
            Field f = field(real.getClass(), segs[i]);
            if (f == null) {
                continue; // declared on another subclass
            }
            Object value = read(f, real);
            if (value == null) {
                continue;
            }
            if (value instanceof PersistentCollection<?> pc) {
                if (!pc.wasInitialized()) {
                    problems.add(path + ": '" + segs[i] + "' not initialized on " + real.getClass().getSimpleName() + "#" + (real instanceof dev.eagerdsl.model.Employee e ? e.getId() : "?") + " at segment " + i + " from " + from.size() + " owners");
                    continue;
                }
                walk(elements(value), segs, i + 1, problems, path);
            } else if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
                walk(elements(value), segs, i + 1, problems, path);
            } else {
                if (value instanceof HibernateProxy hp && hp.getHibernateLazyInitializer().isUninitialized()) {
                    problems.add(path + ": '" + segs[i] + "' is an uninitialized proxy on " + real.getClass().getSimpleName());
                    continue;
                }
                walk(List.of(value), segs, i + 1, problems, path);
            }
        }
    }

    private static void collect(Collection<?> from, String[] segs, int i, List<Object> out) {
        for (Object o : from) {
            Object real = o instanceof HibernateProxy hp ? (hp.getHibernateLazyInitializer().isUninitialized() ? null
                    : hp.getHibernateLazyInitializer().getImplementation()) : o;
            if (real == null) {
                continue;
            }
            if (i == segs.length) {
                out.add(real);
                continue;
            }
            Field f = field(real.getClass(), segs[i]);
            Object value = f == null ? null : read(f, real);
            if (value == null || value instanceof PersistentCollection<?> pc && !pc.wasInitialized()) {
                continue;
            }
            collect(value instanceof Collection<?> || value instanceof Map<?, ?> ? elements(value) : List.of(value), segs, i + 1, out);
        }
    }

    private static Object real(Object o, List<String> problems, String path, int i) {
        if (o instanceof HibernateProxy hp) {
            if (hp.getHibernateLazyInitializer().isUninitialized()) {
                problems.add(path + ": an uninitialized proxy at segment " + i);
                return null;
            }
            return hp.getHibernateLazyInitializer().getImplementation();
        }
        return o;
    }

    private static Collection<?> elements(Object value) {
        return value instanceof Map<?, ?> m ? m.values() : (Collection<?>) value;
    }

    static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name) && !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    return f;
                }
            }
        }
        return null;
    }

    private static Object read(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message must say something and never carry a raw control character of the input. */
    private String badMessage(RelatedException e, FuzzCase c) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "RelatedException without a message: " + stack(e);
        }
        for (int i = 0; i < m.length(); i++) {
            char ch = m.charAt(i);
            if (Character.isISOControl(ch) || Character.getType(ch) == Character.FORMAT) {
                if (echoesUserHql(c, ch)) {
                    // the user's own where/orderBy HQL, quoted by a refusal (or by Hibernate's parse error): tolerated, counted
                    rawHqlEchoed.incrementAndGet();
                    return null;
                }
                return "the message carries a raw control character U+" + String.format("%04x", (int) ch) + ": " + FuzzCase.java(m);
            }
        }
        return null;
    }

    private static boolean echoesUserHql(FuzzCase c, char ch) {
        return c.specs().stream().anyMatch(s -> s.where() != null && s.where().indexOf(ch) >= 0
                || s.orderBy() != null && s.orderBy().indexOf(ch) >= 0);
    }

    private Object id(Object entity) {
        return sf.getPersistenceUnitUtil().getIdentifier(entity);
    }

    private void reset() {
        loaded.clear();
        try {
            session.clear();
            // each input in its own transaction: on PostgreSQL a failed statement aborts the whole transaction
            if (session.getTransaction().isActive()) {
                session.getTransaction().rollback();
            }
            session.beginTransaction();
        } catch (RuntimeException ignored) {
            // the next input gets a clean context anyway
        }
    }

    static String stack(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    String figures() {
        return String.format("%,d inputs: %,d refused when the plan was built, %,d refused before any SQL, %,d worked"
                        + " (%,d distinct plans executed, %,d statements); %,d refusals quoted a control character of the user's where/orderBy",
                inputs.get(), refusedWhenBuilt.get(), refusedBeforeSql.get(), worked.get(), executions.get(), statements.get(),
                rawHqlEchoed.get());
    }

    @Override
    public void close() {
        try {
            if (session.getTransaction().isActive()) {
                session.getTransaction().rollback();
            }
        } finally {
            session.close();
            if (truthSession != null) {
                truthSession.close();
            }
        }
    }
}
