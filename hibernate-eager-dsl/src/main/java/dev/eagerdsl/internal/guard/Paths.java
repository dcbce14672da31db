package dev.eagerdsl.internal.guard;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.spi.NavigablePath;

/**
 * Where Hibernate's own result-set reader put an entity, as a path the library accepts: the
 * attributes from the statement's root ({@code Owner(o).pets.{element}} is {@code pets}, through a
 * collection), so that an entity reached through the user's own {@code join fetch} gets the whole path.
 */
final class Paths {

    /** One attribute of a path, and whether it is a collection. */
    record Segment(String name, boolean collection) {
    }

    private Paths() {
    }

    /**
     * @param base where the statement's root sits (the root of a query: {@link PathInfo#ROOT})
     * @param nav the navigable path of the entity's initializer, or {@code null}
     * @return {@code base} followed by the attributes of {@code nav} below its root
     */
    static PathInfo below(PathInfo base, NavigablePath nav) {
        if (nav == null || nav.getParent() == null) {
            // the statement's own root (a lazy load's, or a query's): nothing below it
            return base;
        }
        PathInfo out = base;
        for (Segment s : segments(nav)) {
            out = out.child(s.name(), s.collection());
        }
        return out;
    }

    /** @return the attributes of {@code nav} below its root, in order */
    static List<Segment> segments(NavigablePath nav) {
        List<Segment> out = new ArrayList<>(4);
        if (nav == null) {
            return out;
        }
        boolean elementBelow = false;
        for (NavigablePath p = nav; p.getParent() != null; p = p.getParent()) {
            String name = p.getLocalName();
            if (name.startsWith("{")) {
                // {element}, {index}, {key}, {value}: the attribute above it is a collection
                elementBelow = true;
                continue;
            }
            if (name.startsWith("#") || name.isEmpty()) {
                continue;
            }
            out.add(0, new Segment(name, elementBelow));
            elementBelow = false;
        }
        return out;
    }
}
