package dev.eagerdsl.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eagerdsl.Related;
import dev.eagerdsl.model.Author;
import dev.eagerdsl.model.Book;
import dev.eagerdsl.model.PurchaseOrder;
import dev.eagerdsl.testing.Databases;
import dev.eagerdsl.testing.TestDb;
import java.util.List;
import org.hibernate.Hibernate;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.loader.ast.internal.CollectionBatchLoaderArrayParam;
import org.hibernate.loader.ast.internal.CollectionBatchLoaderInPredicate;
import org.hibernate.persister.collection.CollectionPersister;
import org.junit.jupiter.api.Test;

/**
 * A collection level runs the statement of Hibernate's own batch loader for exactly its keys, without the loader's
 * de-duplication of its result rows (quadratic in the keys of one statement): this Hibernate's loaders are of the
 * shape {@link LoaderStatements} reads, so the direct path is the one taken, and what it loads is what the
 * loader's own {@code load} would: every collection initialized, the empty ones too, nothing dirty.
 */
class LoaderStatementsTest {

    private static CollectionPersister role(SharedSessionContractImplementor s, String role) {
        return s.getFactory().getMappingMetamodel().getCollectionDescriptor(role);
    }

    @Test
    void hibernatesBatchLoaderIsRunDirectlyForASingleColumnKey() {
        TestDb.inSession(s -> {
            var session = (SharedSessionContractImplementor) s;
            CollectionPersister books = role(session, Author.class.getName() + ".books");
            Loaders.of(session.getFactory()).collection(session, books, 16, loader -> {
                // PostgreSQL binds one array (= any(?)); H2 and MariaDB an IN list of 16
                assertThat(loader).isInstanceOf(Databases.isPostgres()
                        ? CollectionBatchLoaderArrayParam.class : CollectionBatchLoaderInPredicate.class);
                assertThat(LoaderStatements.handles(loader, books, 16)).isTrue();
                assertThat(LoaderStatements.handles(loader, books, 2)).isTrue();
                // one key goes to the loader, which hands it to Hibernate's single-key loader (fk = ?)
                assertThat(LoaderStatements.handles(loader, books, 1)).isFalse();
                if (!Databases.isPostgres()) {
                    // an IN list has as many parameters as the loader's size: more keys go to the loader itself
                    assertThat(LoaderStatements.handles(loader, books, 17)).isFalse();
                }
                return null;
            });
        });
    }

    @Test
    void aCompositeKeyGoesToTheLoaderItself() {
        TestDb.inSession(s -> {
            var session = (SharedSessionContractImplementor) s;
            CollectionPersister lines = role(session, PurchaseOrder.class.getName() + ".lines");
            Loaders.of(session.getFactory()).collection(session, lines, 16, loader -> {
                assertThat(LoaderStatements.handles(loader, lines, 2)).isFalse();
                return null;
            });
        });
    }

    @Test
    void everyCollectionIsInitializedTheEmptyOnesTooAndNothingIsDirty() {
        TestDb.inSession(s -> {
            List<Author> authors = s.createQuery("from Author a order by a.id", Author.class).getResultList();
            assertThat(authors).hasSizeGreaterThan(1);
            // authors 2 and 4 have no award: their collections have no rows in the level's statement
            long withoutAwards = s.createQuery("select count(a) from Author a where a.awards is empty", Long.class).getSingleResult();
            assertThat(withoutAwards).isEqualTo(2);
            TestDb.SQL.clear();
            Related.prefetch("awards", "books").list(s.createQuery("from Author a order by a.id", Author.class));
            // the root query, then one statement per level and chunk
            assertThat(TestDb.SQL.count()).as(TestDb.SQL.describe()).isEqualTo(1 + 2 * Databases.chunks(authors.size()));
            long empty = 0;
            for (Author a : authors) {
                assertThat(Hibernate.isInitialized(a.getAwards())).isTrue();
                assertThat(Hibernate.isInitialized(a.getBooks())).isTrue();
                if (a.getAwards().isEmpty()) {
                    empty++;
                }
                for (Book b : a.getBooks()) {
                    assertThat(b.getAuthor()).isSameAs(a);
                }
            }
            assertThat(empty).isEqualTo(withoutAwards);
            assertThat(authors.get(0).getAwards()).extracting("name").containsExactlyInAnyOrder("Nobel", "Booker");
            TestDb.SQL.clear();
            s.flush();
            assertThat(TestDb.SQL.dml()).isEmpty();
            assertThat(TestDb.SQL.count()).isZero();
        });
    }
}
