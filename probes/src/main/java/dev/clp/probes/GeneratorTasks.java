package dev.clp.probes;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The markup the suite generator ({@code clp generate}) puts in its prompts, read by the generator's simulation
 * ({@code dev.clp.probes.sim.GeneratorSimulation}) so that {@code sim:<profile>} can answer them offline. A real model
 * reads the same prompts as plain instructions: the tags only delimit the text the task is about.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class GeneratorTasks {

    /** Delimits the question a distraction is written for. */
    public static final String QUESTION = "question";
    /** Delimits the wrong option a distraction should make plausible; its presence marks a distraction task. */
    public static final String WRONG_OPTION = "wrong_option";
    /** Delimits the right option of the question a distraction is written for (it must not contradict it). */
    public static final String CORRECT_OPTION = "correct_option";
    /** Delimits a JSON array of wrong options, one distraction wanted for each (a batched distraction task). */
    public static final String WRONG_OPTIONS = "wrong_options";
    /** Translation format: a {@code {question, choices}} JSON object. */
    public static final String FORMAT_QUESTION = "json";
    /** Translation format: a JSON array of strings, translated item by item. */
    public static final String FORMAT_LIST = "json-list";
    /** {@code <translate to="sw">…</translate>}: a translation task; a {@code format} for JSON content. */
    public static final String TRANSLATE = "translate";
    /** Delimits the perturbed question in a meaning check; its presence marks a judge task. */
    public static final String PERTURBED = "perturbed";
    /** Delimits a JSON array of {original, perturbed, options, correct} items in a batched judge task. */
    public static final String PERTURBED_LIST = "perturbed_list";
    /** Translation format of the reference: a {@code {question, choices, answer}} object, answered {@code {text, choices, answer}}. */
    public static final String FORMAT_PUBLISHED = "json-answer";
    /** Delimits a translator's reply the reference's second call re-extracts as JSON. */
    public static final String MODEL_REPLY = "model_reply";
    /** Delimits the options as a list (the published answer prompt's {@code ['a', 'b']}) in the reference's reading call. */
    public static final String CHOICES_LIST = "choices_list";
    /** Delimits another model's answer in a reference-strategy extraction task. */
    public static final String MODEL_ANSWER = "model_answer";
    /** What a judge answers when the perturbation keeps the meaning and the right option. */
    public static final String SAME = "SAME";
    /** What a judge answers when it does not. */
    public static final String CHANGED = "CHANGED";
    /** The label before a distraction in the answer to a distraction task. */
    public static final String DISTRACTION_LABEL = "Distraction:";
    /** The label before a distraction in the answer to the reference strategy's (the published) distraction task. */
    public static final String REFERENCE_LABEL = "Generated Distraction:";
    private static final Pattern TRANSLATE_OPEN = Pattern.compile("<translate to=\"([A-Za-z-]+)\"[^>]*>");

    private GeneratorTasks() {
    }

    /** {@code <tag>text</tag>}. */
    public static String wrap(String tag, String text) {
        return "<" + tag + ">" + text + "</" + tag + ">";
    }

    /** The text between {@code <tag>} and {@code </tag>}, if the prompt has it. */
    public static Optional<String> unwrap(String prompt, String tag) {
        int start = prompt.indexOf("<" + tag + ">");
        int end = prompt.lastIndexOf("</" + tag + ">");
        if (start < 0 || end < start) {
            return Optional.empty();
        }
        return Optional.of(prompt.substring(start + tag.length() + 2, end));
    }

    /** The opening tag of a translation into {@code lang}; {@code format} null for plain text. */
    public static String translateOpen(String lang, String format) {
        return "<" + TRANSLATE + " to=\"" + lang + "\"" + (format == null ? "" : " format=\"" + format + "\"") + ">";
    }

    /** The format of a translation task: null for plain text, {@link #FORMAT_QUESTION} or {@link #FORMAT_LIST}. */
    public static String translationFormat(String prompt) {
        Matcher m = TRANSLATE_OPEN.matcher(prompt);
        if (!m.find()) {
            return null;
        }
        Matcher f = Pattern.compile("format=\"([a-z-]+)\"").matcher(m.group());
        return f.find() ? f.group(1) : null;
    }

    /** The language a translation task asks for, if the prompt is one. */
    public static Optional<String> translationTarget(String prompt) {
        Matcher m = TRANSLATE_OPEN.matcher(prompt);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The text to translate in a translation task. */
    public static Optional<String> translationText(String prompt) {
        Matcher m = TRANSLATE_OPEN.matcher(prompt);
        int end = prompt.lastIndexOf("</" + TRANSLATE + ">");
        if (!m.find() || end < m.end()) {
            return Optional.empty();
        }
        return Optional.of(prompt.substring(m.end(), end));
    }
}
