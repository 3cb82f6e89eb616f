package dev.clp.scoring;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A gate's final outcome: its verdict, whether it fails the build, and the message that says why, with the figures
 * and, for every failure a setting can allow, the key that allows it. The engine maps it onto a test result; the
 * run record writes it to {@code gates.json}. Decided in one place ({@link RunGates}), so the engine, the reports and
 * a merge of shards cannot disagree.
 *
 * @param kind which gate
 * @param verdict PASS, FAIL, INCONCLUSIVE or NO_DATA (a coverage gate is PASS or FAIL)
 * @param fails whether it fails the build
 * @param underpowered an INCONCLUSIVE gate on a suite too small to detect its threshold
 * @param message one line, starting with {@code [lang=xx]}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GateResult(Kind kind, Verdict verdict, boolean fails, boolean underpowered, String message) {

    /** The gates of a language. */
    public enum Kind {
        /** Share of the pairs with a readable answer on both sides ({@code [gate:coverage]}). */
        COVERAGE,
        /** English minus target accuracy ({@code [gate:gap]}). */
        GAP,
        /** Baseline minus candidate target accuracy ({@code [gate:regression]}). */
        REGRESSION;

        /** The unique-id segment value and the name in {@code gates.json}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
