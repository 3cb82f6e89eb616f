package dev.clp.engine;

import dev.clp.suite.Suite;
import java.nio.file.Path;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** {@code [suite:<id>]}: one suite directory. */
final class SuiteDescriptor extends AbstractTestDescriptor implements Node<ClpExecutionContext> {

    static final String SEGMENT = "suite";

    private final Suite suite;

    SuiteDescriptor(UniqueId uniqueId, Suite suite, Path dir, String displayName) {
        super(uniqueId, displayName, Sources.directory(dir));
        this.suite = suite;
    }

    /** The suite, or null when its manifest could not be read (a problem child says why). */
    Suite suite() {
        return suite;
    }

    String suiteId() {
        return getUniqueId().getLastSegment().getValue();
    }

    String suiteVersion() {
        return suite == null ? "?" : suite.manifest().version();
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
