package dev.clp.engine;

import java.util.Set;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

/**
 * {@code [problem:<line>]}: a suite line (or file) that could not be loaded. It fails with
 * {@code file:line: field: what is wrong}, so a broken line can't go unnoticed, while every other pair runs.
 */
final class ProblemDescriptor extends AbstractTestDescriptor implements Node<ClpExecutionContext> {

    static final String SEGMENT = "problem";

    private final String message;
    private final Set<TestTag> tags;

    /**
     * @param lang the language of the file the problem is in, so tag filters ({@code lang:sw}) keep it; null
     *     for a problem of the suite as a whole
     */
    ProblemDescriptor(UniqueId uniqueId, String displayName, String message, TestSource source, String lang) {
        super(uniqueId, displayName, source);
        this.message = message;
        this.tags = lang == null ? Set.of() : Set.of(Tags.lang(lang));
    }

    @Override
    public Set<TestTag> getTags() {
        return tags;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public ClpExecutionContext execute(ClpExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        throw new AssertionFailedError(message);
    }
}
