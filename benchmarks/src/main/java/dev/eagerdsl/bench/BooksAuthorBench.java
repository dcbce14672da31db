package dev.eagerdsl.bench;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.Related;
import dev.eagerdsl.bench.model.Book;
import dev.eagerdsl.bench.support.Alternative;
import dev.eagerdsl.bench.support.Alternative.Role;
import dev.eagerdsl.bench.support.Dataset;
import dev.eagerdsl.bench.support.FetchPeers;
import dev.eagerdsl.bench.support.Db;
import dev.eagerdsl.bench.support.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** (a) 1,000 books and their author (1,000 different authors): a to-one, read in a loop. */
@State(Scope.Benchmark)
public class BooksAuthorBench {

    static final String HQL = "select b from Book b where b.id <= :max order by b.id";
    static final long ROOTS = 1000;
    static final FetchPlan PLAN = Related.select("author");

    @Param({"h2", "pg", "mariadb"})
    public String db;

    Db database;
    SessionFactory sf;

    @Setup
    public void setup() {
        database = Db.open(db);
        database.ensure(Dataset.AUTHORS, 0);
        sf = database.factory(Db.Variant.PLAIN);
    }

    static long touch(List<Book> books) {
        long sum = 0;
        for (Book b : books) {
            sum += b.getId() + b.getAuthor().getId() + b.getAuthor().getName().length();
        }
        return sum;
    }

    private static List<Book> query(Session s, String hql) {
        return s.createQuery(hql, Book.class).setParameter("max", ROOTS).getResultList();
    }

    @Benchmark
    @Alternative(role = Role.NAIVE, label = "lazy loop (N+1)")
    public long nPlusOne() {
        return Tx.read(sf, s -> touch(query(s, HQL)));
    }

    @Benchmark
    @Alternative(role = Role.NAIVE, label = "lazy loop, guard in FETCH_PEERS (no code change)")
    public long fetchPeers() {
        return FetchPeers.run(() -> Tx.read(sf, s -> touch(query(s, HQL))));
    }

    @Benchmark
    @Alternative(role = Role.PLAN, label = "Related.select(\"author\")")
    public long relatedSelect() {
        return Tx.read(sf, s -> touch(PLAN.list(s.createQuery(HQL, Book.class).setParameter("max", ROOTS))));
    }

    @Benchmark
    @Alternative(role = Role.PLAN, label = "Related.select(\"author\").list(SelectionQuery)")
    public long relatedSelectSelectionQuery() {
        return Tx.read(sf, s -> touch(PLAN.list(s.createSelectionQuery(HQL, Book.class).setParameter("max", ROOTS))));
    }

    @Benchmark
    @Alternative(role = Role.HAND, label = "join fetch b.author")
    public long joinFetch() {
        return Tx.read(sf, s -> touch(query(s,
                "select b from Book b join fetch b.author where b.id <= :max order by b.id")));
    }

    @Benchmark
    @Alternative(role = Role.HAND, label = "LOAD EntityGraph {author}")
    public long entityGraph() {
        return Tx.read(sf, s -> {
            var graph = s.createEntityGraph(Book.class);
            graph.addAttributeNodes("author");
            return touch(s.createQuery(HQL, Book.class).setParameter("max", ROOTS)
                    .setHint("jakarta.persistence.loadgraph", graph).getResultList());
        });
    }

    /** A book read by raw JDBC. */
    record BookRow(long id, String title, java.math.BigDecimal price, AuthorRow author) {
    }

    /** An author read by raw JDBC (one object per id, as a persistence context would). */
    record AuthorRow(long id, String name) {
    }

    @Benchmark
    @Alternative(role = Role.FLOOR, label = "raw JDBC, the plan's one join")
    public long rawJdbc() {
        return Tx.jdbc(database, c -> {
            Map<Long, AuthorRow> authors = new HashMap<>();
            List<BookRow> books = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select b.id, b.title, b.price, a.id, a.name from book b "
                    + "join author a on a.id = b.author_id where b.id <= ? order by b.id")) {
                ps.setLong(1, ROOTS);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long authorId = rs.getLong(4);
                        AuthorRow a = authors.get(authorId);
                        if (a == null) {
                            a = new AuthorRow(authorId, rs.getString(5));
                            authors.put(authorId, a);
                        }
                        books.add(new BookRow(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), a));
                    }
                }
            }
            long sum = 0;
            for (BookRow b : books) {
                sum += b.id() + b.author().id() + b.author().name().length();
            }
            return sum;
        });
    }
}
