package dev.clp.testing;

import java.util.Comparator;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;

/**
 * Doubles equal to the last bits a sum in another order may change (relative 1e-12): gates decided from compact
 * outcomes, from merged shards and from full outcomes visit the pairs in other orders.
 */
public final class LastBits {

    /** Equal when within 1e-12 relative (absolute below 1). */
    public static final Comparator<Double> CLOSE = (x, y) -> Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x)) ? 0
            : Double.compare(x, y);

    private LastBits() {
    }

    /** A recursive comparison that compares every double with {@link #CLOSE}. */
    public static RecursiveComparisonConfiguration comparison() {
        return RecursiveComparisonConfiguration.builder().withComparatorForType(CLOSE, Double.class).build();
    }
}
