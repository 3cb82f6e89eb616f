package dev.clp.engine;

import java.nio.file.Path;
import org.junit.platform.engine.DiscoverySelector;

/** A selector for a path that may live inside a jar, where File-based selectors cannot point. */
record PathSelector(Path path) implements DiscoverySelector {
}
