package dev.eagerdsl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eagerdsl.bench.CountPass.Count;
import dev.eagerdsl.bench.support.Counting;
import dev.eagerdsl.bench.support.Db;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks measure what they claim: every alternative of a scenario reads the same data
 * (same checksum), with the statements and rows the report says. Runs each benchmark method once
 * on H2, as {@code --quick} and the full run's count pass do.
 */
class CountPassTest {

    private static List<Count> counts;

    @BeforeAll
    static void countEveryScenarioOnH2() throws ReflectiveOperationException {
        counts = CountPass.run(Map.of("db", List.of("h2"), "owners", List.of("1000", "10000"), "guard", List.of("none")),
                name -> !name.contains("StreamBench"));
    }

    @AfterAll
    static void close() {
        Db.closeAll();
    }

    private static Count count(String benchmark, String owners) {
        return counts.stream().filter(c -> c.benchmark().equals("dev.eagerdsl.bench." + benchmark)
                && (owners == null || owners.equals(c.params().get("owners")))).findFirst().orElseThrow();
    }

    private static long statements(String benchmark) {
        return count(benchmark, null).statements();
    }

    @Test
    void everyAlternativeOfAScenarioReadsTheSameData() {
        Map<String, List<Count>> byScenario = counts.stream().filter(c -> !c.benchmark().contains("GuardBench"))
                .collect(Collectors.groupingBy(c -> c.benchmark().substring(0, c.benchmark().lastIndexOf('.')) + c.params()));
        // (a), (a′), (b), (b′) for two owner shapes, (c), (d), (e) at 1,000 owners
        assertThat(byScenario).hasSize(9);
        byScenario.forEach((scenario, cs) -> assertThat(cs.stream().map(Count::checksum).distinct())
                .as(scenario + " " + cs).hasSize(1));
        assertThat(count("GuardBench.selectPlan", null).checksum()).isEqualTo(count("BooksAuthorBench.joinFetch", null).checksum());
        assertThat(count("GuardBench.nPlusOne", null).checksum()).isEqualTo(count("BooksAuthorBench.joinFetch", null).checksum());
        assertThat(count("GuardBench.prefetchPlan", null).checksum())
                .isEqualTo(count("CoursesStudentsBench.joinFetch", null).checksum());
    }

    @Test
    void statementsPerOperationAreTheShapesTheReportNames() {
        assertThat(statements("BooksAuthorBench.nPlusOne")).isEqualTo(1001);
        assertThat(statements("BooksAuthorBench.relatedSelect")).isEqualTo(1);
        assertThat(statements("BooksAuthorBench.rawJdbc")).isEqualTo(1);
        assertThat(statements("CoursesStudentsBench.nPlusOne")).isEqualTo(201);
        // the counts are H2's: a prefetch level takes 16 owners per statement there (1,000 on the other databases)
        assertThat(statements("CoursesStudentsBench.relatedPrefetch")).isEqualTo(1 + 13);
        assertThat(statements("CoursesStudentsBench.relatedPrefetchChunk1000")).isEqualTo(2);
        assertThat(statements("CoursesStudentsBench.batchSize16")).isEqualTo(1 + 13);
        assertThat(statements("CoursesStudentsBench.batchSize64")).isEqualTo(1 + 4);
        assertThat(statements("CoursesStudentsBench.subselect")).isEqualTo(2);
        assertThat(statements("CoursesStudentsBench.joinFetch")).isEqualTo(1);
        // root, books, tags of 2,000 books in two chunks of 1,000, awards
        // 200 authors' books and awards (13 statements each), then 2,000 books' tags (125)
        assertThat(statements("AuthorsTwoLevelsBench.relatedPrefetch")).isEqualTo(1 + 13 + 13 + 125);
        assertThat(statements("AuthorsTwoLevelsBench.rawJdbc")).isEqualTo(5);
        assertThat(statements("CategoryPageBench.relatedPrefetch")).isEqualTo(1 + 2);
        assertThat(statements("CategoryPageBench.nPlusOne")).isEqualTo(21);
        assertThat(count("ScaleBench.relatedPrefetch", "1000").statements()).isEqualTo(1 + 63);
        assertThat(count("ScaleBench.relatedPrefetch", "10000").statements()).isEqualTo(1 + 625);
        assertThat(count("ScaleBench.rawJdbc", "10000").statements()).isEqualTo(11);
    }

    @Test
    void rowsShowTheCartesianProductAndThePagedJoin() {
        assertThat(count("AuthorsTwoLevelsBench.joinFetchBoth", null).rows()).isEqualTo(200L * 10 * 5 * 20);
        assertThat(count("AuthorsTwoLevelsBench.relatedPrefetch", null).rows()).isEqualTo(200 + 2000 + 10_000 + 4000);
        assertThat(count("CategoryPageBench.relatedPrefetch", null).rows()).isEqualTo(20 + 20 * 25);
        assertThat(count("ScaleBench.relatedPrefetch", "10000").rows()).isEqualTo(10_000 + 30_000);
    }

    @Test
    void theStreamRunsInChunksOnASmallerTable() {
        StreamBench stream = new StreamBench();
        stream.db = "h2";
        stream.owners = 5000;
        stream.setup();
        Counting.start();
        long checksum = stream.relatedStream();
        long[] c = Counting.stop();
        ScaleBench scale = new ScaleBench();
        scale.db = "h2";
        scale.owners = 5000;
        scale.setup();
        assertThat(checksum).isEqualTo(scale.joinFetch());
        // five pages of 1,000 roots, each with its prefetch (63 statements of at most 16 owners on H2), and the empty sixth page
        assertThat(c[0]).isEqualTo(5 * (1 + 63) + 1);
    }
}
