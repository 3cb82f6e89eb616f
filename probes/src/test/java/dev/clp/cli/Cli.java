package dev.clp.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the {@code clp} command line in-process, as {@link Main#execute} does, capturing both streams. */
final class Cli {

    /** Exit status and what the command printed. */
    record Result(int exit, String out, String err) {
    }

    private Cli() {
    }

    static Result clp(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
