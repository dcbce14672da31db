package dev.eagerdsl.bench;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.Related;
import dev.eagerdsl.bench.model.Customer;
import dev.eagerdsl.bench.model.CustomerOrder;
import dev.eagerdsl.bench.support.Alternative;
import dev.eagerdsl.bench.support.Alternative.Role;
import dev.eagerdsl.bench.support.Dataset;
import dev.eagerdsl.bench.support.Db;
import dev.eagerdsl.bench.support.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** (e) prefetch over 1,000, 10,000 and 100,000 owners (3 orders each): is the cost per owner flat? */
@State(Scope.Benchmark)
public class ScaleBench {

    static final String HQL = "select c from Customer c where c.id <= :n order by c.id";
    static final FetchPlan PLAN = Related.prefetch("orders");
    /** The library's default IN-list chunk, mirrored by the raw JDBC floor. */
    static final int CHUNK = 1000;

    @Param({"h2", "pg", "mariadb"})
    public String db;

    @Param({"1000", "10000", "100000"})
    public long owners;

    Db database;
    SessionFactory sf;

    @Setup
    public void setup() {
        database = Db.open(db);
        database.ensure(Dataset.CUSTOMERS, owners);
        sf = database.factory(Db.Variant.PLAIN);
    }

    static long touch(Iterable<Customer> customers) {
        long sum = 0;
        for (Customer c : customers) {
            sum += touch(c);
        }
        return sum;
    }

    static long touch(Customer c) {
        long sum = c.getId();
        for (CustomerOrder o : c.getOrders()) {
            sum += o.getId() + o.getTotal().intValue();
        }
        return sum;
    }

    @Benchmark
    @Alternative(role = Role.PLAN, label = "Related.prefetch(\"orders\")")
    public long relatedPrefetch() {
        return Tx.read(sf, s -> touch(PLAN.list(s.createQuery(HQL, Customer.class).setParameter("n", owners))));
    }

    @Benchmark
    @Alternative(role = Role.HAND, label = "left join fetch c.orders")
    public long joinFetch() {
        return Tx.read(sf, s -> touch(s.createQuery("select c from Customer c left join fetch c.orders "
                + "where c.id <= :n order by c.id", Customer.class).setParameter("n", owners).getResultList()));
    }

    /** A customer read by raw JDBC. */
    record CustomerRow(long id, String name, List<OrderRow> orders) {
    }

    /** An order read by raw JDBC. */
    record OrderRow(long id, java.math.BigDecimal total) {
    }

    @Benchmark
    @Alternative(role = Role.FLOOR, label = "raw JDBC, the plan's statements (IN lists of 1,000)")
    public long rawJdbc() {
        return Tx.jdbc(database, c -> {
            Map<Long, CustomerRow> customers = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select c.id, c.name from customer c where c.id <= ? order by c.id")) {
                ps.setLong(1, owners);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        customers.put(id, new CustomerRow(id, rs.getString(2), new ArrayList<>()));
                    }
                }
            }
            List<Long> ids = new ArrayList<>(customers.keySet());
            for (int from = 0; from < ids.size(); from += CHUNK) {
                try (PreparedStatement ps = Tx.in(c, "select c.id, c.name, o.id, o.total from customer c "
                        + "left join customer_order o on c.id = o.customer_id where c.id in ",
                        ids.subList(from, Math.min(ids.size(), from + CHUNK)), "")) {
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long oid = rs.getLong(3);
                            if (!rs.wasNull()) {
                                customers.get(rs.getLong(1)).orders().add(new OrderRow(oid, rs.getBigDecimal(4)));
                            }
                        }
                    }
                }
            }
            long sum = 0;
            for (CustomerRow cu : customers.values()) {
                sum += cu.id();
                for (OrderRow o : cu.orders()) {
                    sum += o.id() + o.total().intValue();
                }
            }
            return sum;
        });
    }
}
