package dev.eagerdsl.demo.dao;

import dev.eagerdsl.demo.model.Author;
import dev.eagerdsl.demo.model.Book;
import dev.eagerdsl.demo.model.Category;
import dev.eagerdsl.demo.model.Course;
import dev.eagerdsl.demo.model.Lesson;
import dev.eagerdsl.demo.model.Product;
import dev.eagerdsl.demo.model.Student;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Seeds the demo's data set through the DAOs, the same every run (fixed random seed): every author
 * has at least one book, every course some students and lessons, every category some products.
 */
public final class Seeder {

    /** How many rows of each kind the seed writes. */
    public record Counts(int authors, int books, int courses, int lessons, int students, int enrolments,
                         int categories, int products) {
        /** @return every row, join-table rows included */
        public int rows() {
            return authors + books + courses + lessons + students + enrolments + categories + products;
        }
    }

    /** How many rows {@link #seed} writes (join-table rows included), for progress bars. */
    public static final int ROWS = 7_270;

    private static final String[] FIRST = {"Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Margaret", "Niklaus",
        "Frances", "Ken", "Radia", "Dennis", "Shafi", "Tony", "Leslie", "John", "Adele", "Butler", "Sophie", "Guido",
        "Karen", "Bjarne", "Hedy", "James", "Jean", "Linus", "Mary", "Peter", "Ruth", "Yukihiro"};
    private static final String[] LAST = {"Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Hamilton",
        "Wirth", "Allen", "Thompson", "Perlman", "Ritchie", "Goldwasser", "Hoare", "Lamport", "Backus", "Goldberg",
        "Lampson", "Wilson", "van Rossum", "Jones", "Stroustrup", "Lamarr", "Gosling", "Sammet", "Torvalds", "Keller",
        "Naur", "Teitelbaum", "Matsumoto"};
    private static final String[] COUNTRIES = {"UK", "US", "NL", "CH", "DK", "CA", "JP", "FR", "DE", "FI"};
    private static final String[] TITLE_A = {"Silent", "Hidden", "Last", "Quiet", "Broken", "Golden", "Distant",
        "Burning", "Secret", "Winter", "Lost", "Northern", "Paper", "Glass", "Iron", "Patient"};
    private static final String[] TITLE_B = {"Garden", "River", "Algorithm", "Compiler", "Harbour", "Letters",
        "Machine", "Orchard", "Protocol", "Kingdom", "Lighthouse", "Proof", "Archive", "Engine", "Island", "Theorem"};
    private static final String[] SUBJECTS = {"Algebra", "Databases", "Organic Chemistry", "Statistics", "Compilers",
        "Operating Systems", "Linear Algebra", "Microeconomics", "Genetics", "Thermodynamics", "Philosophy of Mind",
        "Art History", "Cryptography", "Distributed Systems", "Number Theory", "Astrophysics", "Ecology",
        "Machine Learning", "Music Theory", "Logic"};
    private static final String[][] CATEGORIES = {
        {"Electronics", "Phones, laptops and everything with a battery", "Smartphone", "Laptop", "Earbuds", "Tablet"},
        {"Books", "Fiction, non-fiction and comics", "Novel", "Cookbook", "Atlas", "Comic"},
        {"Garden", "For the green-fingered", "Hose", "Rake", "Planter", "Seed kit"},
        {"Kitchen", "Pans, knives and gadgets", "Frying pan", "Chef knife", "Kettle", "Blender"},
        {"Toys", "For ages 0 to 99", "Puzzle", "Kite", "Building set", "Plush bear"},
        {"Sports", "Gear for every game", "Football", "Tennis racket", "Yoga mat", "Dumbbell"},
        {"Music", "Instruments and accessories", "Ukulele", "Guitar strings", "Metronome", "Keyboard"},
        {"Office", "Desks, chairs and paper", "Notebook", "Desk lamp", "Stapler", "Office chair"},
        {"Pets", "Food and toys for pets", "Cat tree", "Dog leash", "Aquarium", "Bird feeder"},
        {"Beauty", "Skin, hair and nails", "Face cream", "Shampoo", "Hair dryer", "Perfume"},
        {"Automotive", "Parts and care for cars", "Car wax", "Jump starter", "Floor mat", "Dash cam"},
        {"Outdoors", "Camping and hiking", "Tent", "Sleeping bag", "Headlamp", "Backpack"},
        {"Health", "Everyday health", "Thermometer", "First aid kit", "Vitamin D", "Scale"},
        {"Baby", "For the smallest", "Stroller", "Bottle", "Baby monitor", "Car seat"},
        {"Grocery", "Pantry staples", "Olive oil", "Coffee beans", "Green tea", "Pasta"},
        {"Jewelry", "Rings, chains and watches", "Ring", "Necklace", "Watch", "Earrings"},
        {"Shoes", "For every step", "Running shoe", "Boot", "Sandal", "Sneaker"},
        {"Tools", "Hand and power tools", "Drill", "Hammer", "Screwdriver set", "Saw"},
        {"Games", "Board and video games", "Board game", "Card game", "Controller", "Chess set"},
        {"Travel", "Bags and accessories", "Suitcase", "Travel pillow", "Adapter", "Passport wallet"},
        {"Art supplies", "Paint, brushes and paper", "Watercolours", "Brush set", "Sketchbook", "Easel"},
        {"Photography", "Cameras and lenses", "Camera", "Tripod", "Lens", "Memory card"},
        {"Furniture", "Tables, sofas and shelves", "Bookshelf", "Sofa", "Dining table", "Stool"},
        {"Lighting", "Lamps and bulbs", "Floor lamp", "LED bulb", "Fairy lights", "Ceiling light"},
    };
    private static final String[] BRANDS = {"Aurora", "Nimbus", "Vertex", "Orbit", "Lumen", "Atlas", "Pioneer", "Zephyr"};

    private final SessionFactory factory;

    public Seeder(SessionFactory factory) {
        this.factory = factory;
    }

    /**
     * Writes the data set.
     *
     * @param progress called with the number of rows written so far, from time to time
     * @return what was written
     */
    public Counts seed(IntConsumer progress) {
        Random random = new Random(42);
        int[] written = {0};
        Runnable step = () -> {
            if (++written[0] % 250 == 0) {
                progress.accept(written[0]);
            }
        };
        try (Session s = factory.openSession()) {
            s.beginTransaction();
            AuthorDao authors = new AuthorDao(s);
            BookDao books = new BookDao(s);
            CourseDao courses = new CourseDao(s);
            StudentDao students = new StudentDao(s);
            CategoryDao categories = new CategoryDao(s);
            ProductDao products = new ProductDao(s);

            List<Author> authorList = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                Author a = new Author((long) i + 1, FIRST[i % FIRST.length] + " " + LAST[(i * 7 + i / FIRST.length) % LAST.length],
                        COUNTRIES[i % COUNTRIES.length]);
                authors.save(a);
                authorList.add(a);
                step.run();
            }
            for (int i = 0; i < 2_000; i++) {
                Author a = i < authorList.size() ? authorList.get(i) : authorList.get(random.nextInt(authorList.size()));
                String title = "The " + TITLE_A[random.nextInt(TITLE_A.length)] + " " + TITLE_B[random.nextInt(TITLE_B.length)];
                books.save(new Book((long) i + 1, title, 1950 + random.nextInt(75),
                        BigDecimal.valueOf(499 + random.nextInt(4000), 2), a));
                step.run();
                flushEvery(s, written[0]);
            }
            List<Student> studentList = new ArrayList<>();
            for (int i = 0; i < 1_200; i++) {
                Student st = new Student((long) i + 1, FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)],
                        random.nextInt(5) != 0);
                students.save(st);
                studentList.add(st);
                step.run();
                flushEvery(s, written[0]);
            }
            LessonDao lessons = new LessonDao(s);
            int enrolments = 0;
            long lessonId = 1;
            for (int i = 0; i < 60; i++) {
                String level = i < SUBJECTS.length ? " I" : i < 2 * SUBJECTS.length ? " II" : " III";
                Course c = new Course((long) i + 1, SUBJECTS[i % SUBJECTS.length] + level);
                int size = 10 + random.nextInt(41);
                List<Student> pool = new ArrayList<>(studentList);
                for (int k = 0; k < size; k++) {
                    Student st = pool.remove(random.nextInt(pool.size()));
                    c.getStudents().add(st);
                    st.getCourses().add(c);
                    enrolments++;
                    step.run();
                }
                courses.save(c);
                step.run();
                int weeks = 8 + random.nextInt(9);
                for (int week = 1; week <= weeks; week++) {
                    Lesson lesson = new Lesson(lessonId++, SUBJECTS[i % SUBJECTS.length] + ", week " + week, week, c);
                    lessons.save(lesson);
                    c.getLessons().add(lesson);
                    step.run();
                }
                flushEvery(s, written[0]);
            }
            long productId = 1;
            for (int i = 0; i < CATEGORIES.length; i++) {
                String[] row = CATEGORIES[i];
                Category c = new Category((long) i + 1, row[0], row[1]);
                categories.save(c);
                step.run();
                int size = 20 + random.nextInt(81);
                for (int k = 0; k < size; k++) {
                    String noun = row[2 + random.nextInt(row.length - 2)];
                    String name = BRANDS[random.nextInt(BRANDS.length)] + " " + noun + " " + (char) ('A' + random.nextInt(26)) + (1 + random.nextInt(9));
                    Product p = new Product(productId++, name, noun + " from our " + row[0].toLowerCase() + " range",
                            BigDecimal.valueOf(199 + random.nextInt(99_800), 2), random.nextInt(500), c);
                    products.save(p);
                    c.getProducts().add(p);
                    step.run();
                    flushEvery(s, written[0]);
                }
            }
            s.getTransaction().commit();
            progress.accept(written[0]);
            return new Counts(authorList.size(), 2_000, 60, (int) lessonId - 1, studentList.size(), enrolments, CATEGORIES.length,
                    (int) productId - 1);
        }
    }

    private static void flushEvery(Session s, int written) {
        if (written % 1_000 == 0) {
            s.flush();
        }
    }
}
