package dev.eagerdsl.testing;

import dev.eagerdsl.model.*;
import org.hibernate.SessionFactory;

/**
 * The seeded data every test reads (never modifies without rolling back).
 *
 * <ul>
 *   <li>Publishers 1, 2; Authors 1..4 (author 4 has no publisher; authors 1, 2 live in cities);
 *       Books 1..10 (book 10 has no author), Tags 1..5, Reviews, Awards.</li>
 *   <li>Teachers 1..3; Courses 1..4 (course 4 has no teacher and no students); Students 1..6.</li>
 *   <li>Categories 1..3 (3 is empty); Products 1..8 (product 4 discontinued).</li>
 *   <li>Employees: 1 (boss of 2, 3), 2 (boss of 4), 3, 4, 5 (alone).</li>
 *   <li>Playlists 1, 2 with ordered Songs; Animals: Dogs 1, 2 with Toys, Cat 3; Vehicles: Cars 1, 2, Truck 3;
 *       PurchaseOrders (composite keys) with lines; Persons with Passports.</li>
 * </ul>
 */
public final class Fixtures {

    private Fixtures() {
    }

    static void seed(SessionFactory sf) {
        sf.inTransaction(s -> {
            Publisher p1 = new Publisher(1L, "Penguin");
            Publisher p2 = new Publisher(2L, "Vintage");
            City c1 = new City(1L, "Lisbon");
            City c2 = new City(2L, "Porto");
            persist(s, p1, p2, c1, c2);
            Author a1 = new Author(1L, "Ada", p1, new Address("Rua A", c1));
            Author a2 = new Author(2L, "Borges", p2, new Address("Rua B", c2));
            Author a3 = new Author(3L, "Calvino", p1, new Address("Via C", null));
            Author a4 = new Author(4L, "Duras", null, null);
            persist(s, a1, a2, a3, a4);
            Tag[] tags = new Tag[6];
            for (int i = 1; i <= 5; i++) {
                tags[i] = new Tag((long) i, "tag" + i);
                s.persist(tags[i]);
            }
            Author[] byBook = {null, a1, a1, a1, a2, a2, a3, a3, a3, a4, null};
            long reviewId = 1;
            for (int i = 1; i <= 10; i++) {
                Book b = new Book((long) i, "Book " + i, i * 10, byBook[i]);
                for (int t = 1; t <= 5; t++) {
                    if ((i + t) % 3 == 0) {
                        b.getTags().add(tags[t]);
                    }
                }
                s.persist(b);
                for (int r = 0; r < i % 4; r++) {
                    s.persist(new Review(reviewId++, 1 + (i + r) % 5, b));
                }
            }
            a1.getAwards().add(new Award(1L, "Nobel", a1));
            a1.getAwards().add(new Award(2L, "Booker", a1));
            a3.getAwards().add(new Award(3L, "Strega", a3));

            Teacher t1 = new Teacher(1L, "Turing");
            Teacher t2 = new Teacher(2L, "Hopper");
            Teacher t3 = new Teacher(3L, "Knuth");
            t1.getSubjects().addAll(java.util.List.of("logic", "machines"));
            t2.getSubjects().add("compilers");
            persist(s, t1, t2, t3);
            Student[] st = new Student[7];
            String[] names = {null, "Zoe", "Yann", "Xia", "Wim", "Vera", "Uma"};
            for (int i = 1; i <= 6; i++) {
                st[i] = new Student((long) i, names[i], i % 2 == 1, 1 + i % 3, i <= 4 ? (i % 2 == 0 ? t1 : t2) : null);
                s.persist(st[i]);
            }
            Course co1 = new Course(1L, "Algorithms", t1);
            Course co2 = new Course(2L, "Compilers", t2);
            Course co3 = new Course(3L, "Databases", t1);
            Course co4 = new Course(4L, "Empty", null);
            co1.getStudents().add(st[1]);
            co1.getStudents().add(st[2]);
            co1.getStudents().add(st[3]);
            co2.getStudents().add(st[2]);
            co2.getStudents().add(st[4]);
            co2.getStudents().add(st[5]);
            co3.getStudents().add(st[1]);
            co3.getStudents().add(st[6]);
            persist(s, co1, co2, co3, co4);

            Category cat1 = new Category(1L, "Electronics");
            Category cat2 = new Category(2L, "Books");
            Category cat3 = new Category(3L, "Empty");
            persist(s, cat1, cat2, cat3);
            for (int i = 1; i <= 8; i++) {
                s.persist(new Product((long) i, "SKU-" + i, "Product " + i, i * 100, i == 4, i <= 5 ? cat1 : cat2));
            }

            Employee e1 = new Employee(1L, "Boss", null);
            Employee e2 = new Employee(2L, "Mid", e1);
            Employee e3 = new Employee(3L, "Serf A", e1);
            Employee e4 = new Employee(4L, "Serf B", e2);
            Employee e5 = new Employee(5L, "Loner", null);
            persist(s, e1, e2, e3, e4, e5);

            Song[] songs = new Song[5];
            for (int i = 1; i <= 4; i++) {
                songs[i] = new Song((long) i, "Song " + i);
                s.persist(songs[i]);
            }
            Playlist pl1 = new Playlist(1L, "Mix");
            pl1.getSongs().add(songs[3]);
            pl1.getSongs().add(songs[1]);
            pl1.getSongs().add(songs[4]);
            Playlist pl2 = new Playlist(2L, "Short");
            pl2.getSongs().add(songs[2]);
            persist(s, pl1, pl2);

            Shelter sh = new Shelter(1L, "North");
            s.persist(sh);
            Dog d1 = new Dog(1L, "Rex", sh);
            Dog d2 = new Dog(2L, "Fido", null);
            Cat cat = new Cat(3L, "Tom", sh);
            persist(s, d1, d2, cat);
            persist(s, new Toy(1L, "Ball", d1), new Toy(2L, "Bone", d1), new Toy(3L, "Rope", d2));

            Driver dr1 = new Driver(1L, "Niki");
            Driver dr2 = new Driver(2L, "Ayrton");
            persist(s, dr1, dr2);
            persist(s, new Car(1L, "AA-01", dr1), new Car(2L, "BB-02", dr2), new Truck(3L, "TT-03", 6));

            PurchaseOrder o1 = new PurchaseOrder(new OrderKey("EU", 1), "Acme", c1);
            PurchaseOrder o2 = new PurchaseOrder(new OrderKey("EU", 2), "Globex", c2);
            PurchaseOrder o3 = new PurchaseOrder(new OrderKey("US", 1), "Initech", null);
            persist(s, o1, o2, o3);
            persist(s, new OrderLine(1L, "bolts", o1), new OrderLine(2L, "nuts", o1), new OrderLine(3L, "gears", o2));

            Passport pa1 = new Passport(1L, "P-1");
            Passport pa2 = new Passport(2L, "P-2");
            persist(s, pa1, pa2);
            persist(s, new Person(1L, "Ana", pa1), new Person(2L, "Rui", pa2), new Person(3L, "Eva", null));
        });
    }

    private static void persist(org.hibernate.Session s, Object... entities) {
        for (Object e : entities) {
            s.persist(e);
        }
    }
}
