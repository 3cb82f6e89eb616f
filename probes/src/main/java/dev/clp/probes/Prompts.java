package dev.clp.probes;

import static dev.clp.probes.GeneratorTasks.wrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clp.suite.Languages;
import dev.clp.suite.Side;
import java.util.List;

/** The generator's prompts (written for this project; the markup is {@link GeneratorTasks}). */
final class Prompts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Prompts() {
    }

    /**
     * The reference strategy's writer prompt: the instructions of the published {@code get_distraction}, in this
     * project's words and markup. As published, the writer is told not to contradict the correct answer but is not
     * given it, and the distraction has no length limit.
     */
    static String referenceDistraction(String question, String wrongOption) {
        return "You are skilled at working a subtle distraction into a question, built on an incorrect option. Write "
                + "a distraction that leans towards the incorrect option given below while leaving the quality and "
                + "meaning of the question untouched, following these rules:\n"
                + "1. The distraction fits naturally into the context of the question, but it must not openly bring in "
                + "false information and must not contradict the correct answer.\n"
                + "2. The distraction is subtle: it must not be obvious that it is connected with the incorrect "
                + "option.\n\n" + wrap(GeneratorTasks.QUESTION, question) + "\n"
                + wrap(GeneratorTasks.WRONG_OPTION, wrongOption) + "\n\nAnswer in this form: \""
                + GeneratorTasks.REFERENCE_LABEL + " <a subtle distraction that fits the context, built on the "
                + "incorrect option>\"";
    }

    /** The improved strategy's writer prompt for one wrong option; the writer knows the answer it must not contradict. */
    static String distraction(String question, String correct, String wrongOption) {
        return "You help build a robustness test for multiple-choice questions. Write one or two sentences that can "
                + "be placed before or after the question below. They must not change what the question asks or "
                + "which option is correct, must not contradict the correct answer given below and must not state or "
                + "hint at it, but they should make the given wrong option look plausible to a careless reader. Reply "
                + "with the sentences only, with no introduction or comment, after \""
                + GeneratorTasks.DISTRACTION_LABEL + "\".\n\n" + wrap(GeneratorTasks.QUESTION, question) + "\n"
                + wrap(GeneratorTasks.CORRECT_OPTION, correct) + "\n" + wrap(GeneratorTasks.WRONG_OPTION, wrongOption);
    }

    /** The same for several wrong options in one call. */
    static String distractions(String question, String correct, List<String> wrongOptions) {
        return "You help build a robustness test for multiple-choice questions. For each wrong option listed below, "
                + "write one or two sentences that can be placed before or after the question. They must not change "
                + "what the question asks or which option is correct, must not contradict the correct answer given "
                + "below and must not state or hint at it, but they should make that wrong option look plausible to a "
                + "careless reader. Reply with a JSON array of strings only, one per wrong option, in the order given, "
                + "with no introduction or comment.\n\n" + wrap(GeneratorTasks.QUESTION, question) + "\n"
                + wrap(GeneratorTasks.CORRECT_OPTION, correct) + "\n" + wrap(GeneratorTasks.WRONG_OPTIONS, json(wrongOptions));
    }

    static String translateTexts(String from, String to, List<String> texts) {
        return "Translate each string of the JSON array between the tags from " + name(from) + " into " + name(to)
                + ". Keep each meaning exactly. Reply with a JSON array of the translations only, same order and "
                + "length.\n\n" + GeneratorTasks.translateOpen(to, GeneratorTasks.FORMAT_LIST) + json(texts) + "</"
                + GeneratorTasks.TRANSLATE + ">";
    }

    static String translateText(String from, String to, String text) {
        return "Translate the text between the tags from " + name(from) + " into " + name(to)
                + ". Keep its meaning exactly; reply with the translation only.\n\n"
                + GeneratorTasks.translateOpen(to, null) + text + "</" + GeneratorTasks.TRANSLATE + ">";
    }

    static String translateQuestion(String lang, Side en) {
        ObjectNode q = JSON.createObjectNode();
        q.put("question", en.question());
        var choices = q.putArray("choices");
        en.choices().forEach(choices::add);
        return "Translate this multiple-choice question from English into " + name(lang) + ". Translate the question "
                + "and every option, keep the options in the same order and do not add or merge options. Reply with "
                + "JSON of the same shape only.\n\n" + GeneratorTasks.translateOpen(lang, GeneratorTasks.FORMAT_QUESTION) + json(q)
                + "</" + GeneratorTasks.TRANSLATE + ">";
    }

    static String backTranslateQuestion(String fromLang, String question, List<String> choices) {
        ObjectNode q = JSON.createObjectNode();
        q.put("question", question);
        var arr = q.putArray("choices");
        choices.forEach(arr::add);
        return "Translate this multiple-choice question from " + name(fromLang) + " into English. Keep the options in "
                + "the same order. Reply with JSON of the same shape only.\n\n" + GeneratorTasks.translateOpen("en", GeneratorTasks.FORMAT_QUESTION)
                + json(q) + "</" + GeneratorTasks.TRANSLATE + ">";
    }

    static String judge(Side original, String perturbed) {
        StringBuilder options = new StringBuilder();
        for (int i = 0; i < original.choices().size(); i++) {
            options.append((char) ('A' + i)).append(". ").append(original.choices().get(i)).append('\n');
        }
        return "Sentences were added to a multiple-choice question. Do they change what the question asks, or which "
                + "option is correct, or do they state the answer? Answer " + GeneratorTasks.SAME + " if not, "
                + GeneratorTasks.CHANGED + " if so; one word.\n\n" + wrap("original", original.question()) + "\n"
                + wrap(GeneratorTasks.PERTURBED, perturbed) + "\n" + wrap("options", options.toString().strip()) + "\n"
                + wrap("correct", String.valueOf((char) ('A' + original.answer()))) + "\n";
    }

    static String judgeAll(List<Side> originals, List<String> perturbed) {
        var items = JSON.createArrayNode();
        for (int i = 0; i < originals.size(); i++) {
            Side o = originals.get(i);
            ObjectNode item = items.addObject();
            item.put("original", o.question());
            item.put(GeneratorTasks.PERTURBED, perturbed.get(i));
            var options = item.putArray("options");
            o.choices().forEach(options::add);
            item.put("correct", String.valueOf((char) ('A' + o.answer())));
        }
        return "Each item below is a multiple-choice question before (original) and after (perturbed) sentences were "
                + "added to it. For each item: do the added sentences change what the question asks, or which option "
                + "is correct, or do they state the answer? Reply with a JSON array with one word per item, in order: "
                + GeneratorTasks.SAME + " if not, " + GeneratorTasks.CHANGED + " if so.\n\n"
                + wrap(GeneratorTasks.PERTURBED_LIST, json(items));
    }

    static String extraction(String question, List<String> choices, String answer) {
        StringBuilder options = new StringBuilder();
        for (int i = 0; i < choices.size(); i++) {
            options.append((char) ('A' + i)).append(". ").append(choices.get(i)).append('\n');
        }
        return "A model answered the multiple-choice question below. Which option did it choose? Reply with the option "
                + "letter only, or NONE if it chose none or several.\n\n" + wrap("question_text", question) + "\n"
                + wrap("options", options.toString().strip()) + "\n" + wrap(GeneratorTasks.MODEL_ANSWER, answer);
    }

    /**
     * The reference's seed translation (the published {@code English2<Language>} instructions, in this project's words):
     * question, options and answer, the answer translated too so that it can be matched by its text. The published
     * prompt is written in the target language; this one is in English (probes/README.md, remaining differences).
     */
    static String referenceTranslateQuestion(String lang, Side en) {
        ObjectNode q = JSON.createObjectNode();
        q.put("question", en.question());
        var choices = q.putArray("choices");
        en.choices().forEach(choices::add);
        q.put("answer", en.answerText());
        return "You are a professional translator. Translate the text, the options and the answer below into "
                + name(lang) + " accurately and naturally, keeping what the question and the options mean. Follow "
                + "these rules strictly:\n- The translation of the answer and of the options keeps their meaning "
                + "completely, with nothing changed, added or left out.\n- Every sentence with a question mark is "
                + "still a question after translation, with its tone and structure unchanged.\n- The translation reads "
                + "naturally in " + name(lang) + ", not word for word.\n\nReply in this form: {\"text\": \"<the "
                + "translated text>\", \"choices\": [\"<translated option 1>\", \"<translated option 2>\", ...], "
                + "\"answer\": \"<the translated answer>\"}\n\n"
                + GeneratorTasks.translateOpen(lang, GeneratorTasks.FORMAT_PUBLISHED) + json(q) + "</"
                + GeneratorTasks.TRANSLATE + ">";
    }

    /** The reference's second translation call: the JSON re-extracted from the translator's reply, language unchanged. */
    static String referenceExtractTranslation(String reply) {
        return "You are an expert in processing JSON. From the model's reply below, output the full text, the choices "
                + "and the answer as JSON, exactly as the reply has them, without changing their language.\n\n"
                + wrap(GeneratorTasks.MODEL_REPLY, reply) + "\n\nOutput format: {\"text\": \"<the full text>\", "
                + "\"choices\": [\"<choice 1>\", \"<choice 2>\", ...], \"answer\": \"<the answer>\"}";
    }

    /** The system message of the reference's answer and reading calls. */
    static final String REFERENCE_SYSTEM = "You are a helpful assistant.";

    /**
     * The reference's answer prompt (the published {@code simulate}): an instruction, the question, and the options as
     * a list without letters. The published instruction is in the question's language; this one is in English.
     */
    static String referenceAnswer(String question, List<String> choices) {
        return "Complete the following multiple-choice question by choosing the one option that fits it best. Choose "
                + "strictly from the options given, without explaining and without changing them:\n" + question
                + "\n" + pythonList(choices) + "\n";
    }

    /** The reference's reading call (the published {@code extract_answer_dk}): the chosen option's text, as JSON. */
    static String referenceReadAnswer(String question, String answer, List<String> choices) {
        return "You are an expert in processing JSON. From the list of choices, select the final answer the model "
                + "gave, based on the question and on the model's answer.\n\n" + wrap("question_text", question)
                + "\n" + wrap(GeneratorTasks.MODEL_ANSWER, answer) + "\n" + wrap(GeneratorTasks.CHOICES_LIST,
                pythonList(choices)) + "\n\nOutput format: {\"final_answer\": <the extracted answer, exactly as the "
                + "option is written in the choices>}";
    }

    /** A list of strings as Python prints it ({@code ['a', "it's"]}), as the published prompts show options. */
    static String pythonList(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            String s = items.get(i);
            char q = s.contains("'") && !s.contains("\"") ? '"' : '\'';
            sb.append(i == 0 ? "" : ", ").append(q);
            for (char c : s.toCharArray()) {
                if (c == '\\' || c == q) {
                    sb.append('\\');
                }
                sb.append(c == '\n' ? "\\n" : String.valueOf(c));
            }
            sb.append(q);
        }
        return sb.append(']').toString();
    }

    private static String name(String lang) {
        return Languages.name(lang);
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
