package dev.eagerdsl.bench;

import dev.eagerdsl.bench.model.Book;
import dev.eagerdsl.bench.support.Alternative;
import dev.eagerdsl.bench.support.Alternative.Role;
import dev.eagerdsl.bench.support.Dataset;
import dev.eagerdsl.bench.support.Db;
import dev.eagerdsl.bench.support.Tx;
import org.hibernate.SessionFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * (a′) the entry point without a query: {@code Related.select("author").list(session, Book.class)}, every one of
 * the 10,000 books of (a) and their 1,000 authors, against the hand-written query of all books.
 */
@State(Scope.Benchmark)
public class BooksAuthorRootBench {

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

    @Benchmark
    @Alternative(role = Role.NAIVE, label = "lazy loop (N+1)")
    public long nPlusOne() {
        return Tx.read(sf, s -> BooksAuthorBench.touch(s.createQuery("select b from Book b", Book.class).getResultList()));
    }

    @Benchmark
    @Alternative(role = Role.PLAN, label = "Related.select(\"author\").list(session, Book.class)")
    public long relatedSelectRoot() {
        return Tx.read(sf, s -> BooksAuthorBench.touch(BooksAuthorBench.PLAN.list(s, Book.class)));
    }

    @Benchmark
    @Alternative(role = Role.HAND, label = "join fetch b.author")
    public long joinFetch() {
        return Tx.read(sf, s -> BooksAuthorBench.touch(
                s.createQuery("select b from Book b join fetch b.author", Book.class).getResultList()));
    }

    @Benchmark
    @Alternative(role = Role.HAND, label = "LOAD EntityGraph {author}")
    public long entityGraph() {
        return Tx.read(sf, s -> {
            var graph = s.createEntityGraph(Book.class);
            graph.addAttributeNodes("author");
            return BooksAuthorBench.touch(s.createQuery("select b from Book b", Book.class)
                    .setHint("jakarta.persistence.loadgraph", graph).getResultList());
        });
    }
}
