package dev.clp.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

/**
 * A discovery warning about a place in a suite (a broken line, an unreadable file: an issue with a source) is reported
 * once per JVM. Surefire discovers twice (to list the classes, then to run them),
 * and through a {@code @Suite} class the suite engine discovers the clp engine with a launcher of its own, which logs
 * the warning and relays it to the outer one, which logs it again: a broken suite line printed its warning three
 * times. The line's failing {@code [problem:<line>]} test still says it on every run; errors are never dropped (they
 * stop the engine).
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

    /** The reporter, reporting each warning once. */
    static DiscoveryIssueReporter wrap(DiscoveryIssueReporter reporter) {
        return issue -> {
            if (first(issue)) {
                reporter.reportIssue(issue);
            }
        };
    }
}
