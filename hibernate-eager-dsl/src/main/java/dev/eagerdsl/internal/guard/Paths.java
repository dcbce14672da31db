package dev.eagerdsl.internal.guard;

import java.util.ArrayDeque;
import java.util.Deque;
import org.hibernate.spi.NavigablePath;

/**
 * Where Hibernate's own result-set reader put an entity, as a path the library accepts: the
 * attributes from the statement's root ({@code Owner(o).pets.{element}} is {@code pets}, through a
 * collection), so that an entity reached through the user's own {@code join fetch} gets the whole path.
 */
final class Paths {

    private Paths() {
    }

    /**
     * @param base where the statement's root sits (the root of a query: {@link PathInfo#ROOT})
     * @param nav the navigable path of the entity's initializer, or {@code null}
     * @return {@code base} followed by the attributes of {@code nav} below its root
     */
    static PathInfo below(PathInfo base, NavigablePath nav) {
        if (nav == null || nav.getParent() == null) {
            return base;
        }
        Deque<String> names = new ArrayDeque<>();
        boolean collection = false;
        boolean elementSeen = false;
        for (NavigablePath p = nav; p.getParent() != null; p = p.getParent()) {
            String name = p.getLocalName();
            if (name.startsWith("{")) {
                // {element}, {index}, {key}: the attribute above is a collection
                elementSeen = elementSeen || name.equals("{element}") || name.equals("{index}") || name.equals("{key}")
                        || name.equals("{value}");
                continue;
            }
            if (name.startsWith("#") || name.isEmpty()) {
                continue;
            }
            if (elementSeen) {
                collection = true;
                elementSeen = false;
            }
            names.addFirst(name);
        }
        PathInfo out = base;
        for (String n : names) {
            out = out.child(n, false);
        }
        return collection && !out.viaCollection() ? new PathInfo(out.path(), true) : out;
    }
}
