package dev.clp.engine;

import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;

/**
 * A test without children: what {@code AbstractTestDescriptor} gives JUnit (unique id, display name, source, parent,
 * equality by class and unique id) without the synchronized, linked children set it gives every descriptor, about
 * 100 bytes a pair kept for the whole run (issue 17.3: memory grows with concurrency, not with pairs).
 */
abstract class LeafDescriptor implements TestDescriptor {

    private final UniqueId uniqueId;
    private final String displayName;
    private final TestSource source;
    private TestDescriptor parent;

    LeafDescriptor(UniqueId uniqueId, String displayName, TestSource source) {
        this.uniqueId = uniqueId;
        this.displayName = displayName;
        this.source = source;
    }

    @Override
    public UniqueId getUniqueId() {
        return uniqueId;
    }

    @Override
    public String getDisplayName() {
        return displayName;
    }

    @Override
    public Optional<TestSource> getSource() {
        return Optional.ofNullable(source);
    }

    @Override
    public Optional<TestDescriptor> getParent() {
        return Optional.ofNullable(parent);
    }

    @Override
    public void setParent(TestDescriptor parent) {
        this.parent = parent;
    }

    /** None, and the same empty set for every pair. */
    @Override
    public Set<? extends TestDescriptor> getChildren() {
        return Set.of();
    }

    @Override
    public void addChild(TestDescriptor child) {
        throw new UnsupportedOperationException(uniqueId + " is a pair's test and has no children (not " + child
                .getUniqueId() + ")");
    }

    @Override
    public void removeChild(TestDescriptor child) {
        // it has none: nothing to remove
    }

    @Override
    public void removeFromHierarchy() {
        if (parent == null) {
            throw new org.junit.platform.commons.PreconditionViolationException(
                    "cannot remove the root of a hierarchy");
        }
        parent.removeChild(this);
        parent = null;
    }

    @Override
    public Optional<? extends TestDescriptor> findByUniqueId(UniqueId uniqueId) {
        return this.uniqueId.equals(uniqueId) ? Optional.of(this) : Optional.empty();
    }

    /** As {@code AbstractTestDescriptor}: equal when of one class and one unique id. */
    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && uniqueId.equals(((LeafDescriptor) other).uniqueId);
    }

    @Override
    public int hashCode() {
        return uniqueId.hashCode();
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + ": " + uniqueId;
    }
}
