package dev.clp.scoring;

import dev.clp.suite.Languages;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a shard ({@code clp.shard=i/n}) says of its gates: none is decided, since a gate decided on a slice of a
 * language would be another family than the run's; {@code clp merge} decides them all over the union of the shards.
 * The one check a shard makes itself is that it could read its answers: a language of the shard with a pair that
 * ended in an error, or with pairs none of which was answered readably on both sides, fails the shard.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ShardGates {

    private ShardGates() {
    }

    /** Why the shard could not read a language's answers (its coverage check fails), or empty. */
    public static Optional<String> unreadable(LanguageSummary s, String shard) {
        LanguageSummary.Coverage c = s.coverage();
        String head = String.format(Locale.ROOT, "[lang=%s] %s coverage in shard %s: %d of %d pairs answered readably "
                + "on both sides", s.lang(), Languages.name(s.lang()), shard, c.covered(), c.pairs());
        if (c.errors() > 0) {
            return Optional.of(head + ", " + c.errors() + " ended in an error → FAIL: this shard could not read its "
                    + "answers (the errors name the endpoint); run the shard again before clp merge");
        }
        if (c.pairs() > 0 && c.covered() == 0) {
            return Optional.of(head + " → FAIL: this shard read no answer of the language (" + c.unreadableEnglish()
                    + " English and " + c.unreadableTarget() + " " + Languages.name(s.lang()) + " answers unreadable, "
                    + c.notRun() + " not run); read the raw answers in run.json");
        }
        return Optional.empty();
    }

    /** The reason a gate of a shard is not decided, naming {@code clp merge}. */
    public static String deferred(String lang, GateResult.Kind kind, String shard) {
        return "[lang=" + lang + "] " + Languages.name(lang) + " " + kind.id() + " gate deferred to clp merge: shard "
                + shard + " ran a slice of the language; the gate is decided over every shard's pairs, in one Holm "
                + "family, by clp merge RUN_DIR...";
    }

    /** The table a shard prints instead of verdicts: per language, its pairs and accuracies, and what it checked. */
    public static String table(String model, boolean simulated, List<LanguageSummary> summaries, String shard,
            String resultsFile, Duration elapsed) {
        StringBuilder sb = new StringBuilder("clp-harness: model ").append(model).append(", shard ").append(shard);
        if (simulated) {
            sb.append("  [SIMULATED: offline simulator, not a real model; results say nothing about any model]");
        }
        sb.append('\n');
        boolean manySuites = summaries.stream().map(LanguageSummary::suite).distinct().count() > 1;
        sb.append(String.format(Locale.ROOT, "%s%-5s %-10s %5s %5s %8s %8s  %s%n",
                manySuites ? String.format(Locale.ROOT, "%-12s ", "suite") : "", "lang", "language", "pairs", "n",
                "English", "target", "gates"));
        for (LanguageSummary s : summaries) {
            GapStatistics st = s.stats();
            LanguageSummary.Coverage c = s.coverage();
            StringBuilder notes = new StringBuilder(unreadable(s, shard).isPresent() ? "SHARD FAIL" : "deferred");
            if (c.unreadableEnglish() > 0 || c.unreadableTarget() > 0 || s.errors() > 0) {
                notes.append("  ").append(c.unreadableTarget()).append(" target and ").append(c.unreadableEnglish())
                        .append(" English answers unreadable, ").append(s.errors()).append(" errors");
            }
            if (s.notRun() > 0) {
                notes.append("  ").append(s.notRun()).append(" not run (budget)");
            }
            sb.append(String.format(Locale.ROOT, "%s%-5s %-10s %5d %5d %8s %8s  %s%n",
                    manySuites ? String.format(Locale.ROOT, "%-12s ", s.suite()) : "", s.lang(),
                    Languages.name(s.lang()), s.pairs(), st.n(), SummaryTable.pct(st.firstAccuracy()),
                    SummaryTable.pct(st.secondAccuracy()),
                    notes));
        }
        sb.append("shard ").append(shard).append(": no gate is decided on a shard; clp merge RUN_DIR... decides every "
                + "gate over all the shards, in one Holm family, with the exit status a whole run would have\n");
        return SummaryTable.footer(sb, summaries, simulated, resultsFile, elapsed).toString();
    }

}
