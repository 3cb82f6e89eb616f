package dev.clp.model;

import dev.clp.suite.Pair;
import dev.clp.suite.Side;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the simulator knows: the right option of every question it may be asked, found by the option
 * texts in the prompt. A real model has no such key; the simulator uses it to be right or wrong at the
 * rate its profile says.
 */
public final class AnswerKey {

    /** One known question. */
    public record Entry(String lang, String question, int answer, int distraction) {
    }

    private final Map<List<String>, List<Entry>> byChoices = new ConcurrentHashMap<>();

    /** Registers both sides of a pair. */
    public void register(Pair pair) {
        add("en", pair.en(), pair.distractionLength(true));
        add(pair.lang(), pair.target(), pair.distractionLength(false));
    }

    private void add(String lang, Side side, int distraction) {
        List<String> choices = side.choices().stream().map(String::strip).toList();
        List<Entry> entries = byChoices.computeIfAbsent(choices, k -> new CopyOnWriteArrayList<>());
        Entry entry = new Entry(lang, side.question().strip(), side.answer(), distraction);
        if (!entries.contains(entry)) {
            entries.add(entry);
        }
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
