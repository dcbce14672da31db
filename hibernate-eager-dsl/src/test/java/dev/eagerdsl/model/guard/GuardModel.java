package dev.eagerdsl.model.guard;

import dev.eagerdsl.testing.Databases;
import dev.eagerdsl.testing.SqlRecorder;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * The guard's model and data, on two factories: {@link #plain()} and {@link #batched()} (the same
 * tables read with {@code hibernate.default_batch_fetch_size=16}).
 * <ul>
 *   <li>volumes 1..200, all on shelf 1; writer of volume i is ((i - 1) % 20) + 1 (writers 1..20);</li>
 *   <li>keepers 1..4 with 2 pets each (animals 1..8), 2 visits each (checkups 1..16);</li>
 *   <li>dishes 1..4 with EAGER chefs 1, 2, 3, 1, on menus 1, 1, 2, 2;</li>
 *   <li>recipes 1..4 with an EAGER collection of 2 steps each.</li>
 * </ul>
 */
public final class GuardModel {

    public static final List<Class<?>> ENTITIES = List.of(Shelf.class, Writer.class, Volume.class, Keeper.class, Animal.class,
            Checkup.class, Chef.class, Menu.class, Dish.class, Recipe.class, Step.class);
    public static final SqlRecorder SQL = new SqlRecorder();
    public static final SqlRecorder BATCHED_SQL = new SqlRecorder();
    private static SessionFactory plain;
    private static SessionFactory batched;

    private GuardModel() {
    }

    /** @return the factory without batch fetching, seeded on first use */
    public static synchronized SessionFactory plain() {
        if (plain == null) {
            plain = build(SQL, "create-drop", null);
            seed(plain);
            Runtime.getRuntime().addShutdownHook(new Thread(plain::close));
        }
        return plain;
    }

    /** @return a factory on the same tables with {@code hibernate.default_batch_fetch_size=16} */
    public static synchronized SessionFactory batched() {
        if (batched == null) {
            plain();
            batched = build(BATCHED_SQL, "none", "16");
            Runtime.getRuntime().addShutdownHook(new Thread(batched::close));
        }
        return batched;
    }

    private static SessionFactory build(SqlRecorder recorder, String ddl, String batchSize) {
        Configuration cfg = new Configuration();
        ENTITIES.forEach(cfg::addAnnotatedClass);
        Databases.jdbc("eagerguard").forEach(cfg::setProperty);
        cfg.setProperty("hibernate.hbm2ddl.auto", ddl);
        if (batchSize != null) {
            cfg.setProperty("hibernate.default_batch_fetch_size", batchSize);
        }
        cfg.getProperties().put("hibernate.session_factory.statement_inspector", recorder);
        return cfg.buildSessionFactory();
    }

    private static void seed(SessionFactory sf) {
        sf.inTransaction(s -> {
            Shelf shelf = new Shelf(1L, "Fiction");
            s.persist(shelf);
            s.persist(new Shelf(2L, "Poetry"));
            Writer[] writers = new Writer[20];
            for (int w = 0; w < 20; w++) {
                writers[w] = new Writer(w + 1L, "Writer " + (w + 1));
                s.persist(writers[w]);
            }
            for (long v = 1; v <= 200; v++) {
                s.persist(new Volume(v, "Volume " + v, shelf, writers[(int) ((v - 1) % 20)]));
            }
            long animal = 1;
            long checkup = 1;
            for (long k = 1; k <= 4; k++) {
                Keeper keeper = new Keeper(k, "Keeper " + k);
                s.persist(keeper);
                for (int p = 0; p < 2; p++) {
                    Animal a = new Animal(animal, "Animal " + animal, keeper);
                    s.persist(a);
                    animal++;
                    for (int c = 0; c < 2; c++) {
                        s.persist(new Checkup(checkup, "Checkup " + checkup, a));
                        checkup++;
                    }
                }
            }
            Chef[] chefs = {new Chef(1L, "Ada"), new Chef(2L, "Ben"), new Chef(3L, "Cy")};
            for (Chef c : chefs) {
                s.persist(c);
            }
            Menu[] menus = {new Menu(1L, "Lunch"), new Menu(2L, "Dinner")};
            for (Menu m : menus) {
                s.persist(m);
            }
            int[] chefOf = {0, 1, 2, 0};
            for (int d = 0; d < 4; d++) {
                s.persist(new Dish(d + 1L, "Dish " + (d + 1), chefs[chefOf[d]], menus[d / 2]));
            }
            long step = 1;
            for (long r = 1; r <= 4; r++) {
                Recipe recipe = new Recipe(r, "Recipe " + r);
                s.persist(recipe);
                for (int i = 0; i < 2; i++) {
                    s.persist(new Step(step, "Step " + step, recipe));
                    step++;
                }
            }
        });
    }
}
