package dev.eagerdsl.spring.internal;

import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.util.List;
import org.hibernate.query.spi.SqmQuery;
import org.hibernate.query.sqm.tree.SqmStatement;
import org.hibernate.query.sqm.tree.select.SqmQuerySpec;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.query.sqm.tree.select.SqmSelection;

/**
 * Tells the query of a repository method (it selects the method's entity) from Spring Data's other
 * queries of the same call: the count query of a {@code Page} ({@code select count(b) ...}), an
 * exists query, a projection. Read from Hibernate's tree of the query, not from its text.
 */
final class EntitySelection {

    private EntitySelection() {
    }

    static boolean selects(Query query, Class<?> root) {
        SqmQuery sqm;
        try {
            sqm = query.unwrap(SqmQuery.class);
        } catch (PersistenceException | IllegalArgumentException e) {
            return false; // a native or stored-procedure query
        }
        SqmStatement<?> statement = sqm == null ? null : sqm.getSqmStatement();
        if (!(statement instanceof SqmSelectStatement<?> select) || !(select.getQueryPart() instanceof SqmQuerySpec<?> spec)) {
            return false;
        }
        List<? extends SqmSelection<?>> selections = spec.getSelectClause() == null ? List.of() : spec.getSelectClause().getSelections();
        Class<?> type;
        if (selections.isEmpty()) {
            type = spec.getFromClause().getRoots().isEmpty() ? null : spec.getFromClause().getRoots().get(0).getJavaType();
        } else if (selections.size() == 1) {
            type = selections.get(0).getSelectableNode().getJavaType();
        } else {
            return false;
        }
        return type != null && (root.isAssignableFrom(type) || type.isAssignableFrom(root)) && type != Object.class;
    }
}
