package dev.eagerdsl.demo.scenario;

import java.util.List;

/**
 * What a scenario did.
 *
 * @param scenario the scenario
 * @param naiveStatements SQL statements the naive version ran
 * @param guardLines the lines the guard logged for the naive version (logger {@code dev.eagerdsl.LazyLoad})
 * @param guardEvents the lazy loads the guard reported for the naive version
 * @param relatedStatements SQL statements the version with the plan ran
 * @param relatedGuardEvents the lazy loads the guard reported for it (0: the plan loaded everything)
 * @param explain the plan's {@code explain} lines
 * @param sameResult whether both versions produced the same output
 * @param peersStatements SQL statements the naive version ran, unchanged, with the guard in {@code FETCH_PEERS}
 *        (-1: the guard is not installed)
 * @param peersSameResult whether that run produced the same output as the naive one
 * @param naiveMillis median time of the naive version
 * @param relatedMillis median time of the version with the plan
 */
public record Outcome(Scenario scenario, int naiveStatements, List<String> guardLines, int guardEvents,
                      int relatedStatements, int relatedGuardEvents, String explain, boolean sameResult,
                      int peersStatements, boolean peersSameResult, double naiveMillis, double relatedMillis) {

    /** @return how many times faster the plan was */
    public double speedup() {
        return naiveMillis / relatedMillis;
    }
}
