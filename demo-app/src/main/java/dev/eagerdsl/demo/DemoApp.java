package dev.eagerdsl.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.demo.dao.CategoryDao;
import dev.eagerdsl.demo.dao.ProductDao;
import dev.eagerdsl.demo.dao.Seeder;
import dev.eagerdsl.demo.db.Database;
import dev.eagerdsl.demo.json.Json;
import dev.eagerdsl.demo.scenario.Outcome;
import dev.eagerdsl.demo.scenario.Runner;
import dev.eagerdsl.demo.scenario.Scenario;
import dev.eagerdsl.demo.scenario.Scenarios;
import dev.eagerdsl.demo.scenario.SerializerMistake;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The demo: the seed's scenarios, each first as a naive DAO call (statements counted, the guard's
 * warning shown), then with a {@code Related} plan (statements, {@code explain}, time ratio); then
 * the seed's serializer mistake and the right way.
 *
 * <p>Run it from the repository root: {@code mvn -q -B -pl demo-app -am -DskipTests -Pdemo package}.
 */
public final class DemoApp {

    private static final PrintStream OUT = System.out;
    private static final String INDENT = "            ";
    private static final int TIMED_RUNS = 11;
    private static final int WIDTH = 104;

    private DemoApp() {
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        String db = System.getProperty("demo.db", "h2");
        OUT.println("hibernate-eager-dsl demo: Django's select_related / prefetch_related for Hibernate, and the N+1 guard");
        OUT.print("Starting " + (db.equals("h2") ? "H2" : db.equals("postgres") ? "an embedded PostgreSQL" : db)
                + " and Hibernate ... ");
        OUT.flush();
        boolean guard = LazyLoadGuard.install();
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.WARN);
        try (Database database = Database.fromSystemProperties()) {
            OUT.println("done: " + database.describe() + ", Hibernate ORM " + org.hibernate.Version.getVersionString()
                    + ", LazyLoadGuard " + (guard ? LazyLoadGuard.mode() : "NOT INSTALLED (install() returned false)"));
            OUT.println();

            OUT.print("Seeding through the DAOs ");
            long start = System.nanoTime();
            Progress progress = new Progress(OUT, Seeder.ROWS);
            Seeder.Counts counts = new Seeder(database.factory()).seed(progress);
            progress.finish();
            OUT.printf(" %,d rows in %.1f s%n", counts.rows(), (System.nanoTime() - start) / 1e9);
            OUT.printf("  %,d authors, %,d books, %,d courses, %,d lessons, %,d students, %,d enrolments, %,d categories,"
                    + " %,d products%n%n", counts.authors(), counts.books(), counts.courses(), counts.lessons(),
                    counts.students(), counts.enrolments(), counts.categories(), counts.products());

            Runner runner = new Runner(database, TIMED_RUNS);
            int n = 1;
            for (Scenario scenario : Scenarios.all()) {
                print(n++, runner.run(scenario), guard);
            }
            printSerializer(n, SerializerMistake.run(runner));
        }
        if (db.equals("h2")) {
            OUT.println("H2 runs inside this JVM, so each extra statement costs microseconds; over a network each one is a");
            OUT.println("round trip. See the gap grow on PostgreSQL: add -Ddemo.db=postgres to the command.");
        }
        OUT.println("Next: README.md, then docs/getting-started.md.");
    }

    private static void print(int n, Outcome o, boolean guard) {
        Scenario s = o.scenario();
        OUT.printf("%d. %s - %s%n   Django: %s%n", n, s.title(), s.shape(), s.django());
        OUT.printf("   naive    %s%n", s.naiveCode());
        OUT.printf("%s%s%n", INDENT, statements(o.naiveStatements()));
        if (!guard) {
            OUT.printf("%sguard: not active (LazyLoadGuard.install() returned false), so no warning line%n", INDENT);
        } else if (o.guardLines().isEmpty()) {
            OUT.printf("%sguard: %d lazy loads reported, no line logged%n", INDENT, o.guardEvents());
        }
        for (String line : o.guardLines()) {
            OUT.printf("%sguard: %s%n", INDENT, line);
        }
        if (o.peersStatements() >= 0) {
            OUT.printf("   peers    the same naive code, guard in FETCH_PEERS (eagerdsl.guard=fetch_peers, no code change)%n");
            OUT.printf("%s%s, %s%n", INDENT, statements(o.peersStatements()), o.peersSameResult() ? "same result" : "A DIFFERENT RESULT");
        }
        OUT.printf("   Related  %s, with %s%n", s.relatedCode(), s.plan());
        OUT.printf("%s%s, %s, %s; explain:%n", INDENT, statements(o.relatedStatements()),
                o.sameResult() ? "same result" : "A DIFFERENT RESULT",
                o.relatedGuardEvents() == 0 ? "no lazy load" : o.relatedGuardEvents() + " lazy loads");
        for (String line : o.explain().split("\n")) {
            OUT.printf("%s  %s%n", INDENT, line);
        }
        OUT.printf("   time     naive %.1f ms, Related %.1f ms: %s (median of %d runs)%n%n",
                o.naiveMillis(), o.relatedMillis(), ratio(o.speedup()), TIMED_RUNS);
    }

    private static void printSerializer(int n, SerializerMistake.Result r) {
        OUT.printf("%d. The seed's serializer mistake, and the right way%n", n);
        OUT.printf("   Django: CategorySerializer(Product.objects.select_related('category'))   wrong%n");
        OUT.printf("           CategorySerializer(Category.objects.prefetch_related('products'), many=True)   right%n");
        OUT.printf("   wrong    %s, with %s%n", SerializerMistake.WRONG_CODE, ProductDao.WITH_CATEGORY);
        say(statements(r.wrongStatements()) + ", efficient, but it loads products, each with its one category: "
                + "select_related follows product -> category, it cannot nest products under categories. "
                + "The category serializer is handed products; it compiles, then fails:");
        say(INDENT + "  ", r.wrongError() == null ? "(it did not fail: check the serializers)" : r.wrongError());
        OUT.printf("   right    %s, with %s%n", SerializerMistake.RIGHT_CODE, CategoryDao.WITH_PRODUCTS);
        int products = 0;
        for (JsonNode c : r.right()) {
            products += c.get("products").size();
        }
        say(String.format("%s: %d categories, %,d products nested under them:", statements(r.rightStatements()),
                r.right().size(), products));
        for (String line : pretty(trim(r.right())).split("\n")) {
            OUT.printf("%s  %s%n", INDENT, line);
        }
        OUT.println();
    }

    /** Prints text indented, wrapped at {@link #WIDTH} columns. */
    private static void say(String text) {
        say(INDENT, text);
    }

    private static void say(String indent, String text) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                OUT.println(line);
                line = new StringBuilder(indent);
            }
            line.append(line.length() > indent.length() ? " " : "").append(word);
        }
        OUT.println(line);
    }

    /** The first category with its first two products, the rest summed up. */
    private static JsonNode trim(JsonNode categories) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        ObjectNode first = categories.get(0).deepCopy();
        ArrayNode products = (ArrayNode) first.get("products");
        int more = products.size() - 2;
        while (products.size() > 2) {
            products.remove(products.size() - 1);
        }
        products.add("... " + more + " more products");
        out.add(first);
        out.add("... " + (categories.size() - 1) + " more categories");
        return out;
    }

    private static String pretty(JsonNode node) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (Exception e) {
            return node.toString();
        }
    }

    private static String ratio(double speedup) {
        return speedup >= 1 ? String.format("%.1fx faster", speedup) : String.format("%.1fx slower", 1 / speedup);
    }

    private static String statements(int n) {
        return n + (n == 1 ? " SQL statement" : " SQL statements");
    }
}
