package dev.clp.scoring;

/** What the extractor made of a raw answer: a choice, or nothing usable. */
public sealed interface Extraction {

    /** A choice was found. {@code method} says which layer found it. */
    record Choice(int index, String method) implements Extraction {
    }

    /** No choice could be extracted; the reason says why (refusal, ambiguous, empty ...). */
    record Unparseable(String reason) implements Extraction {
    }
}
