package dev.eagerdsl.model.shapes.hinted;

import dev.eagerdsl.model.shapes.ShapeFactories;
import dev.eagerdsl.testing.SqlRecorder;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;

/** The hints model's factory and data: clerks 1, 2; ledgers 1..4 kept by clerks 1, 2, 1, none; ledger i has i entries. */
public final class Books {

    public static final SqlRecorder SQL = new SqlRecorder();
    public static final List<Class<?>> ENTITIES = List.of(Clerk.class, Ledger.class, Entry.class);
    private static SessionFactory factory;

    private Books() {
    }

    public static synchronized SessionFactory factory() {
        if (factory == null) {
            factory = ShapeFactories.build("shapes_books", SQL, ENTITIES, Map.of());
            factory.inTransaction(s -> {
                Clerk[] clerks = {null, new Clerk(1L, "Bartleby"), new Clerk(2L, "Cratchit")};
                s.persist(clerks[1]);
                s.persist(clerks[2]);
                Clerk[] of = {null, clerks[1], clerks[2], clerks[1], null};
                long entry = 1;
                for (long i = 1; i <= 4; i++) {
                    Ledger l = new Ledger(i, "Ledger " + i, of[(int) i]);
                    s.persist(l);
                    for (int k = 0; k < i; k++) {
                        s.persist(new Entry(entry, (int) (entry * 10), l));
                        entry++;
                    }
                }
            });
        }
        return factory;
    }
}
