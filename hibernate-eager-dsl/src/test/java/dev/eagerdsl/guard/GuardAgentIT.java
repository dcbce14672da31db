package dev.eagerdsl.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The agent jar ({@code hibernate-eager-dsl-<version>-agent.jar}, built by the shade plugin in {@code package}) in
 * child JVMs. Run by the surefire execution {@code agent-it} in {@code integration-test}, which names the jar in
 * {@code eagerdsl.agent.jar}; elsewhere (a plain {@code mvn test}) it is skipped.
 *
 * <p>The main case is a Spring Boot fat jar's: the JVM's class path holds nothing but the agent, and the application
 * with Hibernate, Byte Buddy and this library is loaded by a nested parent-first class loader ({@code NestedLauncher}).
 * Hibernate cannot start without Byte Buddy at all, so "no Byte Buddy" means: none where the agent is loaded from.
 */
class GuardAgentIT {

    private static final String JAR = System.getProperty("eagerdsl.agent.jar");
    private static final String APP = "dev.eagerdsl.guard.agentapp.AgentApp";
    private static final String INSTALLED =
            "INFO  dev.eagerdsl.LazyLoad - EAGER-106 LazyLoadGuard installed: Hibernate's lazy loading is watched (mode %s).";

    /** The application's class path: this module's classes, test classes and dependencies (not surefire's own jars). */
    private static String appClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(cp.split(File.pathSeparator)).filter(e -> !e.contains("surefire")).collect(Collectors.joining(File.pathSeparator));
    }

    private static List<String> run(String java, List<String> jvmOptions, boolean nested) throws IOException, InterruptedException {
        assumeTrue(JAR != null, "run by the agent-it execution (mvn verify), which builds the agent jar first");
        assertThat(Path.of(JAR)).exists();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.add("-Deagerdsl.test.db=h2");
        if (nested) {
            command.addAll(List.of("src/test/agent/NestedLauncher.java", appClassPath(), APP));
        } else {
            command.addAll(List.of("-cp", appClassPath(), APP));
        }
        Path out = Files.createTempFile("agent-it", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("the child JVM ends").isTrue();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        Files.delete(out);
        assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();
        return lines;
    }

    private static String java17() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void inANestedClassLoaderLikeAFatJarTheAgentJarInstrumentsHibernateAndTheGuardWarns() throws Exception {
        List<String> out = run(java17(), List.of("-javaagent:" + JAR + "=warn"), true);

        assertThat(out).contains("byte buddy on the system class path=false", "hibernate on the system class path=false",
                "installed=true", "mode=WARN");
        assertThat(out).filteredOn(l -> l.contains("EAGER-106")).containsExactly(String.format(INSTALLED, "WARN"));
        assertThat(out).anyMatch(l -> l.startsWith("WARN  dev.eagerdsl.LazyLoad - EAGER-101 Shelf.volumes lazily loaded 3 times at"
                + " Shelves.readVolumes(Shelves.java:"));
        assertThat(out).noneMatch(l -> l.startsWith("WARNING") || l.contains("Exception") || l.contains("Error"));
    }

    @Test
    void theAgentArgumentSetsTheModeAndTheSystemPropertyWinsOverIt() throws Exception {
        assertThat(run(java17(), List.of("-javaagent:" + JAR + "=strict"), true)).contains("threw EAGER-101", "mode=STRICT");

        List<String> out = run(java17(), List.of("-javaagent:" + JAR + "=strict", "-Deagerdsl.guard=warn"), true);
        assertThat(out).contains("mode=WARN").doesNotContain("threw EAGER-101");
    }

    @Test
    void onAFlatClassPathWithTheApplicationsOwnByteBuddyNothingClashes() throws Exception {
        List<String> out = run(java17(), List.of("-javaagent:" + JAR + "=warn"), false);

        assertThat(out).contains("installed before Hibernate=true", "installed=true", "mode=WARN", "byte buddy on the class path=true");
        assertThat(out).filteredOn(l -> l.contains("EAGER-106")).containsExactly(String.format(INSTALLED, "WARN"));
    }

    @Test
    void theUnusedPrefetchReportSeesReadsThroughTheAgentJarsInstrumentation() throws Exception {
        List<String> out = run(java17(), List.of("-javaagent:" + JAR + "=warn", "-Deagerdsl.guard.unused=true"), true);

        // two plans prefetch Shelf.volumes; only the second one's collections are read
        assertThat(out).filteredOn(l -> l.contains("EAGER-111")).singleElement().asString()
                .startsWith("WARN  dev.eagerdsl.LazyLoad - EAGER-111 Unused prefetch: Shelf.volumes (\"volumes\") was prefetched for 3"
                        + " owners by the plan at AgentApp.main(AgentApp.java:");
        assertThat(run(java17(), List.of("-javaagent:" + JAR + "=warn"), true)).as("off by default").noneMatch(l -> l.contains("EAGER-111"));
    }

    @Test
    void onJdk25ThereIsNoUnsafeWarning() throws Exception {
        Path jdk25 = Path.of(System.getProperty("eagerdsl.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java");
        assumeTrue(Files.isExecutable(jdk25), "JDK 25 not installed at " + jdk25);

        List<String> out = run(jdk25.toString(), List.of("-javaagent:" + JAR + "=warn"), true);

        assertThat(out).contains("installed=true");
        assertThat(out).noneMatch(l -> l.startsWith("WARNING") || l.contains("sun.misc.Unsafe"));
    }
}
