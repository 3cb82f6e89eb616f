package dev.clp.probes.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clp.probes.GeneratorTasks;
import dev.clp.sim.Draws;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The simulated translator and back-translator. Into a target language it re-spells the text ({@link SimulatedText})
 * and, at the rates of {@code generator-simulation.properties}, leaves it in English, leaves its last sentence (or half
 * of a one-sentence text) in English, adds a sentence pushing the option the distraction argues for, or swaps a
 * question's first two options; each output is recorded with its fault ({@link GroundTruth}). Into English it reads
 * the text back and rewords it as a real back-translation would, sometimes leaving out the last of several sentences.
 * It never looks at a fault's record: what it catches or hides is what the words do.
 */
final class SimulatedTranslator {

    private static final String SEED = "clp-sim-translator-v2";
    private static final java.util.regex.Pattern SENTENCES = java.util.regex.Pattern.compile("(?<=[.!?])\\s+");

    private SimulatedTranslator() {
    }

    /** The reply to a translation task: plain text, a JSON list of texts, or a JSON question. */
    static String answer(String text, String lang, String format, String prompt) {
        try {
            if (GeneratorTasks.FORMAT_LIST.equals(format)) {
                ArrayNode out = GeneratorSimulation.JSON.createArrayNode();
                for (JsonNode item : GeneratorSimulation.JSON.readTree(text)) {
                    out.add("en".equals(lang) ? back(item.asText()) : text(item.asText(), lang));
                }
                return GeneratorSimulation.JSON.writeValueAsString(out);
            }
            if (GeneratorTasks.FORMAT_QUESTION.equals(format)) {
                return question(GeneratorSimulation.JSON.readTree(text), lang);
            }
            if (GeneratorTasks.FORMAT_PUBLISHED.equals(format)) {
                // the published reply shape: {text, choices, answer}
                var out = (ObjectNode) GeneratorSimulation.JSON.readTree(question(GeneratorSimulation.JSON.readTree(text),
                        lang));
                ObjectNode shaped = GeneratorSimulation.JSON.createObjectNode();
                shaped.set("text", out.get("question"));
                shaped.set("choices", out.get("choices"));
                shaped.set("answer", out.get("answer"));
                return "Here is the translation:\n" + GeneratorSimulation.JSON.writeValueAsString(shaped);
            }
            return "en".equals(lang) ? back(text) : text(text.strip(), lang);
        } catch (JsonProcessingException e) {
            return "I could not read the text to translate.";
        }
    }

    private static byte[] hash(String lang, String text) {
        return Draws.hash(SEED + '\u001f' + lang + '\u001f' + text);
    }

    /** A distraction (or any text) translated into {@code lang}, with its fault recorded. */
    static String text(String english, String lang) {
        byte[] h = hash(lang, english);
        double u = Draws.unit(h, 0);
        double untranslated = SimulationRates.get("translator.untranslated");
        double partial = untranslated + SimulationRates.get("translator.partial");
        double amplified = partial + SimulationRates.get("translator.amplified");
        String out;
        String fault = GroundTruth.SOUND;
        if (u < untranslated) {
            out = english;
            fault = GroundTruth.UNTRANSLATED;
        } else if (u < partial) {
            out = partial(english, lang);
            fault = GroundTruth.PARTIAL;
        } else if (u < amplified && SimulatedWriting.arguedFor(english).isPresent()) {
            String added = String.format(Locale.ROOT, SimulatedWriting.AMPLIFYING, SimulatedWriting.arguedFor(english).get());
            out = SimulatedText.marker(lang) + SimulatedText.encode(lang, english + " " + added);
            fault = GroundTruth.AMPLIFIED;
        } else {
            out = SimulatedText.marker(lang) + SimulatedText.encode(lang, english);
        }
        GroundTruth.translation(out, fault);
        return out;
    }

    /** All but the last sentence translated; a text of one sentence, its first half of words. */
    private static String partial(String english, String lang) {
        String[] sentences = SENTENCES.split(english.strip());
        if (sentences.length >= 2) {
            String head = String.join(" ", java.util.Arrays.copyOf(sentences, sentences.length - 1));
            return SimulatedText.marker(lang) + SimulatedText.encode(lang, head) + " " + sentences[sentences.length - 1];
        }
        String[] words = english.strip().split(" ");
        int half = Math.max(1, words.length / 2);
        return SimulatedText.marker(lang) + SimulatedText.encode(lang, String.join(" ",
                java.util.Arrays.copyOf(words, half))) + " " + String.join(" ",
                java.util.Arrays.copyOfRange(words, half, words.length));
    }

    /** A {@code {question, choices}} object translated: the question as {@link #text}, the options re-spelled. */
    private static String question(JsonNode in, String lang) throws JsonProcessingException {
        String q = in.path("question").asText();
        List<String> english = new ArrayList<>();
        in.path("choices").forEach(c -> english.add(c.asText()));
        ObjectNode out = GeneratorSimulation.JSON.createObjectNode();
        ArrayNode choices = out.putArray("choices");
        if ("en".equals(lang)) {
            Optional<String> from = SimulatedText.language(q);
            out.put("question", back(q));
            english.forEach(c -> choices.add(back(from.map(l -> SimulatedText.decode(l, c)).orElse(c))));
            return GeneratorSimulation.JSON.writeValueAsString(out);
        }
        byte[] h = hash(lang, q + '\u001f' + english);
        boolean whole = Draws.unit(h, 0) < SimulationRates.get("translator.untranslated");
        String tq = whole ? q : text(q, lang);
        if (whole) {
            GroundTruth.translation(tq, GroundTruth.UNTRANSLATED);
        }
        List<String> order = new ArrayList<>(english);
        if (english.size() > 1 && Draws.unit(h, 8) < SimulationRates.get("translator.swap")) {
            order.set(0, english.get(1));
            order.set(1, english.get(0));
        }
        List<String> translated = new ArrayList<>();
        for (String c : order) {
            translated.add(whole ? c : SimulatedText.encode(lang, c));
        }
        translated.forEach(choices::add);
        out.put("question", tq);
        GroundTruth.options(translated, order, whole ? GroundTruth.UNTRANSLATED : GroundTruth.SOUND);
        if (in.has("answer")) {
            // the reference's translation carries the answer; translated on its own, it is sometimes worded otherwise
            String a = in.path("answer").asText();
            boolean mismatch = Draws.unit(h, 16) < SimulationRates.get("translator.answer-mismatch");
            String ta = whole ? a : SimulatedText.encode(lang, mismatch ? a.toLowerCase(Locale.ROOT) + " (" + a + ")" : a);
            out.put("answer", ta);
            if (mismatch && !whole) {
                GroundTruth.answerMismatch(translated);
            }
        }
        return GeneratorSimulation.JSON.writeValueAsString(out);
    }

    /**
     * A text read back into English: the simulation's translation re-spelled back, then, for a share of texts,
     * reworded (articles dropped, word forms changed), and for a share of texts of several sentences, without the last
     * one. Text that was never translated comes back as it is, reworded the same way.
     */
    static String back(String text) {
        byte[] h = hash("en", text);
        String english = SimulatedText.strip(SimulatedText.decodeMarked(text)).strip();
        String[] sentences = SENTENCES.split(english);
        if (sentences.length >= 2 && Draws.unit(h, 0) < SimulationRates.get("back-translator.drop-last")) {
            english = String.join(" ", java.util.Arrays.copyOf(sentences, sentences.length - 1));
        }
        if (Draws.unit(h, 8) < SimulationRates.get("back-translator.paraphrase")) {
            english = reword(english, h);
        }
        return english;
    }

    private static String reword(String text, byte[] h) {
        StringBuilder out = new StringBuilder();
        String[] words = text.split(" ");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            double u = Draws.unit(Draws.hash(SEED + h[i % h.length] + w + i), 0);
            String lower = w.toLowerCase(Locale.ROOT);
            if ((lower.equals("the") || lower.equals("a")) && u < 0.5) {
                continue;
            }
            if (u > 0.85 && w.length() > 4 && Character.isLetter(w.charAt(w.length() - 1))) {
                w = w.endsWith("s") ? w.substring(0, w.length() - 1) : w + "s";
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(w);
        }
        return out.toString();
    }
}
