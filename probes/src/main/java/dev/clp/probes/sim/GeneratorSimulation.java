package dev.clp.probes.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.probes.GeneratorTasks;
import dev.clp.sim.Draws;
import dev.clp.sim.SimulatedTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * How the simulator answers the generator's prompts ({@link GeneratorTasks}), deterministically from a hash of the
 * prompt and sample, with the faults real models have ({@code generator-simulation.properties}): the writer
 * ({@link SimulatedWriting}) sometimes gives the answer away, the translator ({@link SimulatedTranslator}) leaves text
 * or a sentence in English, adds to a distraction, swaps two options, and the judge and back-translator catch those
 * imperfectly, from what the text says: none of them reads the simulation's marks. Each fault is recorded where it is
 * made ({@link GroundTruth}), which is what pairs are graded by. A {@link SimulatedTask} registered through
 * {@code META-INF/services/dev.clp.sim.SimulatedTask}; {@link #read} lets the engine's simulator understand the
 * simulation's translations and react to what its distractions say.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class GeneratorSimulation implements SimulatedTask {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = "clp-sim-generator-v2";
    private static final Pattern LETTER = Pattern.compile("(?<![A-Za-z])([A-J])(?![A-Za-z])");
    private static final Pattern OPTION_LINE = Pattern.compile("(?m)^([A-J]\\. )(.*)$");
    private static final String[] KEPT = {"SAME", "Same.", "UNCHANGED", "**SAME**", "Not changed."};
    private static final String[] CHANGED = {"CHANGED", "Changed.", "**CHANGED**"};

    /** The task as {@link java.util.ServiceLoader} makes it. */
    public GeneratorSimulation() {
    }

    /**
     * A multiple-choice prompt as the simulated reader takes it in: its simulated translation read back in English (in
     * the translation's language). What the reader makes of the text added to a seed question is {@link #choose}'s.
     */
    @Override
    public Reading read(String prompt) {
        Optional<String> lang = SimulatedText.language(prompt);
        String text = lettered(prompt);
        if (lang.isPresent()) {
            text = SimulatedText.decodeMarked(text);
            String l = lang.get();
            Matcher m = OPTION_LINE.matcher(text);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + SimulatedText.decode(l, m.group(2))));
            }
            m.appendTail(sb);
            text = sb.toString();
        }
        return new Reading(text, lang);
    }

    /**
     * A panel model's answer to a seed question with the text the generator added to it: it reads what the text says
     * ({@link SimulatedReader}), the answers to one seed correlated as a real model's are.
     */
    @Override
    public OptionalInt choose(Asked asked) {
        return SimulatedReader.choose(asked);
    }

    /**
     * The published answer prompt (an instruction line, the question, the options as a Python list) laid out as a
     * lettered question, which is how the engine's simulator reads a question; any other prompt as it is.
     */
    private static String lettered(String prompt) {
        String[] lines = prompt.strip().split("\n");
        if (lines.length < 3) {
            return prompt;
        }
        List<String> choices = pythonList(lines[lines.length - 1].strip());
        if (choices == null || choices.size() < 2) {
            return prompt;
        }
        StringBuilder sb = new StringBuilder(lines[0]).append("\n\nQuestion: ");
        for (int i = 1; i < lines.length - 1; i++) {
            sb.append(i > 1 ? " " : "").append(lines[i]);
        }
        sb.append("\n\n");
        for (int i = 0; i < choices.size(); i++) {
            sb.append((char) ('A' + i)).append(". ").append(choices.get(i)).append('\n');
        }
        return sb.append("\nAnswer:").toString();
    }

    /** The answer to a generator task, or empty when the prompt is not one. */
    @Override
    public Optional<ChatResponse> answer(String prompt, ChatRequest request) {
        int sample = request.temperature() > 0 ? request.sampleIndex() : 0;
        byte[] h = Draws.hash(SEED + '\u001f' + prompt + '\u001f' + sample);
        Optional<String> into = GeneratorTasks.translationTarget(prompt);
        if (into.isPresent()) {
            String text = GeneratorTasks.translationText(prompt).orElse("");
            return Optional.of(SimulatedTask.reply(SimulatedTranslator.answer(text, into.get(),
                    GeneratorTasks.translationFormat(prompt), prompt)));
        }
        Optional<String> correct = GeneratorTasks.unwrap(prompt, GeneratorTasks.CORRECT_OPTION);
        boolean reference = prompt.contains(GeneratorTasks.REFERENCE_LABEL);
        Optional<String> wrongs = GeneratorTasks.unwrap(prompt, GeneratorTasks.WRONG_OPTIONS);
        if (wrongs.isPresent()) {
            return Optional.of(SimulatedTask.reply(distractions(prompt, wrongs.get(), correct.orElse(null), sample)));
        }
        Optional<String> wrong = GeneratorTasks.unwrap(prompt, GeneratorTasks.WRONG_OPTION);
        if (wrong.isPresent()) {
            String label = reference ? GeneratorTasks.REFERENCE_LABEL : GeneratorTasks.DISTRACTION_LABEL;
            return Optional.of(SimulatedTask.reply(label + " " + SimulatedWriting.distraction(wrong.get(),
                    correct.orElse(null), reference, h)));
        }
        Optional<String> items = GeneratorTasks.unwrap(prompt, GeneratorTasks.PERTURBED_LIST);
        if (items.isPresent()) {
            return Optional.of(SimulatedTask.reply(judgeAll(items.get())));
        }
        Optional<String> perturbed = GeneratorTasks.unwrap(prompt, GeneratorTasks.PERTURBED);
        if (perturbed.isPresent()) {
            String original = GeneratorTasks.unwrap(prompt, "original").orElse("");
            String options = GeneratorTasks.unwrap(prompt, "options").orElse("");
            String letter = GeneratorTasks.unwrap(prompt, "correct").orElse("A").strip();
            List<String> choices = new ArrayList<>();
            int right = -1;
            Matcher line = OPTION_LINE.matcher(options);
            while (line.find()) {
                right = line.group(1).startsWith(letter + ".") ? choices.size() : right;
                choices.add(line.group(2));
            }
            return Optional.of(SimulatedTask.reply(verdict(original, perturbed.get(), choices, right)));
        }
        Optional<String> reply = GeneratorTasks.unwrap(prompt, GeneratorTasks.MODEL_REPLY);
        if (reply.isPresent()) {
            String r = reply.get();
            int start = r.indexOf('{');
            int end = r.lastIndexOf('}');
            return Optional.of(SimulatedTask.reply(start >= 0 && end > start ? r.substring(start, end + 1) : "{}"));
        }
        Optional<String> list = GeneratorTasks.unwrap(prompt, GeneratorTasks.CHOICES_LIST);
        Optional<String> answer = GeneratorTasks.unwrap(prompt, GeneratorTasks.MODEL_ANSWER);
        if (list.isPresent() && answer.isPresent()) {
            List<String> choices = pythonList(list.get().strip());
            String letter = choices == null ? "NONE" : readBack(answer.get(), choices.size());
            int at = letter.length() == 1 ? letter.charAt(0) - 'A' : -1;
            String chosen = choices != null && at >= 0 && at < choices.size() ? choices.get(at) : "none";
            try {
                return Optional.of(SimulatedTask.reply(JSON.writeValueAsString(
                        JSON.createObjectNode().put("final_answer", chosen))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        if (answer.isPresent()) {
            return Optional.of(SimulatedTask.reply(readBack(answer.get(), optionCount(prompt))));
        }
        return Optional.empty();
    }

    /**
     * The judge reads the added text for the right option's content: the share of the right option's own words (those
     * no other option has, function words left out; its whole text when it has none) that the added text holds. It
     * calls CHANGED with probability {@code judge.false-alarm} + ({@code judge.catch} − {@code judge.false-alarm}) ×
     * that share: a giveaway naming the whole option is caught at {@code judge.catch}, one naming a word of it less
     * often, whatever the sentence's wording. A share of replies it words so that no verdict can be read.
     */
    static String verdict(String original, String perturbed, List<String> options, int right) {
        byte[] h = Draws.hash(SEED + "\u001fjudge\u001f" + original + '\u001f' + perturbed);
        String added = perturbed.replace(original, " ");
        double share = 0;
        if (right >= 0 && right < options.size()) {
            java.util.Set<String> own = SimulatedReader.ownWords(options).get(right);
            if (own.isEmpty()) {
                String text = options.get(right).strip().toLowerCase(java.util.Locale.ROOT);
                share = !text.isEmpty() && added.toLowerCase(java.util.Locale.ROOT).contains(text) ? 1 : 0;
            } else {
                java.util.Set<String> said = SimulatedReader.words(added);
                share = own.stream().filter(said::contains).count() / (double) own.size();
            }
        }
        double u = Draws.unit(h, 0);
        if (Draws.unit(h, 8) < SimulationRates.get("judge.unreadable")) {
            return "It depends on how one reads the added sentences.";
        }
        double falseAlarm = SimulationRates.get("judge.false-alarm");
        boolean changed = u < falseAlarm + (SimulationRates.get("judge.catch") - falseAlarm) * share;
        GroundTruth.judged(perturbed, changed);
        String[] words = changed ? CHANGED : KEPT;
        return words[(int) (Draws.unit(h, 16) * words.length)];
    }

    /** One verdict per judged item, as {@link #verdict} gives it. */
    private static String judgeAll(String items) {
        try {
            ArrayNode out = JSON.createArrayNode();
            for (JsonNode item : JSON.readTree(items)) {
                List<String> options = new ArrayList<>();
                item.path("options").forEach(o -> options.add(o.asText()));
                int correct = item.path("correct").asText("A").charAt(0) - 'A';
                out.add(verdict(item.path("original").asText(), item.path(GeneratorTasks.PERTURBED).asText(), options,
                        correct));
            }
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            return "I could not read the items.";
        }
    }

    /** A JSON array of distractions, one per wrong option, each drawn as a single distraction task would be. */
    private static String distractions(String prompt, String wrongOptions, String correct, int sample) {
        try {
            ArrayNode out = JSON.createArrayNode();
            JsonNode options = JSON.readTree(wrongOptions);
            for (int i = 0; i < options.size(); i++) {
                byte[] h = Draws.hash(SEED + '\u001f' + prompt + '\u001f' + i + '\u001f' + sample);
                out.add(SimulatedWriting.distraction(options.get(i).asText(), correct, false, h));
            }
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            return "I could not read the list of options.";
        }
    }

    /** The strings of a list as Python prints it, or null when the text is not one. */
    static List<String> pythonList(String text) {
        if (!text.startsWith("[") || !text.endsWith("]")) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int i = 1;
        while (i < text.length() - 1) {
            char c = text.charAt(i);
            if (c == ' ' || c == ',') {
                i++;
                continue;
            }
            if (c != '\'' && c != '"') {
                return null;
            }
            StringBuilder sb = new StringBuilder();
            int j = i + 1;
            for (; j < text.length() && text.charAt(j) != c; j++) {
                char d = text.charAt(j);
                if (d == '\\' && j + 1 < text.length()) {
                    char e = text.charAt(++j);
                    sb.append(e == 'n' ? '\n' : e);
                } else {
                    sb.append(d);
                }
            }
            if (j >= text.length()) {
                return null;
            }
            out.add(sb.toString());
            i = j + 1;
        }
        return out;
    }

    /** The simulator reads back the letter from one of its own answer formats, or says NONE. */
    private static String readBack(String raw, int options) {
        String text = raw.strip();
        if (!text.isEmpty() && text.charAt(0) >= 'Ａ' && text.charAt(0) <= 'Ｊ') {
            return String.valueOf((char) ('A' + (text.charAt(0) - 'Ａ')));
        }
        Matcher m = LETTER.matcher(text);
        while (m.find()) {
            // only the question's own letters count ("I am not sure" names no option)
            if (m.group(1).charAt(0) - 'A' < options) {
                return m.group(1);
            }
        }
        return "NONE";
    }

    /** Lettered option lines ("A. ...") in the prompt; 4 when it lists none. */
    private static int optionCount(String prompt) {
        Matcher m = Pattern.compile("(?m)(?:^|>)([A-J])\\. ").matcher(prompt);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n == 0 ? 4 : n;
    }
}
