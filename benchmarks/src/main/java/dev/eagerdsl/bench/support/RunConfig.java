package dev.eagerdsl.bench.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What {@code BenchMain} tells the forked benchmark JVMs (the PostgreSQL URL, where to write extra
 * figures), through a file rather than JVM flags: flags given to JMH would replace a benchmark's
 * own {@code @Fork(jvmArgsAppend)} (the stream's {@code -Xmx256m}).
 */
public final class RunConfig {

    private static final Path FILE = Path.of(System.getProperty("java.io.tmpdir"), "eagerdsl-bench", "run.properties");
    private static Properties loaded;

    private RunConfig() {
    }

    /**
     * @param props the settings of this run
     */
    public static synchronized void write(Properties props) {
        try {
            Files.createDirectories(FILE.getParent());
            try (Writer w = Files.newBufferedWriter(FILE)) {
                props.store(w, "written by BenchMain for its forks");
            }
            loaded = props;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param key a setting
     * @return its value: a system property if set, else the run file's
     */
    public static synchronized String get(String key) {
        String v = System.getProperty(key);
        if (v != null) {
            return v;
        }
        if (loaded == null) {
            loaded = new Properties();
            if (Files.exists(FILE)) {
                try (Reader r = Files.newBufferedReader(FILE)) {
                    loaded.load(r);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return loaded.getProperty(key);
    }

    /**
     * @param key a setting
     * @param fallback its value when neither a system property nor the run file sets it
     * @return its value
     */
    public static String getOrDefault(String key, String fallback) {
        String v = get(key);
        return v == null ? fallback : v;
    }
}
