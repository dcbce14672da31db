package dev.eagerdsl.bench;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.Related;
import dev.eagerdsl.bench.model.Category;
import dev.eagerdsl.bench.model.Product;
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

/** (d) one page (rows 1,001 to 1,020) of 2,000 categories, with their 25 products each. */
@State(Scope.Benchmark)
public class CategoryPageBench {

    static final int FIRST = 1000;
    static final int PAGE = 20;
    static final String HQL = "select c from Category c order by c.id";
    static final FetchPlan PLAN = Related.prefetch("products");

    @Param({"h2", "pg", "mariadb"})
    public String db;

    Db database;
    SessionFactory sf;

    @Setup
    public void setup() {
        database = Db.open(db);
        database.ensure(Dataset.CATALOG, 0);
        sf = database.factory(Db.Variant.PLAIN);
    }

    static long touch(List<Category> categories) {
        long sum = 0;
        for (Category c : categories) {
            sum += c.getId();
            for (Product p : c.getProducts()) {
                sum += p.getId() + p.getName().length();
            }
        }
        return sum;
    }

    @Benchmark
    @Alternative(role = Role.PLAN, label = "Related.prefetch(\"products\") on the paged query")
    public long relatedPrefetch() {
        return Tx.read(sf, s -> touch(PLAN.list(s.createQuery(HQL, Category.class)
                .setFirstResult(FIRST).setMaxResults(PAGE))));
    }

    @Benchmark
    @Alternative(role = Role.HAND, label = "join fetch + setFirstResult/setMaxResults")
    public long joinFetchPagedInMemory() {
        return Tx.read(sf, s -> touch(s.createQuery("select c from Category c left join fetch c.products order by c.id",
                Category.class).setFirstResult(FIRST).setMaxResults(PAGE).getResultList()));
    }

    @Benchmark
    @Alternative(role = Role.HAND, label = "page of ids, then join fetch where id in")
    public long idsThenJoinFetch() {
        return Tx.read(sf, s -> {
            List<Long> ids = s.createQuery("select c.id from Category c order by c.id", Long.class)
                    .setFirstResult(FIRST).setMaxResults(PAGE).getResultList();
            return touch(s.createQuery("select c from Category c left join fetch c.products where c.id in :ids "
                    + "order by c.id", Category.class).setParameter("ids", ids).getResultList());
        });
    }

    @Benchmark
    @Alternative(role = Role.NAIVE, label = "lazy loop (N+1)")
    public long nPlusOne() {
        return Tx.read(sf, s -> touch(s.createQuery(HQL, Category.class)
                .setFirstResult(FIRST).setMaxResults(PAGE).getResultList()));
    }

    /** A category read by raw JDBC. */
    record CategoryRow(long id, String name, List<ProductRow> products) {
    }

    /** A product read by raw JDBC. */
    record ProductRow(long id, String name, java.math.BigDecimal price) {
    }

    @Benchmark
    @Alternative(role = Role.FLOOR, label = "raw JDBC, the plan's two statements")
    public long rawJdbc() {
        return Tx.jdbc(database, c -> {
            Map<Long, CategoryRow> categories = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select c.id, c.name from category c order by c.id "
                    + "offset ? rows fetch first ? rows only")) {
                ps.setInt(1, FIRST);
                ps.setInt(2, PAGE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        categories.put(id, new CategoryRow(id, rs.getString(2), new ArrayList<>()));
                    }
                }
            }
            try (PreparedStatement ps = Tx.in(c, "select c.id, c.name, p.id, p.name, p.price from category c "
                    + "left join product p on c.id = p.category_id where c.id in ",
                    new ArrayList<>(categories.keySet()), "")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long pid = rs.getLong(3);
                        if (!rs.wasNull()) {
                            categories.get(rs.getLong(1)).products().add(
                                    new ProductRow(pid, rs.getString(4), rs.getBigDecimal(5)));
                        }
                    }
                }
            }
            long sum = 0;
            for (CategoryRow cat : categories.values()) {
                sum += cat.id();
                for (ProductRow p : cat.products()) {
                    sum += p.id() + p.name().length();
                }
            }
            return sum;
        });
    }
}
