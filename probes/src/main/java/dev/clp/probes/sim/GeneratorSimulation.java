package dev.clp.probes.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.probes.GeneratorTasks;
import dev.clp.sim.Draws;
import dev.clp.sim.SimulatedTask;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * How the simulator answers the generator's prompts ({@link GeneratorTasks}), deterministically from a hash
 * of the prompt and sample, with the faults real models have at realistic rates so the generator's checks
 * have something to catch: a distraction that gives the answer away (8 %), a text left untranslated (3 %), a
 * translated question whose first two options swapped places (3 %). A {@link SimulatedTask} registered through
 * {@code META-INF/services/dev.clp.sim.SimulatedTask}; it also lets the simulator understand its own translations
 * ({@link #read}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class GeneratorSimulation implements SimulatedTask {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = "clp-sim-generator-v1";
    private static final Pattern LETTER = Pattern.compile("(?<![A-Za-z])([A-J])(?![A-Za-z])");

    private static final String[] OPENERS = {
        "Many readers first think of %s here.",
        "Some textbooks discuss %s in a very similar context.",
        "It is a common mistake to associate this topic with %s.",
        "A quick search on this subject often points to %s.",
        "People who skim the question tend to settle on %s.",
        "In everyday conversation, %s is what most people would mention.",
    };
    private static final String[] FILLERS = {
        "",
        " Read every option before deciding.",
        " Several details in the wording are easy to overlook.",
        " The first impression is not always the one that holds up on reflection.",
        " Context matters here, and a careful reader weighs each choice against the others.",
    };

    /** The task as {@link java.util.ServiceLoader} makes it. */
    public GeneratorSimulation() {
    }

    /** A multiple-choice question in a simulated translation, read without its marks, in the marks' language. */
    @Override
    public Reading read(String prompt) {
        return new Reading(SimulatedText.strip(prompt), SimulatedText.language(prompt));
    }

    /** The answer to a generator task, or empty when the prompt is not one. */
    @Override
    public Optional<ChatResponse> answer(String prompt, ChatRequest request) {
        int sample = request.temperature() > 0 ? request.sampleIndex() : 0;
        byte[] h = Draws.hash(SEED + '\u001f' + prompt + '\u001f' + sample);
        Optional<String> into = GeneratorTasks.translationTarget(prompt);
        if (into.isPresent()) {
            String text = GeneratorTasks.translationText(prompt).orElse("");
            String format = GeneratorTasks.translationFormat(prompt);
            if (GeneratorTasks.FORMAT_LIST.equals(format)) {
                return Optional.of(SimulatedTask.reply(translateList(text, into.get())));
            }
            return Optional.of(SimulatedTask.reply(translate(text, into.get(),
                    GeneratorTasks.FORMAT_QUESTION.equals(format), h)));
        }
        Optional<String> wrongs = GeneratorTasks.unwrap(prompt, GeneratorTasks.WRONG_OPTIONS);
        if (wrongs.isPresent()) {
            return Optional.of(SimulatedTask.reply(distractions(prompt, wrongs.get(), sample)));
        }
        Optional<String> wrong = GeneratorTasks.unwrap(prompt, GeneratorTasks.WRONG_OPTION);
        if (wrong.isPresent()) {
            return Optional.of(SimulatedTask.reply(GeneratorTasks.DISTRACTION_LABEL + " " + distraction(wrong.get(), h)));
        }
        Optional<String> items = GeneratorTasks.unwrap(prompt, GeneratorTasks.PERTURBED_LIST);
        if (items.isPresent()) {
            return Optional.of(SimulatedTask.reply(judgeAll(items.get())));
        }
        Optional<String> perturbed = GeneratorTasks.unwrap(prompt, GeneratorTasks.PERTURBED);
        if (perturbed.isPresent()) {
            boolean changed = perturbed.get().contains(SimulatedText.GIVEAWAY);
            return Optional.of(SimulatedTask.reply(changed ? GeneratorTasks.CHANGED : GeneratorTasks.SAME));
        }
        Optional<String> answer = GeneratorTasks.unwrap(prompt, GeneratorTasks.MODEL_ANSWER);
        if (answer.isPresent()) {
            return Optional.of(SimulatedTask.reply(readBack(answer.get(), optionCount(prompt))));
        }
        return Optional.empty();
    }

    private static String distraction(String wrongOption, byte[] h) {
        String option = wrongOption.strip();
        if (Draws.unit(h, 0) < 0.08) {
            return "Some say " + option + ", " + SimulatedText.GIVEAWAY + " " + option + ".";
        }
        String opener = OPENERS[(int) (Draws.unit(h, 8) * OPENERS.length)];
        String filler = FILLERS[(int) (Draws.unit(h, 16) * FILLERS.length)];
        return String.format(opener, option) + filler;
    }

    /** One verdict per judged item: the simulator sees a give-away sentence and nothing else. */
    private static String judgeAll(String items) {
        try {
            ArrayNode out = JSON.createArrayNode();
            for (JsonNode item : JSON.readTree(items)) {
                boolean changed = item.path(GeneratorTasks.PERTURBED).asText().contains(SimulatedText.GIVEAWAY);
                out.add(changed ? GeneratorTasks.CHANGED : GeneratorTasks.SAME);
            }
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            return "I could not read the items.";
        }
    }

    /** A JSON array of distractions, one per wrong option, each drawn as a single distraction task would be. */
    private static String distractions(String prompt, String wrongOptions, int sample) {
        try {
            ArrayNode out = JSON.createArrayNode();
            JsonNode options = JSON.readTree(wrongOptions);
            for (int i = 0; i < options.size(); i++) {
                byte[] h = Draws.hash(SEED + '\u001f' + prompt + '\u001f' + i + '\u001f' + sample);
                out.add(distraction(options.get(i).asText(), h));
            }
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            return "I could not read the list of options.";
        }
    }

    /** A JSON array translated item by item, each with the faults of a single translation. */
    private static String translateList(String text, String lang) {
        try {
            ArrayNode out = JSON.createArrayNode();
            for (JsonNode item : JSON.readTree(text)) {
                byte[] h = Draws.hash(SEED + '\u001f' + lang + '\u001f' + item.asText());
                out.add(translate(item.asText(), lang, false, h));
            }
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            return "I could not read the texts to translate.";
        }
    }

    private static String translate(String text, String lang, boolean json, byte[] h) {
        if ("en".equals(lang)) {
            return SimulatedText.strip(text);
        }
        double fault = Draws.unit(h, 0);
        if (fault < 0.03) {
            return text; // left untranslated, as models sometimes do
        }
        String mark = SimulatedText.marker(lang);
        if (!json) {
            return mark + text.strip();
        }
        try {
            JsonNode in = JSON.readTree(text);
            ObjectNode out = JSON.createObjectNode();
            out.put("question", mark + in.path("question").asText());
            ArrayNode choices = out.putArray("choices");
            in.path("choices").forEach(c -> choices.add(mark + c.asText()));
            if (fault < 0.06 && choices.size() > 1) {
                JsonNode first = choices.get(0);
                choices.set(0, choices.get(1));
                choices.set(1, first);
            }
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            return "I could not read the question to translate.";
        }
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
