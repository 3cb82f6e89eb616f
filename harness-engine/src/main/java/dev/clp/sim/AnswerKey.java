package dev.clp.sim;

import dev.clp.model.spi.Questions;
import dev.clp.suite.Pair;
import dev.clp.suite.Side;
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
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AnswerKey {

    /** One known question. */
    public record Entry(String lang, String question, int answer, int distraction) {
    }

    private final Map<List<String>, List<Entry>> byChoices = new ConcurrentHashMap<>();
    private final Map<List<String>, List<Side>> bySortedChoices = new ConcurrentHashMap<>();

    /** A key that knows the questions a run will ask. */
    public static AnswerKey of(Questions questions) {
        AnswerKey key = new AnswerKey();
        questions.all().forEach(q -> key.register(q.lang(), q.side(), q.distraction()));
        return key;
    }

    /** Registers both sides of a pair. */
    public void register(Pair pair) {
        register("en", pair.en(), pair.distractionLength(true));
        register(pair.lang(), pair.target(), pair.distractionLength(false));
    }

    /**
     * Registers one question (the generator registers its English seed questions this way).
     *
     * @param distraction characters of distraction text already in the question
     */
    public void register(String lang, Side side, int distraction) {
        List<String> choices = strip(side.choices());
        List<Entry> entries = byChoices.computeIfAbsent(choices, k -> new CopyOnWriteArrayList<>());
        Entry entry = new Entry(lang, side.question().strip(), side.answer(), distraction);
        if (!entries.contains(entry)) {
            entries.add(entry);
            bySortedChoices.computeIfAbsent(sorted(choices), k -> new CopyOnWriteArrayList<>())
                    .add(new Side(entry.question(), choices, side.answer()));
        }
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
        return find(side.choices(), prompt).map(e -> new Entry(e.lang(), e.question(), right, e.distraction()));
    }

    private static List<String> strip(List<String> choices) {
        return choices.stream().map(String::strip).toList();
    }

    private static List<String> sorted(List<String> choices) {
        return choices.stream().sorted().toList();
    }

    /** The entry for a prompt with these options, preferring one whose question text the prompt contains. */
    public Optional<Entry> find(List<String> choices, String prompt) {
        List<Entry> entries = byChoices.get(choices);
        if (entries == null || entries.isEmpty()) {
            return Optional.empty();
        }
        for (Entry e : entries) {
            if (prompt.contains(e.question())) {
                return Optional.of(e);
            }
        }
        return Optional.of(entries.get(0));
    }
}
