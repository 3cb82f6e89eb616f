package dev.clp.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

/**
 * A discovery warning about a place in a suite (a broken line, an unreadable file: an issue with a source) is reported
 * once per JVM. Surefire discovers twice (to list the classes, then to run them),
 * and through a {@code @Suite} class the suite engine discovers the clp engine with a launcher of its own, which logs
 * the warning and relays it to the outer one, which logs it again: a broken suite line printed its warning three
 * times. Warnings about the configuration (unknown keys) have no source: {@link #first(String,
 * EngineDiscoveryRequest)} reports them once per JVM and selection. The line's failing {@code [problem:<line>]} test
 * still says it on every run; errors are never dropped (they stop the engine).
 */
final class WarnedOnce {

    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private WarnedOnce() {
    }

    /** Whether the issue is to be reported: an error or one without a source always, else the first time. */
    static boolean first(DiscoveryIssue issue) {
        return issue.severity() == DiscoveryIssue.Severity.ERROR || issue.source().isEmpty()
                || REPORTED.add(issue.severity() + " " + issue.message() + " " + issue.source().get());
    }

    /**
     * Whether a warning about the run's configuration (an unknown key, a threshold for a language the suites do not
     * have) is to be reported: the first time in this JVM for this selection. The selectors are part of the key, not
     * the configuration parameters (Surefire adds its {@code configurationParameters} only to the run's discovery,
     * not to the one that lists the classes), so another run in the same JVM of other suites (a test kit's) is
     * warned again.
     */
    static boolean first(String message, EngineDiscoveryRequest request) {
        StringBuilder key = new StringBuilder("CONFIG ").append(message);
        request.getSelectorsByType(DiscoverySelector.class).stream().map(Object::toString).sorted()
                .forEach(s -> key.append('\n').append(s));
        return REPORTED.add(key.toString());
    }

    /** The reporter, reporting each warning once. */
    static DiscoveryIssueReporter wrap(DiscoveryIssueReporter reporter) {
        return issue -> {
            if (first(issue)) {
                reporter.reportIssue(issue);
            }
        };
    }
}
