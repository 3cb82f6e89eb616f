package dev.clp.scoring;

import dev.clp.suite.Languages;
import dev.clp.suite.Pair;
import org.apiguardian.api.API;

/**
 * The outcome of one pair for one model. A closed set: every pair ends in exactly one of these.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface PairOutcome {

    Pair pair();

    /** Short name used in {@code run.json} and reports. */
    String kind();

    /** A one-paragraph explanation with both answers, starting with {@code [lang=xx]}. */
    String message();

    /**
     * Both sides were answered by the model, readable or not: the pair counts in the statistics, an unreadable
     * answer as a wrong one (a model that does not answer in Swahili has not answered correctly).
     */
    sealed interface Answered extends PairOutcome {
        SideResult en();

        SideResult target();
    }

    /** An outcome where both sides were answered and extracted. */
    sealed interface Graded extends Answered {

        /** The K samples of a side disagreed. */
        default boolean flaky() {
            return en().flaky() || target().flaky();
        }
    }

    /** The target answer was right. */
    record Consistent(Pair pair, SideResult en, SideResult target) implements Graded {
        public String kind() {
            return "consistent";
        }

        public String message() {
            return prefix(pair) + "consistent: English " + en.chosenLetter() + ", " + Languages.name(pair.lang())
                    + " " + target.chosenLetter() + " (expected " + target.expectedLetter() + ")";
        }
    }

    /** English right, target wrong: the cross-lingual weakness the suite looks for. */
    record Weak(Pair pair, SideResult en, SideResult target) implements Graded {
        public String kind() {
            return "weak";
        }

        public String message() {
            return prefix(pair) + "weak: English answered " + en.chosenLetter() + " (right), "
                    + Languages.name(pair.lang()) + " answered " + target.chosenLetter() + ", expected "
                    + target.expectedLetter() + " — English raw: " + quote(en.answers().get(0))
                    + "; target raw: " + quote(target.answers().get(0));
        }
    }

    /** English wrong (target wrong too): the pair measures no cross-lingual gap for this model. */
    record NotApplicable(Pair pair, SideResult en, SideResult target) implements Graded {
        public String kind() {
            return "not-applicable";
        }

        public String message() {
            return prefix(pair) + "not applicable: English answered " + en.chosenLetter() + ", expected "
                    + en.expectedLetter() + "; the pair measures no cross-lingual gap for this model";
        }
    }

    /**
     * An answer could not be turned into a choice; the raw text is kept. It counts as a wrong answer on that side
     * in the statistics, and against the language's coverage gate.
     */
    record Unparseable(Pair pair, SideResult en, SideResult target, String side, String reason)
            implements Answered {
        public String kind() {
            return "unparseable";
        }

        public String message() {
            SideResult r = "en".equals(side) ? en : target;
            return prefix(pair) + "unparseable " + side + " answer (" + reason + "): "
                    + quote(r.answers().isEmpty() ? "" : r.answers().get(0));
        }
    }

    /** The model could not be reached or failed; the message names the endpoint. */
    record Error(Pair pair, String side, String reason) implements PairOutcome {
        public String kind() {
            return "error";
        }

        public String message() {
            return prefix(pair) + "error on the " + side + " side: " + reason;
        }
    }

    /** Not asked: the run's budget was spent first. Not graded, not an error. */
    record NotRun(Pair pair, String reason) implements PairOutcome {
        public String kind() {
            return "not-run";
        }

        public String message() {
            return prefix(pair) + "not run: " + reason;
        }
    }

    private static String prefix(Pair pair) {
        return "[lang=" + pair.lang() + "] ";
    }

    /** Quotes untrusted model text for a one-line message: control characters escaped, length capped. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        int limit = Math.min(s.length(), 300);
        for (int i = 0; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '"') {
                sb.append("\\\"");
            } else if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (s.length() > limit) {
            sb.append("…");
        }
        return sb.append('"').toString();
    }
}
