package dev.clp.engine;

import dev.clp.config.ClpConstants;
import java.io.PrintStream;
import org.apiguardian.api.API;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the engine's per-language summary table when a test plan finishes, under any launcher that
 * loads listeners through ServiceLoader (Maven Surefire, the Console Launcher, Gradle, IDEs). It is the one
 * place of the engine module that writes to a standard stream, like a build tool's console reporter.
 * {@code clp.console.summary=false} turns it off (the {@code clp} command line prints the table itself).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ConsoleSummaryListener implements TestExecutionListener {

    private final PrintStream out;
    private volatile boolean enabled = true;
    private volatile String summary;

    public ConsoleSummaryListener() {
        this(System.out);
    }

    ConsoleSummaryListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        enabled = testPlan.getConfigurationParameters().getBoolean(ClpConstants.CONSOLE_SUMMARY).orElse(true)
                && !consoleLauncherPrintsEntries(System.getProperty("sun.java.command", ""));
        summary = null;
    }

    /**
     * Whether this JVM is the JUnit Console Launcher in a details mode that prints report entries (tree, the default,
     * flat and verbose): it prints the {@code clp.summary} entry itself, and the table came out twice.
     */
    static boolean consoleLauncherPrintsEntries(String javaCommand) {
        if (!javaCommand.contains("junit-platform-console-standalone") && !javaCommand.contains("org.junit.platform.console.")) {
            return false;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("--details[= ]+(\\S+)").matcher(javaCommand);
        String details = "tree";
        while (m.find()) {
            details = m.group(1);
        }
        return details.equals("tree") || details.equals("flat") || details.equals("verbose");
    }

    @Override
    public void reportingEntryPublished(TestIdentifier testIdentifier, ReportEntry entry) {
        String table = entry.getKeyValuePairs().get(ClpEngineDescriptor.SUMMARY_KEY);
        if (table != null) {
            summary = table;
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        String table = summary;
        if (enabled && table != null) {
            out.println();
            out.print(dev.clp.model.SafeText.terminal(table, true));
            out.flush();
        }
    }
}
