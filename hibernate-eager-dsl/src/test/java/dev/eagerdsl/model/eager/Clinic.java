package dev.eagerdsl.model.eager;

import dev.eagerdsl.testing.SqlRecorder;
import dev.eagerdsl.testing.TestDb;
import java.util.List;
import org.hibernate.SessionFactory;

/**
 * The EAGER model's factory and data: 3 cities, owners 1..10 in 3 cities, 2 pets each (pets 1..20,
 * types 1..3 with Fetch SELECT), visits by vets, vets with specialties and a mentor chain (vet 3 → 2 → 1).
 */
public final class Clinic {

    public static final SqlRecorder SQL = new SqlRecorder();
    public static final List<Class<?>> ENTITIES = List.of(Owner.class, City.class, Pet.class, PetType.class, Visit.class, Vet.class,
            Specialty.class, Toy.class);
    private static SessionFactory factory;

    private Clinic() {
    }

    public static synchronized SessionFactory factory() {
        if (factory == null) {
            factory = TestDb.build("clinic", SQL, ENTITIES);
            seed(factory);
            Runtime.getRuntime().addShutdownHook(new Thread(factory::close));
        }
        return factory;
    }

    private static void seed(SessionFactory sf) {
        sf.inTransaction(s -> {
            City[] cities = {new City(1L, "Madison"), new City(2L, "Sun Prairie"), new City(3L, "Monona")};
            for (City c : cities) s.persist(c);
            PetType[] types = {new PetType(1L, "cat"), new PetType(2L, "dog"), new PetType(3L, "bird")};
            for (PetType t : types) s.persist(t);
            Specialty[] sp = {new Specialty(1L, "radiology"), new Specialty(2L, "surgery"), new Specialty(3L, "dentistry")};
            for (Specialty x : sp) s.persist(x);
            Vet v1 = new Vet(1L, "Carter", null);
            Vet v2 = new Vet(2L, "Leary", v1);
            Vet v3 = new Vet(3L, "Douglas", v2);
            v1.getSpecialties().add(sp[0]);
            v2.getSpecialties().add(sp[1]);
            v2.getSpecialties().add(sp[2]);
            s.persist(v1); s.persist(v2); s.persist(v3);
            Toy[] toys = {new Toy(1L, "ball"), new Toy(2L, "mouse"), new Toy(3L, "bone")};
            for (Toy t : toys) s.persist(t);
            long visit = 1;
            for (long o = 1; o <= 10; o++) {
                Owner owner = new Owner(o, "Owner " + o, cities[(int) (o % 3)]);
                s.persist(owner);
                for (long p = 1; p <= 2; p++) {
                    long petId = (o - 1) * 2 + p;
                    Pet pet = new Pet(petId, "Pet " + petId, owner, types[(int) (petId % 3)]);
                    pet.getToys().add(toys[(int) (petId % 3)]);
                    s.persist(pet);
                    for (int v = 0; v < petId % 3; v++) {
                        s.persist(new Visit(visit, "visit " + visit, pet, new Vet[] {v1, v2, v3}[(int) (visit % 3)]));
                        visit++;
                    }
                }
            }
        });
    }
}
