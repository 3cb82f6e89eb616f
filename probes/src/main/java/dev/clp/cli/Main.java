package dev.clp.cli;

import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code clp} command line. */
@Command(name = "clp", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Cross-lingual regression tests for language models.",
        subcommands = {RunCommand.class, BatchCommand.class, ImportCommand.class, BaselineCommand.class, CalibrateCommand.class,
                SummaryCommand.class, MergeCommand.class, ServeSimCommand.class, GenerateCommand.class, ReportCommand.class, ValidateCommand.class,
                FmtCommand.class, CommandLine.HelpCommand.class})
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        return commandLine(args).execute(args);
    }

    /** The command line as {@link #execute} configures it (tests parse documented commands with it). */
    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /**
     * The command line for these arguments: {@code clp run ...} gets {@code clp} with the run command alone, the same
     * command as in {@link #commandLine()}; building every subcommand's model by reflection cost a warm rerun's main
     * thread an eighth of its Java samples (JFR). Anything else gets the whole command line.
     */
    static CommandLine commandLine(String... args) {
        if (args.length > 0 && "run".equals(args[0])) {
            return new CommandLine(new RunOnly()).setCaseInsensitiveEnumValuesAllowed(true);
        }
        return commandLine();
    }

    /** {@code clp} holding the run command only (what {@code clp run} needs). */
    @Command(name = "clp", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = "Cross-lingual regression tests for language models.", subcommands = RunCommand.class)
    static final class RunOnly implements Runnable {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            // the build writes the project version into this resource (probes/pom.xml filters it)
            java.util.Properties p = new java.util.Properties();
            try (var in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"clp " + p.getProperty("version", "(unknown version: built without its resources)"),
                    "Java " + System.getProperty("java.version") + ", " + System.getProperty("java.vm.name")};
        }
    }
}
