package dev.clp.scoring;

import java.util.List;

/**
 * How the model did on one side of a pair over its K samples.
 *
 * @param lang language of this side
 * @param prompt the prompt sent
 * @param answers raw answers, one per sample (untrusted text)
 * @param extractions what was extracted from each answer
 * @param expected the right index
 */
public record SideResult(String lang, String prompt, List<String> answers, List<Extraction> extractions,
        int expected) {

    public SideResult {
        answers = List.copyOf(answers);
        extractions = List.copyOf(extractions);
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

    /** Right by majority of the samples. */
    public boolean correct() {
        return correctCount() * 2 > extractions.size();
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
