package dev.eagerdsl.bench.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** Figures a benchmark measures beside time (peak heap), appended as JSON lines to the run's extra file. */
public final class Extra {

    /** The run setting naming the file. */
    public static final String FILE = "bench.extra";

    private Extra() {
    }

    /**
     * @param benchmark the benchmark's full name
     * @param db the database
     * @param metric what was measured
     * @param value its value
     */
    public static synchronized void record(String benchmark, String db, String metric, double value) {
        String file = RunConfig.get(FILE);
        if (file == null) {
            return;
        }
        String line = String.format(Locale.ROOT, "{\"benchmark\":\"%s\",\"db\":\"%s\",\"metric\":\"%s\",\"value\":%.3f}%n",
                benchmark, db, metric, value);
        try {
            Files.writeString(Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
