package dev.eagerdsl.model.shapes.cached;

import dev.eagerdsl.model.shapes.ShapeFactories;
import dev.eagerdsl.testing.SqlRecorder;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;

/**
 * The cached model's factory (a second-level cache: JCache, Ehcache 3, caches created on demand) and
 * data: catalogs 1..3 with 3, 1 and 0 items; stores 1..5 selling from catalogs 1, 2, 1, 3, none.
 */
public final class Shops {

    public static final SqlRecorder SQL = new SqlRecorder();
    public static final List<Class<?>> ENTITIES = List.of(Catalog.class, Item.class, Store.class);
    private static SessionFactory factory;

    private Shops() {
    }

    public static synchronized SessionFactory factory() {
        if (factory == null) {
            factory = ShapeFactories.build("shapes_shops", SQL, ENTITIES, Map.of(
                    "hibernate.cache.use_second_level_cache", "true",
                    "hibernate.cache.region.factory_class", "jcache",
                    "hibernate.javax.cache.provider", "org.ehcache.jsr107.EhcacheCachingProvider",
                    "hibernate.javax.cache.missing_cache_strategy", "create"));
            seed(factory);
        }
        return factory;
    }

    private static void seed(SessionFactory sf) {
        sf.inTransaction(s -> {
            Catalog[] catalogs = {null, new Catalog(1L, "Spring"), new Catalog(2L, "Summer"), new Catalog(3L, "Empty")};
            for (int i = 1; i <= 3; i++) {
                s.persist(catalogs[i]);
            }
            long item = 1;
            for (int i = 1; i <= 2; i++) {
                for (int k = 0; k < (i == 1 ? 3 : 1); k++) {
                    s.persist(new Item(item, "Item " + item, catalogs[i]));
                    item++;
                }
            }
            Catalog[] of = {null, catalogs[1], catalogs[2], catalogs[1], catalogs[3], null};
            for (long i = 1; i <= 5; i++) {
                s.persist(new Store(i, "Store " + i, of[(int) i]));
            }
        });
        sf.getCache().evictAllRegions();
    }
}
