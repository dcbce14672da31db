package dev.eagerdsl.bench;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.Related;
import dev.eagerdsl.bench.model.Author;
import dev.eagerdsl.bench.model.Award;
import dev.eagerdsl.bench.model.Book;
import dev.eagerdsl.bench.model.Tag;
import dev.eagerdsl.bench.support.Alternative;
import dev.eagerdsl.bench.support.Alternative.Role;
import dev.eagerdsl.bench.support.Dataset;
import dev.eagerdsl.bench.support.Db;
import dev.eagerdsl.bench.support.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * (c) 200 authors → 10 books each → 5 tags each, and authors → 20 awards each: two collections
 * side by side, one of them two levels deep. Fetch-joining both multiplies the rows
 * (10 × 5 × 20 = 1,000 per author).
 */
@State(Scope.Benchmark)
public class AuthorsTwoLevelsBench {

    static final long ROOTS = 200;
    static final String HQL = "select a from Author a where a.id <= :max order by a.id";
    static final FetchPlan PLAN = Related.prefetch("books.tags", "awards");

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

    static long touch(List<Author> authors) {
        long sum = 0;
        for (Author a : authors) {
            sum += a.getId();
            for (Book b : a.getBooks()) {
                sum += b.getId();
                for (Tag t : b.getTags()) {
                    sum += t.getId() + t.getName().length();
                }
            }
            for (Award w : a.getAwards()) {
                sum += w.getId() + w.getName().length();
            }
        }
        return sum;
    }

    @Benchmark
    @Alternative(role = Role.PLAN, label = "Related.prefetch(\"books.tags\", \"awards\")")
    public long relatedPrefetch() {
        return Tx.read(sf, s -> touch(PLAN.list(s.createQuery(HQL, Author.class).setParameter("max", ROOTS))));
    }

    @Benchmark
    @Alternative(role = Role.HAND, label = "join fetch of both (cartesian rows)")
    public long joinFetchBoth() {
        return Tx.read(sf, s -> touch(s.createQuery("select a from Author a left join fetch a.books b "
                + "left join fetch b.tags left join fetch a.awards where a.id <= :max order by a.id", Author.class)
                .setParameter("max", ROOTS).getResultList()));
    }

    @Benchmark
    @Alternative(role = Role.HAND, label = "LOAD EntityGraph {books{tags}, awards}")
    public long entityGraph() {
        return Tx.read(sf, s -> {
            var graph = s.createEntityGraph(Author.class);
            graph.addAttributeNodes("awards");
            graph.addSubgraph("books").addAttributeNodes("tags");
            return touch(s.createQuery(HQL, Author.class).setParameter("max", ROOTS)
                    .setHint("jakarta.persistence.loadgraph", graph).getResultList());
        });
    }

    @Benchmark
    @Alternative(role = Role.HAND, label = "two join fetch queries (books+tags, then awards)")
    public long twoJoinFetchQueries() {
        return Tx.read(sf, s -> {
            List<Author> authors = s.createQuery("select a from Author a left join fetch a.books b "
                    + "left join fetch b.tags where a.id <= :max order by a.id", Author.class)
                    .setParameter("max", ROOTS).getResultList();
            s.createQuery("select a from Author a left join fetch a.awards where a in :authors", Author.class)
                    .setParameter("authors", authors).getResultList();
            return touch(authors);
        });
    }

    /** An author read by raw JDBC. */
    record AuthorRow(long id, String name, List<BookRow> books, List<AwardRow> awards) {
    }

    /** A book read by raw JDBC. */
    record BookRow(long id, String title, java.math.BigDecimal price, List<TagRow> tags) {
    }

    /** A tag read by raw JDBC (one object per id). */
    record TagRow(long id, String name) {
    }

    /** An award read by raw JDBC. */
    record AwardRow(long id, String name, int year) {
    }

    @Benchmark
    @Alternative(role = Role.FLOOR, label = "raw JDBC, the plan's five statements (IN lists of 1,000)")
    public long rawJdbc() {
        return Tx.jdbc(database, c -> {
            Map<Long, AuthorRow> authors = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select a.id, a.name from author a where a.id <= ? order by a.id")) {
                ps.setLong(1, ROOTS);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        authors.put(id, new AuthorRow(id, rs.getString(2), new ArrayList<>(), new ArrayList<>()));
                    }
                }
            }
            List<Long> authorIds = new ArrayList<>(authors.keySet());
            Map<Long, BookRow> books = new LinkedHashMap<>();
            try (PreparedStatement ps = Tx.in(c, "select a.id, a.name, b.id, b.title, b.price from author a "
                    + "left join book b on a.id = b.author_id where a.id in ", authorIds, "")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long bid = rs.getLong(3);
                        if (!rs.wasNull()) {
                            BookRow b = new BookRow(bid, rs.getString(4), rs.getBigDecimal(5), new ArrayList<>());
                            books.put(bid, b);
                            authors.get(rs.getLong(1)).books().add(b);
                        }
                    }
                }
            }
            Map<Long, TagRow> tags = new HashMap<>();
            List<Long> bookIds = new ArrayList<>(books.keySet());
            for (int from = 0; from < bookIds.size(); from += ScaleBench.CHUNK) {
                try (PreparedStatement ps = Tx.in(c, "select b.id, b.title, b.price, t.id, t.name from book b "
                        + "left join book_tag bt on b.id = bt.book_id left join tag t on t.id = bt.tag_id where b.id in ",
                        bookIds.subList(from, Math.min(bookIds.size(), from + ScaleBench.CHUNK)), "")) {
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long tid = rs.getLong(4);
                            if (!rs.wasNull()) {
                                TagRow t = tags.get(tid);
                                if (t == null) {
                                    t = new TagRow(tid, rs.getString(5));
                                    tags.put(tid, t);
                                }
                                books.get(rs.getLong(1)).tags().add(t);
                            }
                        }
                    }
                }
            }
            try (PreparedStatement ps = Tx.in(c, "select a.id, a.name, w.id, w.name, w.award_year from author a "
                    + "left join award w on a.id = w.author_id where a.id in ", authorIds, "")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long wid = rs.getLong(3);
                        if (!rs.wasNull()) {
                            authors.get(rs.getLong(1)).awards().add(new AwardRow(wid, rs.getString(4), rs.getInt(5)));
                        }
                    }
                }
            }
            long sum = 0;
            for (AuthorRow a : authors.values()) {
                sum += a.id();
                for (BookRow b : a.books()) {
                    sum += b.id();
                    for (TagRow t : b.tags()) {
                        sum += t.id() + t.name().length();
                    }
                }
                for (AwardRow w : a.awards()) {
                    sum += w.id() + w.name().length();
                }
            }
            return sum;
        });
    }
}
