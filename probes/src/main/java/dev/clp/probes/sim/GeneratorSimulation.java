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
     * A panel model's answer to the published answer prompt (options as a list without letters), in free text: the
     * chosen option's text alone (as the prompt asks, at {@code panel.free-text.bare}), or in a sentence, with chatter
     * around it at {@code panel.free-text.chatter}; at {@code panel.free-text.reworded} the option is not written as
     * the prompt has it (first letter's case changed, a final full stop dropped). In a simulated translation the
     * sentence is in the translation's language. The chosen option is recorded ({@link GroundTruth#answered}), the
     * reply carries no mark of it. Any other prompt: empty, the simulator's lettered formats.
     */
    @Override
    public Optional<String> word(String model, String prompt, List<String> choices, int pick, int sample) {
        List<String> shown = unlettered(prompt);
        if (shown == null || pick < 0 || pick >= shown.size()) {
            return Optional.empty();
        }
        byte[] h = Draws.hash(SEED + "\u001fanswer\u001f" + model + '\u001f' + prompt + '\u001f'
                + sample);
        String option = shown.get(pick);
        String text = Draws.unit(h, 0) < SimulationRates.get("panel.free-text.reworded") ? reworded(option) : option;
        double u = Draws.unit(h, 8);
        int form = (int) (Draws.unit(h, 16) * 3);
        double bare = SimulationRates.get("panel.free-text.bare");
        String[] templates = u < bare ? new String[] {"%s"}
                : u < bare + SimulationRates.get("panel.free-text.chatter") ? CHATTER : SENTENCES;
        String template = templates[form % templates.length];
        String lang = SimulatedText.language(prompt).orElse("en");
        int at = template.indexOf("%s");
        String before = template.substring(0, at);
        String after = template.substring(at + 2);
        if (!"en".equals(lang)) {
            before = SimulatedText.encode(lang, before);
            after = SimulatedText.encode(lang, after);
        }
        String reply = before + text + after;
        GroundTruth.answered(reply, shown, option);
        return Optional.of(reply);
    }

    private static final String[] SENTENCES = {"The option that fits best is: %s", "%s is the correct option.",
        "Answer: %s"};
    private static final String[] CHATTER = {"Sure! Here is the option that fits best:\n\n**%s**",
        "Sure, I can help with that. The answer is %s, since it fits the question best.",
        "Let me think about it. Considering the question carefully, the best option is \"%s\". I hope this helps!"};

    /** An option as a model may rewrite it: its first letter's case changed and a final full stop dropped. */
    static String reworded(String option) {
        String text = option.strip();
        text = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (text.isEmpty()) {
            return option;
        }
        int first = text.codePointAt(0);
        int swapped = Character.isUpperCase(first) ? Character.toLowerCase(first) : Character.toUpperCase(first);
        return new StringBuilder().appendCodePoint(swapped).append(text.substring(Character.charCount(first))).toString();
    }

    /**
     * The published reading call ({@code extract_answer_dk}): it reads which option the model's reply states, from the
     * reply's words ({@link #stated}), and answers {@code {"final_answer": <that option's text>}}; except, by a draw,
     * at {@code reader-call.undecodable} with output {@code json.loads} cannot decode, and, when the reply states an
     * option, at {@code reader-call.misread} with another option's text and at {@code reader-call.not-verbatim} with
     * the option's text reworded (so that it is no option as written). A reply stating no option is read as "none".
     * Each reading is recorded with what it did ({@link GroundTruth#read}).
     */
    static String readingCall(String reply, List<String> choices, byte[] h) {
        List<String> options = choices == null ? List.of() : choices;
        int stated = stated(reply, options);
        double u = Draws.unit(h, 0);
        double undecodable = SimulationRates.get("reader-call.undecodable");
        double misread = undecodable + SimulationRates.get("reader-call.misread");
        double notVerbatim = misread + SimulationRates.get("reader-call.not-verbatim");
        String read = stated >= 0 ? options.get(stated) : "none";
        String fault;
        String returned;
        if (u < undecodable) {
            fault = GroundTruth.UNDECODABLE;
            returned = null;
        } else if (stated >= 0 && options.size() > 1 && u < misread) {
            fault = GroundTruth.MISREAD;
            int other = (int) (Draws.unit(h, 8) * (options.size() - 1));
            returned = options.get(other >= stated ? other + 1 : other);
        } else if (stated >= 0 && u < notVerbatim) {
            fault = GroundTruth.NOT_VERBATIM;
            returned = notVerbatim(read, options, Draws.unit(h, 16));
        } else {
            fault = stated >= 0 ? GroundTruth.SOUND : GroundTruth.NO_OPTION;
            returned = read;
        }
        GroundTruth.read(reply, options, stated >= 0 ? read : null, fault, returned);
        if (returned == null) {
            String[] forms = {"The final answer is: " + read, "{\"final_answer\": " + quoted(read),
                "{'final_answer': '" + read + "'}", "Sure! Here is the JSON: {\"final_answer\": " + quoted(read) + "}"};
            return forms[(int) (Draws.unit(h, 24) * forms.length)];
        }
        return "{\"final_answer\": " + quoted(returned) + "}";
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An option's text as a reader may return it, not as written: reworded, with a full stop, or lettered. */
    private static String notVerbatim(String option, List<String> options, double u) {
        String[] forms = {reworded(option), option.strip() + ".", "(" + (char) ('A' + options.indexOf(option)) + ") "
            + option.strip()};
        int start = (int) (u * forms.length);
        for (int i = 0; i < forms.length; i++) {
            String f = forms[(start + i) % forms.length];
            if (!options.contains(f)) {
                return f;
            }
        }
        return "\"" + option + "\"";
    }

    /**
     * The option a reply states, read as a reader reads it: of the places where an option's text (case, spacing and a
     * final full stop aside) stands in the reply as whole words, an option inside a longer one found there counted as
     * the longer one, the best placed wins: set off (the whole reply or line, quoted, in bold, after a colon to the
     * sentence's end) before in an answer sentence (one that speaks of the answer, option or choice, in English or the
     * simulated translation's language, beside the option's own words) before anywhere else (chatter: "I hope this
     * helps!" does not state option "I"), then the first in the reply. Failing that, the option most of whose own
     * words (no other option has) the reply holds, when one does more than the others and for at least half; else -1.
     */
    static int stated(String reply, List<String> choices) {
        // lines kept: an option alone on its line is set off
        String said = reply.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\S\\n]*\\n\\s*", "\n")
                .replaceAll("[^\\S\\n]+", " ").strip();
        List<int[]> found = new ArrayList<>(); // option, start, end, placing
        for (int i = 0; i < choices.size(); i++) {
            String c = normal(choices.get(i));
            c = c.endsWith(".") || c.endsWith("。") ? c.substring(0, c.length() - 1) : c;
            for (int at = c.isEmpty() ? -1 : find(said, c, 0); at >= 0; at = find(said, c, at + 1)) {
                found.add(new int[] {i, at, at + c.length(), placing(said, at, at + c.length())});
            }
        }
        int best = -1;
        int[] top = null;
        for (int[] f : found) {
            boolean inside = found.stream().anyMatch(g -> g != f && g[1] <= f[1] && g[2] >= f[2]
                    && g[2] - g[1] > f[2] - f[1]);
            if (inside) {
                continue;
            }
            if (top == null || f[3] > top[3] || (f[3] == top[3] && f[1] < top[1])) {
                top = f;
                best = f[0];
            }
        }
        if (best >= 0) {
            return best;
        }
        java.util.Set<String> words = SimulatedReader.words(reply);
        List<java.util.Set<String>> own = SimulatedReader.ownWords(choices);
        double share0 = 0;
        int at = -1;
        boolean tie = false;
        for (int i = 0; i < own.size(); i++) {
            if (own.get(i).isEmpty()) {
                continue;
            }
            double share = own.get(i).stream().filter(words::contains).count() / (double) own.get(i).size();
            if (share > share0) {
                share0 = share;
                at = i;
                tie = false;
            } else if (share == share0 && share > 0) {
                tie = true;
            }
        }
        return share0 >= 0.5 && !tie ? at : -1;
    }

    /** Words by which a sentence says it gives the answer. */
    private static final List<String> ANSWER_WORDS = List.of("answer", "option", "choice", "correct", "right", "best",
            "final");

    /** {@link #ANSWER_WORDS} as written in English and in every simulated translation's language, lower case. */
    private static final java.util.Set<String> ANSWER_CUES = answerCues();

    private static java.util.Set<String> answerCues() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String w : ANSWER_WORDS) {
            String capital = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            for (String form : List.of(w, capital)) {
                out.add(form.toLowerCase(java.util.Locale.ROOT));
                for (String lang : SimulatedText.languages()) {
                    out.add(SimulatedText.encode(lang, form).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return java.util.Set.copyOf(out);
    }

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final String OPENERS = "\"'“‘«「『*(:";
    private static final String CLOSERS = "\"'”’»」』*)";
    private static final String STOPS = ".!?。！？";

    /**
     * How an option found at {@code [at, end)} of the (normalised) reply is placed: 2 set off (alone on its line or in
     * the reply, quoted, in bold, after a colon to the sentence's end), 1 in an answer sentence (an answer word in
     * the sentence outside the option itself), 0 elsewhere.
     */
    private static int placing(String text, int at, int end) {
        int before = at;
        while (before > 0 && text.charAt(before - 1) == ' ') {
            before--;
        }
        int after = end;
        while (after < text.length() && text.charAt(after) == ' ') {
            after++;
        }
        boolean open = before == 0 || text.charAt(before - 1) == '\n' || OPENERS.indexOf(text.charAt(before - 1)) >= 0;
        boolean close = after == text.length() || text.charAt(after) == '\n' || CLOSERS.indexOf(text.charAt(after)) >= 0
                || (STOPS.indexOf(text.charAt(after)) >= 0
                        && (after + 1 == text.length() || Character.isWhitespace(text.charAt(after + 1))));
        if (open && close) {
            return 2;
        }
        int start = at;
        while (start > 0 && !boundary(text, start - 1)) {
            start--;
        }
        int stop = end;
        while (stop < text.length() && !boundary(text, stop)) {
            stop++;
        }
        Matcher m = TOKEN.matcher(text.substring(start, at) + " " + text.substring(end, stop));
        while (m.find()) {
            if (ANSWER_CUES.contains(m.group())) {
                return 1;
            }
        }
        return 0;
    }

    /** Whether a sentence ends at {@code i}: a line break, or a full stop, ! or ? before a space or the end. */
    private static boolean boundary(String text, int i) {
        char c = text.charAt(i);
        return c == '\n' || (STOPS.indexOf(c) >= 0 && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))));
    }

    /** Where {@code part} first stands in {@code text} from {@code from} as whole words (no letter or digit either side), or -1. */
    private static int find(String text, String part, int from) {
        for (int at = text.indexOf(part, from); at >= 0; at = text.indexOf(part, at + 1)) {
            int end = at + part.length();
            boolean open = at == 0 || !Character.isLetterOrDigit(text.codePointBefore(at));
            boolean close = end == text.length() || !Character.isLetterOrDigit(text.codePointAt(end));
            if (open && close) {
                return at;
            }
        }
        return -1;
    }

    private static String normal(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /** The options of the published answer prompt (its last line, a Python list), or null when the prompt is not one. */
    private static List<String> unlettered(String prompt) {
        String[] lines = prompt.strip().split("\n");
        if (lines.length < 3) {
            return null;
        }
        List<String> choices = pythonList(lines[lines.length - 1].strip());
        return choices == null || choices.size() < 2 ? null : choices;
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
            // the draw is the reply's and the options', not the question's: a reading depends on what is read, and
            // the same reply to the same options is read the same way whichever candidate question it answered
            return Optional.of(SimulatedTask.reply(readingCall(answer.get(), pythonList(list.get().strip()),
                    Draws.hash(SEED + "\u001freading\u001f" + answer.get() + '\u001f' + list.get() + '\u001f'
                            + sample))));
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
