package dev.clp.engine;

import dev.clp.suite.SuiteProblem;
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

    ProblemDescriptor(UniqueId uniqueId, SuiteProblem problem) {
        super(uniqueId, "invalid line " + problem.line() + ": " + problem.field(),
                Sources.file(problem.file(), problem.line()));
        this.message = problem.toString();
    }

    ProblemDescriptor(UniqueId uniqueId, String displayName, String message, org.junit.platform.engine.TestSource source) {
        super(uniqueId, displayName, source);
        this.message = message;
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
