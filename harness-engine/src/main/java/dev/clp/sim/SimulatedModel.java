package dev.clp.sim;

import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The offline simulator {@code sim:<profile>}: a deterministic stand-in model. It reads the lettered
 * options from the prompt, looks the question up in its {@link AnswerKey}, and is right with the
 * probability its {@link SimProfile} gives for the language, the pair's language and the distraction length. A pair's
 * side is decided by the key's draws ({@link AnswerKey#draw}: spread evenly over the pairs, so that the share of right
 * answers is the profile's accuracy, and shared within a source question at the profile's intra-cluster correlation);
 * a question asked on its own by a hash of question and sample. Every run gives the same answers. It answers in varied
 * formats, localized, and sometimes not in a usable form at all, as real models do. Prompts of other kinds go to the
 * {@link SimulatedTask}s first (the fallback extractor's, and those found through {@link ServiceLoader}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SimulatedModel implements ModelClient {

    private static final String SEED = "clp-sim-v1";
    private static final String FORM = "clp-sim-form-v1";
    private static final java.util.Set<String> CJK = java.util.Set.of("zh", "ja", "ko");
    private static final Pattern OPTION = Pattern.compile("(?m)^([A-J])\\. (.*)$");

    /** How a sure model states its answer, per language (written independently of the extractor's patterns). */
    private static final Map<String, String> STATEMENTS = Map.ofEntries(
            Map.entry("en", "The answer is %s."), Map.entry("zh", "答案是%s。"), Map.entry("ja", "正解は%sです。"),
            Map.entry("ko", "정답은 %s입니다."), Map.entry("fr", "La bonne réponse est %s."),
            Map.entry("es", "La respuesta correcta es la %s."), Map.entry("it", "La risposta corretta è %s."),
            Map.entry("de", "Die richtige Antwort ist %s."), Map.entry("uk", "Правильна відповідь: %s."),
            Map.entry("bn", "সঠিক উত্তর হলো %s।"), Map.entry("hi", "सही उत्तर %s है।"),
            Map.entry("ar", "الإجابة الصحيحة هي %s."), Map.entry("he", "התשובה הנכונה היא %s."),
            Map.entry("am", "ትክክለኛው መልስ %s ነው።"), Map.entry("yo", "Ìdáhùn tó tọ́ ni %s."),
            Map.entry("sw", "Jibu sahihi ni %s."), Map.entry("zu", "Impendulo efanele ngu-%s."));

    private final SimProfile profile;
    private final AnswerKey key;
    private final List<SimulatedTask> tasks;

    /** A simulator that also answers the tasks registered through {@link ServiceLoader} on the class path. */
    public SimulatedModel(SimProfile profile, AnswerKey key) {
        this(profile, key, loadTasks());
    }

    /** A simulator that answers these tasks (after the fallback extractor's) besides multiple-choice questions. */
    public SimulatedModel(SimProfile profile, AnswerKey key, List<SimulatedTask> tasks) {
        this.profile = profile;
        this.key = key;
        List<SimulatedTask> all = new ArrayList<>();
        all.add(new FallbackReading());
        all.addAll(tasks);
        this.tasks = List.copyOf(all);
    }

    private static List<SimulatedTask> loadTasks() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<SimulatedTask> found = new ArrayList<>();
        ServiceLoader.load(SimulatedTask.class, loader != null ? loader : SimulatedModel.class.getClassLoader())
                .forEach(found::add);
        return found;
    }

    @Override
    public String name() {
        return "sim:" + profile.name();
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        String prompt = request.lastUserText();
        String sent = prompt;
        for (SimulatedTask t : tasks) {
            Optional<ChatResponse> task = t.answer(prompt, request);
            if (task.isPresent()) {
                return task.get();
            }
        }
        // e.g. a question the generator had the simulator "translate": it understands its own translations
        Optional<String> translatedInto = Optional.empty();
        for (SimulatedTask t : tasks) {
            SimulatedTask.Reading reading = t.read(prompt);
            prompt = reading.prompt();
            translatedInto = translatedInto.or(reading::language);
        }
        List<String> choices = new ArrayList<>();
        Matcher m = OPTION.matcher(prompt);
        while (m.find()) {
            choices.add(m.group(2));
        }
        if (choices.size() < 2) {
            return response("I can only answer multiple-choice questions with lettered options.");
        }
        int sample = request.temperature() > 0 ? request.sampleIndex() : 0;
        // draws depend on the prompt and sample, not on the profile: a profile with lower accuracy is right on
        // a subset of the questions a stronger one gets right, as a regressed checkpoint would be
        byte[] h = hash(SEED + '\u001f' + prompt + '\u001f' + sample);
        byte[] form = hash(FORM + '\u001f' + prompt + '\u001f' + sample);
        Optional<AnswerKey.Entry> entry = translatedInto.isPresent() ? key.findInAnyOrder(choices, prompt)
                : key.find(choices, prompt);
        String lang = translatedInto.orElse(entry.map(AnswerKey.Entry::lang).orElse("en"));
        int pick;
        if (entry.isPresent()) {
            AnswerKey.Entry e = entry.get();
            int right = e.answer();
            int added = addedDistraction(prompt, e.question());
            // an English question without distraction (the starter suite asks the same ones in every language) or
            // one several languages' pairs share is answered by its hash, the same whichever languages a run selects
            boolean shared = e.slot() >= 0 && ("en".equals(e.lang()) && e.distraction() == 0 || key.shared(e));
            String pairLang = "en".equals(lang) && !shared ? e.pairLang() : lang;
            double accuracy = profile.accuracy(lang, pairLang, e.distraction() + added);
            // a pair's side as the suite has it: the key's balanced, clustered outcomes; anything else: its hash
            boolean correct = e.slot() >= 0 && !shared && added == 0 && lang.equals(e.lang())
                    ? key.right(e, sample, profile) : unit(h, 8) < accuracy;
            java.util.OptionalInt chosen = e.slot() >= 0 ? java.util.OptionalInt.empty()
                    : choose(new SimulatedTask.Asked(profile.name(), lang, e.question(),
                            addedText(prompt, e.question()), List.copyOf(choices), right, accuracy,
                            profile.accuracy(lang, pairLang, e.distraction()), sample));
            correct = chosen.isPresent() ? chosen.getAsInt() == right : correct;
            if (chosen.isPresent() && !correct && unit(form, 0) * (1 - accuracy) >= profile.unparseableRate()) {
                pick = Math.floorMod(chosen.getAsInt(), choices.size());
            } else if (correct) {
                pick = right;
            } else if (unit(form, 0) * (1 - accuracy) < profile.unparseableRate()) {
                // unparseable answers come out of the wrong ones: the share of right answers stays the profile's
                return unsure(request);
            } else {
                pick = (right + 1 + (int) (unit(h, 16) * (choices.size() - 1))) % choices.size();
            }
        } else if (unit(form, 0) < profile.unparseableRate()) {
            return unsure(request);
        } else {
            pick = (int) (unit(h, 16) * choices.size());
        }
        String letter = String.valueOf((char) ('A' + pick));
        if (request.structured()) {
            return response("{\"" + ChatRequest.ANSWER_PROPERTY + "\":\"" + letter + "\"}");
        }
        for (SimulatedTask t : tasks) {
            Optional<String> worded = t.word(profile.name(), sent, List.copyOf(choices), pick, sample);
            if (worded.isPresent()) {
                return response(worded.get());
            }
        }
        String text = choices.get(pick);
        String statement = STATEMENTS.getOrDefault(lang, STATEMENTS.get("en"));
        int format = (int) (unit(h, 24) * 6);
        String answer = switch (format) {
            case 0 -> letter;
            case 1 -> String.format(statement, letter);
            case 2 -> "(" + letter + ") " + text;
            case 3 -> "**" + letter + "**";
            case 4 -> letter + ". " + text;
            default -> CJK.contains(lang) ? String.valueOf((char) ('Ａ' + pick)) : letter;
        };
        return response(answer);
    }

    private static ChatResponse unsure(ChatRequest request) {
        String unsure = "I am not sure; several of these could be argued for.";
        // a model held to a schema that cannot state "unsure" declines, as OpenAI's structured outputs do
        return request.structured() ? new ChatResponse(unsure, ChatResponse.REFUSAL, 0, 0, 0) : response(unsure);
    }

    /** The first task's choice for a question asked on its own, if a task makes one. */
    private java.util.OptionalInt choose(SimulatedTask.Asked asked) {
        for (SimulatedTask t : tasks) {
            java.util.OptionalInt pick = t.choose(asked);
            if (pick.isPresent()) {
                return pick;
            }
        }
        return java.util.OptionalInt.empty();
    }

    /** The text around the known question in the prompt's question paragraph ({@link #addedDistraction}), or "". */
    static String addedText(String prompt, String question) {
        int at = prompt.indexOf(question);
        if (addedDistraction(prompt, question) == 0) {
            return "";
        }
        int paragraph = prompt.lastIndexOf("\n\n", at);
        int start = paragraph < 0 ? 0 : paragraph + 2;
        int label = prompt.indexOf(": ", start);
        start = label >= 0 && label < at ? label + 2 : start;
        int end = prompt.indexOf("\n\n", at + question.length());
        end = end < 0 ? prompt.length() : end;
        return (prompt.substring(start, at) + " " + prompt.substring(at + question.length(), end)).strip();
    }

    /**
     * Characters of text around the known question in the prompt's question paragraph: the distraction a
     * generator added to a registered seed question (0 for a suite pair, whose prompt holds its question as is).
     */
    static int addedDistraction(String prompt, String question) {
        int at = prompt.indexOf(question);
        if (at < 0 || question.isEmpty()) {
            return 0;
        }
        int paragraph = prompt.lastIndexOf("\n\n", at);
        int start = paragraph < 0 ? 0 : paragraph + 2;
        int label = prompt.indexOf(": ", start);
        if (label >= 0 && label < at) {
            start = label + 2;
        }
        int end = prompt.indexOf("\n\n", at + question.length());
        end = end < 0 ? prompt.length() : end;
        return Math.max(0, (end - start) - question.length());
    }

    static ChatResponse response(String text) {
        return SimulatedTask.reply(text);
    }

    static double unit(byte[] h, int offset) {
        return Draws.unit(h, offset);
    }

    static byte[] hash(String s) {
        return Draws.hash(s);
    }
}
