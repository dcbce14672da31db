package dev.eagerdsl.model.shapes.filtered;

import dev.eagerdsl.model.shapes.ShapeFactories;
import dev.eagerdsl.testing.SqlRecorder;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;

/**
 * The filtered model's factory and data: agents 1 (EU), 2 (US), 3 (EU, retired: not a row for Hibernate);
 * customers 1..5 with agents 1, 2, 3, none, 1; customer i has invoices of totals 50 * k for k = 1..i + 1,
 * the second of each voided (customer 4 has none).
 */
public final class Sales {

    public static final SqlRecorder SQL = new SqlRecorder();
    public static final List<Class<?>> ENTITIES = List.of(Agent.class, Customer.class, Invoice.class);
    private static SessionFactory factory;

    private Sales() {
    }

    public static synchronized SessionFactory factory() {
        if (factory == null) {
            factory = ShapeFactories.build("shapes_sales", SQL, ENTITIES, Map.of());
            seed(factory);
        }
        return factory;
    }

    private static void seed(SessionFactory sf) {
        sf.inTransaction(s -> {
            Agent[] agents = {null, new Agent(1L, "Ana", "EU", false), new Agent(2L, "Bob", "US", false),
                new Agent(3L, "Cleo", "EU", true)};
            for (int i = 1; i <= 3; i++) {
                s.persist(agents[i]);
            }
            Agent[] of = {null, agents[1], agents[2], agents[3], null, agents[1]};
            long invoice = 1;
            for (long i = 1; i <= 5; i++) {
                Customer c = new Customer(i, "Customer " + i, of[(int) i]);
                s.persist(c);
                for (int k = 1; i != 4 && k <= i + 1; k++) {
                    s.persist(new Invoice(invoice++, 50 * k, k == 2, c));
                }
            }
        });
    }
}
