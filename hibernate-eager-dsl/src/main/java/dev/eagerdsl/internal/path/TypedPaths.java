package dev.eagerdsl.internal.path;

import dev.eagerdsl.RelatedException;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;

/** Turns a chain of JPA metamodel attributes into one dotted path. */
public final class TypedPaths {

    private TypedPaths() {
    }

    /**
     * @param first the attribute on the root
     * @param rest the next attributes, each declared on the type the previous one leads to
     * @return the dotted path
     */
    public static String join(Attribute<?, ?> first, Attribute<?, ?>... rest) {
        if (first == null) {
            throw new RelatedException("A typed path starts with a metamodel attribute, e.g. Book_.author, but was given null."
                    + " Is the static metamodel initialized (is a SessionFactory started)?");
        }
        StringBuilder sb = new StringBuilder(first.getName());
        Attribute<?, ?> previous = first;
        for (Attribute<?, ?> next : rest == null ? new Attribute<?, ?>[0] : rest) {
            if (next == null) {
                throw new RelatedException("Typed path " + sb + ".? has a null attribute: is the static metamodel initialized?");
            }
            Class<?> leadsTo = target(previous);
            Class<?> declaredOn = next.getDeclaringType().getJavaType();
            if (leadsTo != null && declaredOn != null && !declaredOn.isAssignableFrom(leadsTo) && !leadsTo.isAssignableFrom(declaredOn)) {
                throw new RelatedException("Typed path " + sb + "." + next.getName() + " does not chain: '" + previous.getName()
                        + "' leads to " + leadsTo.getSimpleName() + " but '" + next.getName() + "' is declared on "
                        + declaredOn.getSimpleName() + ". Each attribute must be declared on the type the previous one leads to.");
            }
            sb.append('.').append(next.getName());
            previous = next;
        }
        return sb.toString();
    }

    private static Class<?> target(Attribute<?, ?> a) {
        if (a instanceof PluralAttribute<?, ?, ?> p) {
            return p.getElementType().getJavaType();
        }
        if (a instanceof SingularAttribute<?, ?> s) {
            return s.getType().getJavaType();
        }
        return a.getJavaType();
    }
}
