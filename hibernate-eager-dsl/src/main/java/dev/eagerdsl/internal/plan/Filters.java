package dev.eagerdsl.internal.plan;

import dev.eagerdsl.RelatedException;
import dev.eagerdsl.internal.path.Step;
import dev.eagerdsl.internal.path.PathSyntax;
import dev.eagerdsl.internal.path.PrefetchSpec;
import jakarta.persistence.metamodel.Attribute;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Compiles a filtered prefetch ({@code Prefetch.of(path).where(..).orderBy(..).into(field)}): checks the
 * into field, the alias, and the HQL itself (parsed and its parameters bound, never run), before any
 * SQL of the plan.
 */
public final class Filters {

    private Filters() {
    }

    /**
     * @param session a session of the factory, to parse the statement
     * @param s the association
     * @param p the spec
     * @param elementJoins the elements' own JOIN levels ({@code with(Related.select(...))})
     * @param fieldsWritten the into fields already written by the plan, by {@code Owner.field}
     * @return the compiled filter
     */
    static Level.Filter compile(SharedSessionContractImplementor session, Step s, PrefetchSpec p, List<Integer> specPath,
                                List<Level> elementJoins, Map<String, PrefetchSpec> fieldsWritten) {
        Field field = field(s, p);
        PrefetchSpec other = fieldsWritten.put(s.ownerName() + "." + p.into(), p);
        if (other != null) {
            throw new RelatedException("Two prefetches write into('" + p.into() + "') on " + s.ownerName() + ": " + other
                    + " and " + p + ". Each into(...) field holds one result; give each prefetch its own field.");
        }
        String alias = Hql.alias(s, p);
        if (alias.equalsIgnoreCase(Hql.OWNER_ALIAS)) {
            throw new RelatedException("Invalid alias '" + alias + "' in " + p + ": it is reserved by the library. Choose another, e.g. .as(\"x\").");
        }
        for (String clause : new String[] {p.where(), p.orderBy()}) {
            if (clause != null && !balanced(clause)) {
                throw new RelatedException("Invalid filter in " + PathSyntax.printable(String.valueOf(p)) + " on " + s.ownerName() + ": its parentheses do not"
                        + " balance, so it could reach outside its own condition. Write one HQL condition (or ordering) with balanced"
                        + " parentheses, e.g. .where(\"" + alias + ".active = true and (" + alias + ".year > 1)\").");
            }
        }
        String hql = Hql.filtered(s, p, elementJoins);
        org.hibernate.query.Query<Object[]> q;
        try {
            q = session.createQuery(hql, Object[].class);
        } catch (RuntimeException e) {
            throw new RelatedException("Invalid filter in " + PathSyntax.printable(String.valueOf(p)) + " on " + s.ownerName()
                    + ": Hibernate cannot parse " + PathSyntax.printable(hql) + " (" + PathSyntax.printable(String.valueOf(e.getMessage()))
                    + "). Write where(...) and orderBy(...) in HQL on the alias '" + alias
                    + "', e.g. .as(\"" + alias + "\").where(\"" + alias + ".active = true\").", e);
        }
        if (q instanceof org.hibernate.query.spi.SqmQuery sq
                && sq.getSqmStatement() instanceof org.hibernate.query.sqm.tree.select.SqmSelectStatement<?> st
                && (st.getQueryPart().getFetchExpression() != null || st.getQueryPart().getOffsetExpression() != null)) {
            throw new RelatedException("Invalid orderBy in " + PathSyntax.printable(String.valueOf(p))
                    + " on " + s.ownerName() + ": limit, offset and fetch would cut the whole statement of many owners, not each"
                    + " owner's list. Leave them out and cut each owner's list in Java, e.g. list.subList(0, Math.min(3, list.size())).");
        }
        Set<String> declared = new TreeSet<>(q.getParameterMetadata().getNamedParameterNames());
        declared.remove(Hql.OWNERS);
        Set<String> given = new TreeSet<>(p.params().keySet());
        if (!declared.equals(given)) {
            Set<String> missing = new TreeSet<>(declared);
            missing.removeAll(given);
            Set<String> unused = new TreeSet<>(given);
            unused.removeAll(declared);
            throw new RelatedException("Parameters of " + p + " do not match its where(...): "
                    + (missing.isEmpty() ? "" : "no value for :" + String.join(", :", missing) + " (add .param(\"" + missing.iterator().next() + "\", value)). ")
                    + (unused.isEmpty() ? "" : "param(\"" + String.join("\", \"", unused) + "\") is not used in where(...). ")
                    + "Every :name in where(...) needs exactly one .param(name, value).");
        }
        bind(q, p);
        return new Level.Filter(hql, field, java.util.Set.copyOf(p.params().keySet()), List.copyOf(specPath));
    }

    /**
     * Binds the spec's parameter values: Hibernate checks each against the type {@code where(...)}
     * compares it with, and runs nothing.
     *
     * @param q the filter's statement
     * @param p the spec with the values of this run
     * @throws RelatedException for a value of the wrong type
     */
    public static void bind(org.hibernate.query.SelectionQuery<?> q, PrefetchSpec p) {
        for (Map.Entry<String, Object> e : p.params().entrySet()) {
            try {
                q.setParameter(e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                Object v = e.getValue();
                throw new RelatedException("Parameter :" + e.getKey() + " of " + p + " cannot take the value " + v
                        + (v == null ? "" : " (" + v.getClass().getSimpleName() + ")") + ": " + ex.getMessage()
                        + ". Pass a value of the type where(...) compares :" + e.getKey() + " with.", ex);
            }
        }
    }

    /** Parentheses balance outside string literals ('...'). */
    static boolean balanced(String hql) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < hql.length(); i++) {
            char c = hql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0 && !quoted;
    }

    static Field field(Step s, PrefetchSpec p) {
        Class<?> ownerClass = s.owner().getJavaType();
        String name = p.into();
        for (Attribute<?, ?> a : s.owner().getAttributes()) {
            if (a.getName().equals(name)) {
                throw new RelatedException("Cannot prefetch into('" + name + "') on " + s.ownerName() + ": '" + name
                        + "' is a mapped (persistent) attribute, and writing a filtered subset into it would change the database on flush."
                        + " Add a @Transient List field (e.g. @Transient List<" + simple(s) + "> " + suggest(name) + ") and name it in into(...).");
            }
        }
        Field found = null;
        for (Class<?> c = ownerClass; c != null && c != Object.class && found == null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name) && !Modifier.isStatic(f.getModifiers())) {
                    found = f;
                    break;
                }
            }
        }
        if (found == null) {
            throw new RelatedException("Cannot prefetch into('" + name + "') on " + s.ownerName() + ": " + ownerClass.getSimpleName()
                    + " has no field '" + name + "'. Fields that can take it: " + listFields(ownerClass)
                    + ". Add one: @Transient List<" + simple(s) + "> " + name + ";");
        }
        if (Modifier.isFinal(found.getModifiers()) || !found.getType().isAssignableFrom(ArrayList.class)) {
            throw new RelatedException("Cannot prefetch into('" + name + "') on " + s.ownerName() + ": the field is "
                    + (Modifier.isFinal(found.getModifiers()) ? "final" : "a " + found.getType().getSimpleName())
                    + ", but into(...) writes a List. Declare it as a non-final List<" + simple(s) + ">.");
        }
        if (s.target() != null && found.getGenericType() instanceof java.lang.reflect.ParameterizedType pt
                && pt.getActualTypeArguments().length == 1 && pt.getActualTypeArguments()[0] instanceof Class<?> element
                && !element.isAssignableFrom(s.target().getJavaType())) {
            throw new RelatedException("Cannot prefetch into('" + name + "') on " + s.ownerName() + ": the field holds "
                    + element.getSimpleName() + " but '" + s.attribute() + "' leads to " + s.target().getJavaType().getSimpleName()
                    + ". Declare it as List<" + simple(s) + ">, or name another field.");
        }
        found.setAccessible(true);
        return found;
    }

    private static String simple(Step s) {
        return s.target() == null ? "Object" : s.target().getJavaType().getSimpleName();
    }

    private static String suggest(String name) {
        return "filtered" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String listFields(Class<?> c) {
        TreeSet<String> names = new TreeSet<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers())
                        && f.getType().isAssignableFrom(ArrayList.class) && f.isAnnotationPresent(jakarta.persistence.Transient.class)) {
                    names.add(f.getName());
                }
            }
        }
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }
}
