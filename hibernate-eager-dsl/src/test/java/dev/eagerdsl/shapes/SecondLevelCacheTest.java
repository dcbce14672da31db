package dev.eagerdsl.shapes;

import static dev.eagerdsl.model.shapes.cached.Shops.SQL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eagerdsl.Related;
import dev.eagerdsl.model.shapes.ShapeFactories;
import dev.eagerdsl.model.shapes.cached.Catalog;
import dev.eagerdsl.model.shapes.cached.Item;
import dev.eagerdsl.model.shapes.cached.Shops;
import dev.eagerdsl.model.shapes.cached.Store;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hibernate.CacheMode;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The second-level cache on an entity (Catalog) and on its collection (Catalog.items): a plan reads
 * from it and fills it as lazy loading does, so a second session runs no statement for what is cached.
 */
class SecondLevelCacheTest {

    private static final String STORES = "from CachedStore s order by s.id";
    private static final String ITEMS = Catalog.class.getName() + ".items";

    @BeforeEach
    void emptyCache() {
        Shops.factory().getCache().evictAllRegions();
    }

    private static <R> R inSession(Function<Session, R> work) {
        return ShapeFactories.inSession(Shops.factory(), SQL, work);
    }

    private static List<String> state(List<Store> stores) {
        return stores.stream().map(s -> s.getId() + " " + (s.getCatalog() == null ? "-" : s.getCatalog().getName() + " "
                + s.getCatalog().getItems().stream().map(Item::getName).toList())).toList();
    }

    private static void assertLoaded(List<Store> stores) {
        for (Store s : stores) {
            if (s.getCatalog() != null) {
                assertThat(Hibernate.isInitialized(s.getCatalog())).isTrue();
                assertThat(Hibernate.isInitialized(s.getCatalog().getItems())).isTrue();
            }
        }
    }

    private static void assertCached(boolean cached) {
        SessionFactory sf = Shops.factory();
        for (long id = 1; id <= 3; id++) {
            assertThat(sf.getCache().containsEntity(Catalog.class, id)).as("catalog %s cached", id).isEqualTo(cached);
            assertThat(sf.getCache().containsCollection(ITEMS, id)).as("items of catalog %s cached", id).isEqualTo(cached);
        }
    }

    /** What lazy loading does with an empty, then a warm cache: statements of each session and the rows read. */
    private static List<Object> lazily() {
        Shops.factory().getCache().evictAllRegions();
        List<Object> out = new java.util.ArrayList<>();
        for (int session = 1; session <= 2; session++) {
            out.add(inSession(s -> {
                List<String> state = state(s.createQuery(STORES, Store.class).getResultList());
                return SQL.count() + " " + state;
            }));
        }
        Shops.factory().getCache().evictAllRegions();
        return out;
    }

    /** The rows of an entry of {@link #lazily()}, without its statement count. */
    private static String rows(Object entry) {
        String e = entry.toString();
        return e.substring(e.indexOf(' ') + 1);
    }

    @Test
    void lazyLoadingFillsTheCacheAndTheSecondSessionReadsFromIt() {
        assertThat(lazily()).containsExactly(
                "7 [1 Spring [Item 1, Item 2, Item 3], 2 Summer [Item 4], 3 Spring [Item 1, Item 2, Item 3], 4 Empty [], 5 -]",
                "1 [1 Spring [Item 1, Item 2, Item 3], 2 Summer [Item 4], 3 Spring [Item 1, Item 2, Item 3], 4 Empty [], 5 -]");
    }

    @Test
    void aPrefetchFillsTheCacheAndASecondOneReadsFromItAsLazyLoadingWould() {
        List<Object> lazy = lazily();
        assertCached(false);
        String first = inSession(s -> {
            List<Store> stores = Related.prefetch("catalog.items").list(s.createQuery(STORES, Store.class));
            assertThat(SQL.count()).as("stores, catalogs, items: " + SQL.describe()).isEqualTo(3);
            assertLoaded(stores);
            SQL.clear();
            List<String> state = state(stores);
            assertThat(SQL.count()).isZero();
            s.flush();
            assertThat(SQL.dml()).isEmpty();
            return state.toString();
        });
        assertCached(true);
        String second = inSession(s -> {
            List<Store> stores = Related.prefetch("catalog.items").list(s.createQuery(STORES, Store.class));
            assertThat(SQL.count()).as("only the stores: catalogs and items come from the cache: " + SQL.describe()).isEqualTo(1);
            assertLoaded(stores);
            SQL.clear();
            List<String> state = state(stores);
            assertThat(SQL.count()).isZero();
            return state.toString();
        });
        assertThat(List.of(first, second)).as("the rows lazy loading reads").isEqualTo(lazy.stream().map(SecondLevelCacheTest::rows).toList());
    }

    @Test
    void aSelectFillsTheEntityCacheAndAPrefetchThenReadsFromIt() {
        inSession(s -> {
            Related.select("catalog").list(s.createQuery(STORES, Store.class));
            assertThat(SQL.count()).isEqualTo(1);
            return null;
        });
        for (long id = 1; id <= 3; id++) {
            assertThat(Shops.factory().getCache().containsEntity(Catalog.class, id)).as("catalog %s cached by the join", id).isTrue();
        }
        inSession(s -> {
            List<Store> stores = Related.prefetch("catalog").list(s.createQuery(STORES, Store.class));
            assertThat(SQL.count()).as("the catalogs come from the cache: " + SQL.describe()).isEqualTo(1);
            stores.stream().filter(x -> x.getCatalog() != null).forEach(x -> assertThat(Hibernate.isInitialized(x.getCatalog())).isTrue());
            return null;
        });
    }

    @Test
    void aSessionThatIgnoresTheCacheLoadsFromTheDatabaseAsLazyLoadingWould() {
        inSession(s -> Related.prefetch("catalog.items").list(s.createQuery(STORES, Store.class)));
        assertCached(true);
        inSession(s -> {
            s.setCacheMode(CacheMode.IGNORE);
            List<Store> stores = Related.prefetch("catalog.items").list(s.createQuery(STORES, Store.class));
            assertThat(SQL.count()).as("CacheMode.IGNORE: " + SQL.describe()).isEqualTo(3);
            assertLoaded(stores);
            return null;
        });
    }

    @Test
    void aStreamReadsCachedCatalogsAndItemsWithoutStatements() {
        List<Object> lazy = lazily();
        inSession(s -> Related.prefetch("catalog.items").list(s.createQuery(STORES, Store.class)));
        inSession(s -> {
            List<Store> stores;
            try (Stream<Store> stream = Related.prefetch("catalog.items").stream(s.createQuery(STORES, Store.class), 2)) {
                stores = stream.toList();
            }
            assertThat(SQL.count()).as("3 chunks of stores, nothing else: " + SQL.describe()).isEqualTo(3);
            assertLoaded(stores);
            SQL.clear();
            assertThat(state(stores).toString()).isEqualTo(rows(lazy.get(1)));
            assertThat(SQL.count()).isZero();
            return null;
        });
    }
}
