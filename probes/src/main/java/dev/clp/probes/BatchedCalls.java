package dev.clp.probes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.model.ModelClient;
import dev.clp.probes.CallLedger.Kind;
import dev.clp.suite.Side;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The improved strategy's batched calls: several distractions, translations or meaning verdicts in one call, each
 * answered as a JSON array; an item a reply leaves out (or a reply that is no such array) is asked for alone, so a
 * model that ignores the batch format costs calls, never results.
 */
final class BatchedCalls {

    static final int TEXT_TOKENS = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GeneratorSettings settings;
    private final CallLedger ledger;
    private final Function<String, ModelClient> models;

    BatchedCalls(GeneratorSettings settings, CallLedger ledger, Function<String, ModelClient> models) {
        this.settings = settings;
        this.ledger = ledger;
        this.models = models;
    }

    /** Distractions for several wrong options of one question whose right option is {@code correct}. */
    List<String> distractions(String question, String correct, List<String> options, String label) {
        ModelClient writer = models.apply(settings.writer());
        String reply = ledger.ask(writer, Kind.DISTRACTION, Prompts.distractions(question, correct, options),
                settings.distractionTemperature(), Panel.ANSWER_TOKENS * options.size(), label + " distractions", "en")
                .text();
        List<String> out = new ArrayList<>(stringArray(reply, options.size(), BatchedCalls::distractionText));
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).isEmpty()) {
                out.set(i, distractionText(ledger.ask(writer, Kind.DISTRACTION, Prompts.distraction(question,
                        correct, options.get(i)), settings.distractionTemperature(), Panel.ANSWER_TOKENS, label + " distraction",
                        "en").text()));
            }
        }
        return out;
    }

    /** Translations of several texts; into English they count as back-translations. */
    List<String> translations(String from, String to, List<String> texts, String label) {
        if (texts.isEmpty()) {
            return List.of();
        }
        ModelClient translator = models.apply(settings.translator());
        Kind kind = "en".equals(to) ? Kind.BACK_TRANSLATION : Kind.TRANSLATION;
        String reply = ledger.ask(translator, kind, Prompts.translateTexts(from, to, texts), 0.0,
                TEXT_TOKENS * texts.size(), label + " translation", to).text();
        List<String> out = new ArrayList<>(stringArray(reply, texts.size()));
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).isEmpty()) {
                out.set(i, ledger.ask(translator, kind, Prompts.translateText(from, to, texts.get(i)), 0.0, TEXT_TOKENS,
                        label + " translation", to).text().strip());
            }
        }
        return out;
    }

    /** The judge's verdict ({@link GeneratorTasks#SAME} or {@link GeneratorTasks#CHANGED}) on each perturbed question. */
    List<String> verdicts(List<Side> originals, List<String> perturbed) {
        ModelClient judge = models.apply(settings.judge());
        String reply = ledger.ask(judge, Kind.JUDGE, Prompts.judgeAll(originals, perturbed), 0.0, 16 * originals.size(),
                "judge", "en").text();
        List<String> out = new ArrayList<>(stringArray(reply, originals.size()));
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).isEmpty()) {
                out.set(i, ledger.ask(judge, Kind.JUDGE, Prompts.judge(originals.get(i), perturbed.get(i)), 0.0, 16,
                        "judge", "en").text().strip());
            }
        }
        return out;
    }

    /** A label before the distraction ({@code Distraction:}, {@code **Generated Distraction:**}), any case. */
    private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile(
            "(?i)^(?:generated\\s+)?distraction\\s*:\\s*");
    /** A line of chatter: an opening ("Sure, here's ...:", "Certainly!") or a closing ("I hope this helps"). */
    private static final java.util.regex.Pattern CHATTER = java.util.regex.Pattern.compile(
            "(?i)^(?:(?:sure|certainly|of course|okay|ok|absolutely|here(?:'s| is| are))\\b.*"
                    + "|.*:\\s*|(?:i hope|let me know|feel free|hope this)\\b.*)$");

    /**
     * The distraction in a writer's reply, without what real models add around it: markdown emphasis, a
     * {@code Distraction:} label (with or without "Generated", bold or not), lines of chatter before or after it
     * ("Sure, here's a distraction:", "I hope this helps!") and quotes around it. Empty when nothing else is left.
     */
    static String distractionText(String reply) {
        List<String> lines = new ArrayList<>();
        for (String line : reply.replace("**", "").replace("__", "").split("\\R")) {
            String l = line.strip();
            java.util.regex.Matcher label = LABEL.matcher(l);
            if (label.find()) {
                lines.clear(); // what came before the label was preamble
                l = l.substring(label.end()).strip();
                if (!l.isEmpty()) {
                    lines.add(l);
                }
                continue;
            }
            if (!l.isEmpty() && !CHATTER.matcher(l).matches()) {
                lines.add(l);
            }
        }
        return unquote(String.join(" ", lines).strip());
    }

    private static String unquote(String text) {
        String t = text;
        while (t.length() >= 2 && "\"“'«‘".indexOf(t.charAt(0)) >= 0 && "\"”'»’".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    /** The strings of a JSON array reply of exactly {@code n} items; empty strings where it is not one. */
    static List<String> stringArray(String reply, int n) {
        return stringArray(reply, n, String::strip);
    }

    /** The same, each item cleaned by {@code clean} (a distraction's chatter). */
    static List<String> stringArray(String reply, int n, java.util.function.UnaryOperator<String> clean) {
        List<String> out = new ArrayList<>(Collections.nCopies(n, ""));
        String text = reply.strip();
        int start = text.indexOf('[');
        int end = text.lastIndexOf(']');
        if (start < 0 || end < start) {
            return out;
        }
        try {
            JsonNode node = JSON.readTree(text.substring(start, end + 1));
            if (node.isArray() && node.size() == n) {
                for (int i = 0; i < n; i++) {
                    out.set(i, node.get(i).isTextual() ? clean.apply(node.get(i).asText()) : "");
                }
            }
        } catch (java.io.IOException e) {
            // not a JSON array: every item is asked for alone
        }
        return out;
    }
}
