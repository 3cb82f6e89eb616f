package dev.clp.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code clp} command line. */
@Command(name = "clp", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Cross-lingual regression tests for language models.",
        subcommands = {RunCommand.class, BatchCommand.class, ImportCommand.class, BaselineCommand.class, CalibrateCommand.class,
                SummaryCommand.class, ServeSimCommand.class, GenerateCommand.class, ReportCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"clp " + (v == null ? "(development build)" : v)};
        }
    }
}
