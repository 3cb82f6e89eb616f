package dev.clp.probes.sim;

import dev.clp.suite.Pair;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * What the generator's simulation made defective, recorded when it made it (the injected truth): every distraction it
 * wrote and every translation it gave, each with the fault it put in, if any. A pair is then graded by looking up its
 * texts in this record, not by reading marks in them: the checks under test and the grader share nothing.
 *
 * <p>The record is per JVM and bounded ({@value #LIMIT} texts); a pair whose texts it does not hold (answers replayed
 * from a checkpoint written by another process, or a record that was full) is graded {@link Grade#UNKNOWN}, never
 * sound.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class GroundTruth {

    /** What the record says of a pair. */
    public enum Grade {
        SOUND, DEFECTIVE, UNKNOWN
    }

    /** A pair's grade and, when defective, what is wrong. */
    public record Verdict(Grade grade, Optional<String> defect) {
    }

    static final String SOUND = "";
    /** Defects, as the grader names them. */
    static final String GIVES_AWAY = "gives the answer away";
    static final String UNTRANSLATED = "text left untranslated";
    static final String PARTIAL = "sentence left untranslated";
    static final String AMPLIFIED = "translation says more than the English";
    static final String MOVED = "right option moved in translation";
    static final String ANSWER_MISMATCH = "translated answer matches no option";

    /** What the simulated reading call did with a panel answer ({@link Reading#fault}). */
    public static final String MISREAD = "misread: another option's text";
    public static final String UNDECODABLE = "undecodable output";
    public static final String NOT_VERBATIM = "the option's text, not verbatim";
    public static final String NO_OPTION = "the answer states no option";

    /**
     * One reading of a panel answer by the simulated reading call of the published path.
     *
     * @param reply the panel model's reply, as read
     * @param choices the options the reading call was given
     * @param chosen the option the simulated panel chose when it wrote the reply (the truth), if recorded
     * @param stated the option the reading call found the reply states, from its words, if any
     * @param fault what the reading call then did: "" (returned {@code stated}), {@link #MISREAD},
     *     {@link #UNDECODABLE}, {@link #NOT_VERBATIM} or {@link #NO_OPTION}
     * @param returned the {@code final_answer} text its output carries; empty when the output cannot be decoded
     */
    @API(status = API.Status.INTERNAL, since = "0.1")
    public record Reading(String reply, List<String> choices, Optional<String> chosen, Optional<String> stated,
            String fault, Optional<String> returned) {
    }

    private static final int LIMIT = 2_000_000;
    /** The panel's free-text answers on the published path: the reply and its options, to the option chosen. */
    private static final Map<List<String>, String> ANSWERS = new ConcurrentHashMap<>();
    /** The readings of the published path, by the options read against. */
    private static final Map<List<String>, List<Reading>> READINGS = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicInteger READ_COUNT = new java.util.concurrent.atomic.AtomicInteger();
    private static final Map<String, String> DISTRACTIONS = new ConcurrentHashMap<>();
    private static final Map<String, String> TRANSLATIONS = new ConcurrentHashMap<>();
    /** Translated options: the English options they came from, in the order translated, and a fault if any. */
    private static final Map<List<String>, Options> OPTIONS = new ConcurrentHashMap<>();

    private record Options(List<String> english, String fault) {
    }

    /** Translated options whose answer, translated with them for the reference, matched none of them. */
    private static final java.util.Set<List<String>> MISMATCHED = ConcurrentHashMap.newKeySet();

    static void answerMismatch(List<String> translated) {
        if (MISMATCHED.size() < LIMIT) {
            MISMATCHED.add(translated.stream().map(String::strip).toList());
        }
    }

    /** The judge's verdicts against the record: [giveaways caught, giveaways judged, false alarms, sound judged]. */
    private static final java.util.concurrent.atomic.AtomicLongArray JUDGED = new java.util.concurrent.atomic.AtomicLongArray(4);

    private GroundTruth() {
    }

    /** Records the option a simulated panel model chose when it wrote {@code reply} to the published answer prompt. */
    static void answered(String reply, List<String> choices, String chosen) {
        if (ANSWERS.size() < LIMIT) {
            ANSWERS.putIfAbsent(key(reply, choices), chosen);
        }
    }

    /** Records a reading of the published path, with the option the panel chose for that reply if recorded. */
    static void read(String reply, List<String> choices, String stated, String fault, String returned) {
        if (READ_COUNT.incrementAndGet() > LIMIT) {
            return;
        }
        Reading r = new Reading(reply, List.copyOf(choices), Optional.ofNullable(ANSWERS.get(key(reply, choices))),
                Optional.ofNullable(stated), fault, Optional.ofNullable(returned));
        READINGS.computeIfAbsent(List.copyOf(choices), c -> java.util.Collections.synchronizedList(new java.util.ArrayList<>()))
                .add(r);
    }

    private static List<String> key(String reply, List<String> choices) {
        List<String> k = new java.util.ArrayList<>(choices);
        k.add(reply.strip());
        return List.copyOf(k);
    }

    /** The readings recorded in this JVM against exactly these options, in the order made. */
    public static List<Reading> readings(List<String> choices) {
        List<Reading> found = READINGS.get(List.copyOf(choices));
        if (found == null) {
            return List.of();
        }
        synchronized (found) {
            return List.copyOf(found);
        }
    }

    /** Counts a verdict of the judge on a perturbed question, graded by the record of the distractions in it. */
    static void judged(String perturbed, boolean changed) {
        boolean defective = DISTRACTIONS.entrySet().stream()
                .anyMatch(d -> !d.getValue().isEmpty() && perturbed.contains(d.getKey()));
        JUDGED.incrementAndGet(defective ? 1 : 3);
        if (changed) {
            JUDGED.incrementAndGet(defective ? 0 : 2);
        }
    }

    /** The judge's catch rate and false-alarm rate so far in this JVM, by the record (NaN where it judged none). */
    public static double[] judgeRates() {
        return new double[] {JUDGED.get(0) / (double) JUDGED.get(1), JUDGED.get(2) / (double) JUDGED.get(3),
            JUDGED.get(1), JUDGED.get(3)};
    }

    /** The fault recorded for a distraction the simulated writer wrote ({@link #SOUND} when none), or null. */
    static String fault(String distraction) {
        return DISTRACTIONS.get(distraction.strip());
    }

    /** The judge's configured rates ({@code judge.catch}, {@code judge.false-alarm}), the inputs the observed ones follow. */
    public static double[] judgeConfigured() {
        return new double[] {SimulationRates.get("judge.catch"), SimulationRates.get("judge.false-alarm")};
    }

    static void distraction(String text, String fault) {
        if (DISTRACTIONS.size() < LIMIT && !text.isBlank()) {
            DISTRACTIONS.merge(text.strip(), fault, GroundTruth::worse);
        }
    }

    static void translation(String output, String fault) {
        if (TRANSLATIONS.size() < LIMIT && !output.isBlank()) {
            TRANSLATIONS.merge(output.strip(), fault, GroundTruth::worse);
        }
    }

    static void options(List<String> translated, List<String> english, String fault) {
        if (OPTIONS.size() < LIMIT) {
            OPTIONS.merge(translated.stream().map(String::strip).toList(), new Options(List.copyOf(english), fault),
                    (a, b) -> a.fault().isEmpty() ? b : a);
        }
    }

    private static String worse(String a, String b) {
        return a.isEmpty() ? b : a;
    }

    /**
     * The grade of a pair found against the simulation: defective when a text the simulation made defective is in
     * it, unknown when the record does not hold its distraction or its translated options, sound otherwise.
     */
    public static Verdict grade(Pair pair) {
        String en = pair.en().question();
        int steps = pair.perturbation() == null || pair.perturbation().steps() == null ? 0 : pair.perturbation().steps();
        int seen = 0;
        for (Map.Entry<String, String> d : DISTRACTIONS.entrySet()) {
            if (en.contains(d.getKey())) {
                seen++;
                if (!d.getValue().isEmpty()) {
                    return new Verdict(Grade.DEFECTIVE, Optional.of(d.getValue()));
                }
            }
        }
        String target = pair.target().question();
        for (Map.Entry<String, String> t : TRANSLATIONS.entrySet()) {
            if (!t.getValue().isEmpty() && target.contains(t.getKey())) {
                return new Verdict(Grade.DEFECTIVE, Optional.of(t.getValue()));
            }
        }
        List<String> translated = pair.target().choices().stream().map(String::strip).toList();
        if ("reference".equals(pair.provenance().get("strategy")) && MISMATCHED.contains(translated)) {
            // the reference matched the panel's answers against a translated answer that is no option: all "wrong"
            return new Verdict(Grade.DEFECTIVE, Optional.of(ANSWER_MISMATCH));
        }
        Options options = OPTIONS.get(translated);
        if (options != null && !options.fault().isEmpty()) {
            return new Verdict(Grade.DEFECTIVE, Optional.of(options.fault()));
        }
        if (options != null && (pair.target().answer() >= options.english().size()
                || !options.english().get(pair.target().answer()).strip().equals(pair.en().answerText().strip()))) {
            return new Verdict(Grade.DEFECTIVE, Optional.of(MOVED));
        }
        if (options == null || seen < Math.min(steps, 1)) {
            return new Verdict(Grade.UNKNOWN, Optional.empty());
        }
        return new Verdict(Grade.SOUND, Optional.empty());
    }
}
