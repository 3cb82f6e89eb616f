package dev.clp.scoring;

import java.util.List;
import org.apiguardian.api.API;

/**
 * How the model did on one side of a pair over its K samples.
 *
 * @param lang language of this side
 * @param prompt the prompt sent
 * @param answers raw answers, one per sample (untrusted text)
 * @param extractions what was extracted from each answer
 * @param expected the right index
 * @param letterProbabilities per sample, the option letters' probabilities with {@code clp.logprobs} (entries may be null)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SideResult(String lang, String prompt, List<String> answers, List<Extraction> extractions,
        int expected, List<java.util.Map<String, Double>> letterProbabilities) {

    public SideResult {
        answers = List.copyOf(answers);
        extractions = List.copyOf(extractions);
        // entries may be null (no log probabilities for that sample)
        letterProbabilities = letterProbabilities == null ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(letterProbabilities));
    }

    public SideResult(String lang, String prompt, List<String> answers, List<Extraction> extractions, int expected) {
        this(lang, prompt, answers, extractions, expected, null);
    }

    /** Samples whose extracted choice is the right one. */
    public int correctCount() {
        return (int) extractions.stream()
                .filter(e -> e instanceof Extraction.Choice c && c.index() == expected).count();
    }

    /** Samples with an extracted choice. */
    public int parsedCount() {
        return (int) extractions.stream().filter(e -> e instanceof Extraction.Choice).count();
    }

    /** Share of samples answered right (unparseable samples count as not right). */
    public double correctShare() {
        return extractions.isEmpty() ? 0 : correctCount() / (double) extractions.size();
    }

    /**
     * Share of samples right when every unreadable sample is taken as right: the most this side could have scored,
     * what a PASS must hold against (an English answer nobody could read must not make a gap look small).
     */
    public double correctShareIfUnreadableRight() {
        return extractions.isEmpty() ? 0 : (correctCount() + extractions.size() - parsedCount())
                / (double) extractions.size();
    }

    /** Right by majority of the samples. */
    public boolean correct() {
        return correctCount() * 2 > extractions.size();
    }

    /** Most samples gave a choice (with one sample: it did): the side counts as read for the coverage gate. */
    public boolean readable() {
        return parsedCount() * 2 > extractions.size();
    }

    /** No sample could be parsed. */
    public boolean unparseable() {
        return parsedCount() == 0;
    }

    /** The samples disagree. */
    public boolean flaky() {
        return extractions.stream().map(e -> e instanceof Extraction.Choice c ? c.index() : -1).distinct().count() > 1;
    }

    /** The first sample's choice as a letter, or {@code ?} when unparseable. */
    public String chosenLetter() {
        for (Extraction e : extractions) {
            if (e instanceof Extraction.Choice c) {
                return String.valueOf(PromptRenderer.letter(c.index()));
            }
        }
        return "?";
    }

    public String expectedLetter() {
        return String.valueOf(PromptRenderer.letter(expected));
    }
}
