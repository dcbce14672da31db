package dev.eagerdsl.demo;

import java.io.PrintStream;
import java.util.function.IntConsumer;

/**
 * A progress bar that only grows (no carriage returns), so it reads the same in a terminal, through
 * Maven and in a log file.
 */
final class Progress implements IntConsumer {

    private static final int WIDTH = 40;

    private final PrintStream out;
    private final int total;
    private int drawn;

    Progress(PrintStream out, int total) {
        this.out = out;
        this.total = total;
        out.print("[");
        out.flush();
    }

    @Override
    public void accept(int done) {
        int target = (int) Math.min(WIDTH, (long) done * WIDTH / total);
        if (target > drawn) {
            out.print("#".repeat(target - drawn));
            out.flush();
            drawn = target;
        }
    }

    void finish() {
        accept(total);
        out.print("]");
    }
}
