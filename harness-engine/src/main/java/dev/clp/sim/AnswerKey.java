package dev.clp.sim;

import dev.clp.model.spi.Questions;
import dev.clp.scoring.RunGates;
import dev.clp.suite.Pair;
import dev.clp.suite.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apiguardian.api.API;

/**
 * What the simulator knows: the right option of every question it may be asked, found by the option
 * texts in the prompt. A real model has no such key; the simulator uses it to be right or wrong at the
 * rate its profile says.
 *
 * <p>Each side of a pair is known with its distraction in English-equivalent characters (a target side's distraction
 * length x its pair's English question length / its own question length, both without distraction), its pair's
 * language and its source question ({@link RunGates#cluster}, the cluster the gates' statistics use). The key also
 * holds the draws that decide the answers to the pairs' questions ({@link #draw}, {@link Strata}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AnswerKey {

    /**
     * One known question.
     *
     * @param lang the language it is asked in
     * @param question its text
     * @param answer the index of its right option
     * @param distraction English-equivalent characters of distraction text in it
     * @param pairLang the target language of the pair it is a side of, null for a question asked on its own
     * @param cluster its source question: pairs perturbed from one question share it
     * @param slot its place among the key's pair sides, -1 for a question asked on its own
     */
    public record Entry(String lang, String question, int answer, int distraction, String pairLang, String cluster,
            int slot) {
    }

    private final Map<List<String>, List<Entry>> byChoices = new ConcurrentHashMap<>();
    private final Map<List<String>, List<Side>> bySortedChoices = new ConcurrentHashMap<>();
    private final List<Entry> pairSides = new ArrayList<>();
    private final Map<String, double[]> draws = new ConcurrentHashMap<>();
    private final Map<Integer, List<String>> choicesBySlot = new ConcurrentHashMap<>();
    private final Map<List<Object>, java.util.BitSet> outcomes = new ConcurrentHashMap<>();
    private final Map<List<Object>, Integer> outcomeSizes = new ConcurrentHashMap<>();

    /** A key that knows the questions a run will ask. */
    public static AnswerKey of(Questions questions) {
        AnswerKey key = new AnswerKey();
        for (Questions.Question q : questions.all()) {
            if (q.pair() != null) {
                key.register(q.pair(), q.side() == q.pair().en());
            } else {
                key.register(q.lang(), q.side(), q.distraction());
            }
        }
        return key;
    }

    /** Registers both sides of a pair. */
    public void register(Pair pair) {
        register(pair, true);
        register(pair, false);
    }

    private void register(Pair pair, boolean english) {
        Side side = english ? pair.en() : pair.target();
        int chars = pair.distractionLength(english);
        if (!english) {
            int en = Math.max(1, pair.en().question().length() - pair.distractionLength(true));
            int own = Math.max(1, side.question().length() - chars);
            chars = (int) Math.round(chars * (double) en / own);
        }
        add(english ? "en" : pair.lang(), side, chars, pair.lang(), RunGates.cluster(pair), true);
    }

    /**
     * Registers one question asked on its own (the generator registers its English seed questions this way).
     *
     * @param distraction characters of distraction text already in the question
     */
    public void register(String lang, Side side, int distraction) {
        add(lang, side, distraction, null, side.question().strip(), false);
    }

    private synchronized void add(String lang, Side side, int distraction, String pairLang, String cluster,
            boolean paired) {
        List<String> choices = strip(side.choices());
        List<Entry> entries = byChoices.computeIfAbsent(choices, k -> new CopyOnWriteArrayList<>());
        String question = side.question().strip();
        for (Entry e : entries) {
            if (e.lang().equals(lang) && e.question().equals(question) && e.answer() == side.answer()
                    && java.util.Objects.equals(e.pairLang(), pairLang)) {
                return;
            }
        }
        Entry entry = new Entry(lang, question, side.answer(), distraction, pairLang, cluster,
                paired ? pairSides.size() : -1);
        if (paired) {
            pairSides.add(entry);
            choicesBySlot.put(entry.slot(), choices);
        }
        entries.add(entry);
        bySortedChoices.computeIfAbsent(sorted(choices), k -> new CopyOnWriteArrayList<>())
                .add(new Side(entry.question(), choices, side.answer()));
    }

    /**
     * Whether the entry's question, word for word, is also a side of pairs of other languages (the starter suite asks
     * the same English questions in every language): the simulator then answers it by its hash, the same whichever
     * of those languages a run selects.
     */
    public boolean shared(Entry entry) {
        List<Entry> same = byChoices.get(strip(List.copyOf(choicesOf(entry))));
        return same != null && same.stream().anyMatch(e -> e.slot() != entry.slot() && e.lang().equals(entry.lang())
                && e.question().equals(entry.question()) && !java.util.Objects.equals(e.pairLang(), entry.pairLang()));
    }

    private List<String> choicesOf(Entry entry) {
        return choicesBySlot.getOrDefault(entry.slot(), List.of());
    }

    /**
     * Whether a profile answers a pair's question right (as asked, without text added around it): its draw is below
     * the profile's accuracy, balanced per language and side so that the share of right answers on the key's pairs is
     * the profile's expected accuracy ({@link Strata#outcomes}).
     */
    public boolean right(Entry entry, int sample, SimProfile profile) {
        List<Object> id = List.of(profile, sample);
        java.util.BitSet r = outcomes.get(id);
        Integer known = outcomeSizes.get(id);
        if (r == null || known == null || known <= entry.slot()) {
            synchronized (this) {
                r = outcomes.get(id);
                known = outcomeSizes.get(id);
                if (r == null || known == null || known != pairSides.size()) {
                    r = Strata.outcomes(List.copyOf(pairSides), sample, profile);
                    outcomes.put(id, r);
                    outcomeSizes.put(id, pairSides.size());
                }
            }
        }
        return r.get(entry.slot());
    }

    /**
     * The draw in [0, 1) that decides the answer to a pair's question (right when it is below the profile's accuracy):
     * balanced over the key's pairs of each language and side, shared within a source question with the given
     * intra-cluster correlation ({@link Strata}).
     */
    public double draw(Entry entry, int sample, double icc) {
        String id = sample + "/" + icc;
        double[] d = draws.get(id);
        if (d == null || d.length <= entry.slot()) {
            synchronized (this) {
                d = draws.get(id);
                if (d == null || d.length != pairSides.size()) {
                    d = Strata.draws(List.copyOf(pairSides), sample, icc);
                    draws.put(id, d);
                }
            }
        }
        return d[entry.slot()];
    }

    /**
     * The entry for a prompt whose options are a known question's options in another order (a translation
     * that moved them), with the right option's index in the order shown.
     */
    public Optional<Entry> findInAnyOrder(List<String> choices, String prompt) {
        Optional<Entry> exact = find(choices, prompt);
        if (exact.isPresent()) {
            return exact;
        }
        List<Side> known = bySortedChoices.get(sorted(strip(choices)));
        if (known == null || known.isEmpty()) {
            return Optional.empty();
        }
        Side side = known.stream().filter(s -> prompt.contains(s.question())).findFirst().orElse(known.get(0));
        int right = strip(choices).indexOf(side.answerText());
        return find(side.choices(), prompt).map(e -> new Entry(e.lang(), e.question(), right, e.distraction(),
                e.pairLang(), e.cluster(), e.slot()));
    }

    private static List<String> strip(List<String> choices) {
        return choices.stream().map(String::strip).toList();
    }

    private static List<String> sorted(List<String> choices) {
        return choices.stream().sorted().toList();
    }

    /** The entry for a prompt with these options, preferring the longest question text the prompt contains. */
    public Optional<Entry> find(List<String> choices, String prompt) {
        List<Entry> entries = byChoices.get(choices);
        if (entries == null || entries.isEmpty()) {
            return Optional.empty();
        }
        // the longest question the prompt holds: an unperturbed question is inside its perturbations' text
        Entry best = null;
        for (Entry e : entries) {
            if (prompt.contains(e.question()) && (best == null || e.question().length() > best.question().length())) {
                best = e;
            }
        }
        return Optional.of(best != null ? best : entries.get(0));
    }
}
