package dev.eagerdsl.demo.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type and method of the library's API package ({@code dev.eagerdsl}) says since when
 * it exists: a javadoc comment with an {@code @since} block tag. (Missing comments and broken
 * references already fail the library's build through maven-javadoc-plugin; javadoc itself does
 * not require {@code @since}.)
 */
class PublicApiSinceTest {

    private static final Pattern DECLARATION =
            Pattern.compile("^\\s*public\\s.*(\\(|\\b(class|interface|enum|record)\\b).*");
    private static final Pattern SINCE = Pattern.compile("^\\s*(/\\*\\*|\\*)\\s*@since\\s+\\S+.*");

    @Test
    void everyPublicTypeAndMethodOfTheApiHasSince() throws IOException {
        Path api = Docs.ROOT.resolve("hibernate-eager-dsl/src/main/java/dev/eagerdsl");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(api)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (DECLARATION.matcher(lines.get(i)).matches() && !documented(lines, i)) {
                        missing.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertThat(missing).as("public declarations without an @since block tag in their javadoc").isEmpty();
    }

    /** Whether the declaration at {@code line} overrides, or has a javadoc comment with {@code @since}. */
    private static boolean documented(List<String> lines, int line) {
        int i = line - 1;
        while (i >= 0 && lines.get(i).trim().startsWith("@")) {
            if (lines.get(i).trim().startsWith("@Override")) {
                return true;
            }
            i--;
        }
        if (i < 0 || !lines.get(i).trim().endsWith("*/")) {
            return false;
        }
        for (int j = i; j >= 0; j--) {
            if (SINCE.matcher(lines.get(j)).matches()) {
                return true;
            }
            if (lines.get(j).trim().startsWith("/**")) {
                return false;
            }
        }
        return false;
    }
}
