package dev.eagerdsl.typed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the compiler accepts: user code is compiled with javac against the library and the generated
 * metamodel of the test model.
 */
class CompileTimeRefusalTest {

    @TempDir
    Path out;

    @Test
    void chainsOfAttributesCompile() {
        List<String> errors = compile("""
                Related.select(Book_.author, Author_.publisher);
                Related.select(Book_.author).select(Book_.author, Author_.publisher);
                Related.prefetch(Course_.students, Student_.courses);
                Related.prefetch(Book_.tags).select(Book_.author).prefetch(Book_.author, Author_.awards);
                Related.select(Author_.address, Address_.city);
                """);

        assertThat(errors).isEmpty();
    }

    @Test
    void collectionGivenToSelectDoesNotCompile() {
        assertThat(compile("Related.select(Book_.tags);")).singleElement().asString()
                .contains("reference to select is ambiguous").contains("UsePrefetchForCollections");
        assertThat(compile("Related.select(Book_.author).select(Course_.students);")).singleElement().asString()
                .contains("reference to select is ambiguous").contains("UsePrefetchForCollections");
    }

    /** @return javac's error messages for {@code statements} in a method body (none when it compiles) */
    private List<String> compile(String statements) {
        String source = """
                package user;

                import dev.eagerdsl.Related;
                import dev.eagerdsl.model.*;

                class UserCode {
                    void plans() {
                %s    }
                }
                """.formatted(statements.indent(8));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-proc:none", "-d", out.toString(), "-classpath", testClassPath());
        javac.getTask(null, null, diagnostics, options, null, List.of(new Source(source))).call();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(d.getMessage(Locale.ROOT));
            }
        }
        return errors;
    }

    private static String testClassPath() {
        // surefire runs tests from a manifest-only jar; it names the real class path in this property
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String code) {
            super(URI.create("string:///user/UserCode.java"), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) throws IOException {
            return code;
        }
    }
}
