package dev.eagerdsl.demo.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The documentation as test data: the Markdown pages (README.md and docs/*.md) and the code
 * snippets of the tests they show. A page marks a code block with {@code <!-- example: name -->}
 * (the Java between {@code // docs:begin name} and {@code // docs:end name} in a test or demo
 * source) or {@code <!-- sql: name -->} (the SQL that example ran, compared ignoring line breaks).
 */
final class Docs {

    /** The repository root (surefire runs in demo-app/). */
    static final Path ROOT = Path.of(System.getProperty("eagerdsl.repo.root", "..")).toAbsolutePath().normalize();

    private static final Pattern BLOCK =
            Pattern.compile("<!-- (example|sql|output): ([\\w.-]+) -->\\s*\\n```(\\w*)\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern BEGIN = Pattern.compile("^\\s*// docs:begin ([\\w.-]+)\\s*$");

    private Docs() {
    }

    /** A marked block of a page. */
    record Block(Path page, String kind, String name, String language, String text) {
    }

    /** @return README.md and every page under docs/ */
    static List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** @return every marked block of every page */
    static List<Block> blocks() {
        List<Block> out = new ArrayList<>();
        for (Path page : pages()) {
            if (!Files.exists(page)) {
                continue;
            }
            Matcher m = BLOCK.matcher(read(page));
            while (m.find()) {
                out.add(new Block(page, m.group(1), m.group(2), m.group(3), m.group(4)));
            }
        }
        return out;
    }

    /**
     * @return the snippets of every module's main and test sources (demo-app, and the modules that
     *     docs/typed-paths.md, docs/junit.md and docs/spring-boot.md show), by name, dedented
     */
    static Map<String, String> snippets() {
        Map<String, String> out = new LinkedHashMap<>();
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            modules.filter(m -> Files.exists(m.resolve("pom.xml"))).sorted().forEach(m -> {
                dirs.add(m.resolve("src/main/java"));
                dirs.add(m.resolve("src/test/java"));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> collect(p, out));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static void collect(Path source, Map<String, String> out) {
        List<String> lines = read(source).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = BEGIN.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1);
            List<String> body = new ArrayList<>();
            int j = i + 1;
            while (!lines.get(j).trim().equals("// docs:end " + name)) {
                body.add(lines.get(j++));
            }
            if (out.put(name, dedent(body)) != null) {
                throw new IllegalStateException("Snippet '" + name + "' is defined twice (second in " + source + ")");
            }
        }
    }

    private static String dedent(List<String> body) {
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String l : body) {
            sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /**
     * Checks that the page's {@code <!-- sql: name -->} block shows exactly these statements.
     *
     * @param name the block's name
     * @param statements the statements the example ran, in order
     */
    static void assertSql(String name, List<String> statements) {
        write("docs-sql/" + name + ".sql", formatSql(statements));
        if (!DocsDb.isH2()) {
            return; // the pages show H2's SQL; on PostgreSQL the counts are asserted, not the text
        }
        Block block = blocks().stream().filter(b -> b.kind().equals("sql") && b.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No <!-- sql: " + name + " --> block in the docs. It should be:\n"
                        + formatSql(statements)));
        assertThat(normalize(block.text()))
                .as("%s shows SQL that the example no longer runs; replace the block with:%n%s", block.page(),
                        formatSql(statements))
                .isEqualTo(normalize(String.join(";\n", statements) + ";"));
    }

    /**
     * Checks that the page's {@code <!-- output: name -->} block shows exactly this text.
     *
     * @param name the block's name
     * @param output what the example printed or returned
     */
    static void assertOutput(String name, String output) {
        write("docs-output/" + name + ".txt", output);
        Block block = blocks().stream().filter(b -> b.kind().equals("output") && b.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No <!-- output: " + name + " --> block in the docs. It should be:\n"
                        + output));
        assertThat(block.text()).as("%s: the output block '%s' is stale", block.page(), name).isEqualTo(output);
    }

    /** Lays statements out for a page: a line break before each clause, a {@code ;} after each statement. */
    static String formatSql(List<String> statements) {
        StringBuilder sb = new StringBuilder();
        for (String sql : statements) {
            sb.append(sql.replaceAll(" (from|left join|join|where|order by|fetch first|offset) ", "\n$1 ")).append(";\n");
        }
        return sb.toString().stripTrailing();
    }

    private static String normalize(String sql) {
        return sql.replaceAll("\\s+", " ").trim();
    }

    /** Keeps what the examples ran under target/, to paste into a page. */
    private static void write(String file, String text) {
        try {
            Path p = Path.of("target", file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
