package dev.clp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clp.config.ClpConstants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code ./clp} command the project's documents show parses as written: its subcommand exists, every option is
 * one the command declares, and every {@code -Dclp.*} key is a configuration key. The commands are read from the
 * code blocks and inline code of the READMEs and CONTRIBUTING.md, so renaming an option without the docs fails here.
 * Running each command for real is the job of the tests of each command; this catches the docs drifting from them.
 */
class ReadmeCommandsTest {

    private static final List<String> DOCUMENTS = List.of("README.md", "CONTRIBUTING.md", "harness-engine/README.md",
            "probes/README.md", "reports/README.md", "generated-suites/README.md", "harness-assertions/README.md",
            "examples/outside-project/README.md", "bench/README.md");

    private static final Pattern INLINE = Pattern.compile("`(\\./clp [^`]+)`");

    /** A command found in a document; an inline mention ({@code `./clp generate --compare`}) may omit required options. */
    /** The synopsis placeholder and the README's example of a typo the engine catches. */
    private static final java.util.Set<String> NOT_KEYS_ON_PURPOSE = java.util.Set.of("clp.key", "clp.modle");

    /** Grammar notation: optional parts in brackets, alternatives joined by a bar. */
    private static final Pattern SYNOPSIS = Pattern.compile("\\[-|\\]\\.\\.\\.|\\S\\|\\S");

    record DocCommand(String where, String text, boolean inline) { }

    @Test
    void everyDocumentedCommandParses() throws IOException {
        List<DocCommand> commands = commands();
        assertThat(commands).as("./clp commands found in the documents").hasSizeGreaterThan(30);
        List<String> problems = new ArrayList<>();
        for (DocCommand c : commands) {
            List<String> args = ShellWords.split(c.text());
            try {
                CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args.toArray(String[]::new));
                CommandLine.ParseResult leaf = parsed;
                while (leaf.hasSubcommand()) {
                    leaf = leaf.subcommand();
                }
                if (leaf == parsed && !List.of("--help", "--version").containsAll(args)) {
                    problems.add(c.where() + ": no subcommand in: " + c.text());
                }
                if (leaf.hasMatchedOption("-D")) {
                    java.util.Map<String, String> props = leaf.matchedOptionValue("-D", java.util.Map.of());
                    for (String key : props.keySet()) {
                        if (!known(key)) {
                            problems.add(c.where() + ": unknown configuration key " + key + " in: " + c.text());
                        }
                    }
                }
            } catch (CommandLine.MissingParameterException e) {
                if (!c.inline()) {
                    problems.add(c.where() + ": " + e.getMessage() + " in: " + c.text());
                }
            } catch (CommandLine.ParameterException e) {
                problems.add(c.where() + ": " + e.getMessage() + " in: " + c.text());
            }
        }
        assertThat(problems).as("documented commands that do not parse").isEmpty();
    }

    @Test
    void everyDocumentedMavenPropertyIsAKey() throws IOException {
        // `./mvnw test -Dclp.model=...` and `junit-platform.properties` lines: the keys must exist too
        Pattern property = Pattern.compile("-D(clp\\.[a-z0-9.<>-]+)=");
        List<String> unknown = new ArrayList<>();
        int seen = 0;
        for (String doc : DOCUMENTS) {
            Path file = Path.of("..").resolve(doc);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = property.matcher(lines.get(i));
                while (m.find()) {
                    seen++;
                    String key = m.group(1);
                    if (!key.contains("<") && !NOT_KEYS_ON_PURPOSE.contains(key) && !known(key)) {
                        unknown.add(doc + ":" + (i + 1) + ": " + key);
                    }
                }
            }
        }
        assertThat(seen).as("-Dclp.* settings found in the documents").isGreaterThan(20);
        assertThat(unknown).as("documented -D settings that are no configuration key").isEmpty();
    }

    @Test
    void aRenamedOptionIsCaught() {
        // the check above must be able to fail: an option no command declares is a parse error
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Main.commandLine()
                .parseArgs("run", "--suites", "x")).isInstanceOf(CommandLine.ParameterException.class);
        assertThat(known("clp.no-such-key")).isFalse();
        assertThat(known(ClpConstants.MODEL)).isTrue();
    }

    private static boolean known(String key) {
        return !key.startsWith("clp.") || ClpConstants.ALL_KEYS.contains(key)
                || key.startsWith(ClpConstants.GATE_MAX_GAP_PREFIX) || key.startsWith("clp.price.");
    }

    /** The {@code ./clp} commands of every document, with continuation lines joined and comments dropped. */
    static List<DocCommand> commands() throws IOException {
        List<DocCommand> out = new ArrayList<>();
        Path root = Path.of("..");
        for (String doc : DOCUMENTS) {
            Path file = root.resolve(doc);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            boolean fenced = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.strip().startsWith("```")) {
                    fenced = !fenced;
                    continue;
                }
                if (fenced) {
                    int start = i;
                    StringBuilder cmd = new StringBuilder(line.strip());
                    while (cmd.toString().endsWith("\\") && i + 1 < lines.size()) {
                        cmd.setLength(cmd.length() - 1);
                        cmd.append(' ').append(lines.get(++i).strip());
                    }
                    for (String part : cmd.toString().split("&&|;| \\| ")) {
                        String p = part.strip();
                        // a synopsis ("run [--suite DIR]...") shows the grammar, not a command to paste
                        if (p.startsWith("./clp ") && !SYNOPSIS.matcher(p).find()) {
                            out.add(new DocCommand(doc + ":" + (start + 1), stripComment(p), false));
                        }
                    }
                } else {
                    Matcher m = INLINE.matcher(line);
                    while (m.find()) {
                        String text = m.group(1);
                        // an inline mention with placeholders (<...>, ...) is prose, not a command to paste
                        if (!text.contains("<") && !text.contains("...") && !text.contains("…")) {
                            out.add(new DocCommand(doc + ":" + (i + 1), stripComment(text), true));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String stripComment(String command) {
        int hash = command.indexOf(" #");
        return (hash < 0 ? command : command.substring(0, hash)).strip().substring("./clp ".length());
    }

    /** Splits a command line into words as a POSIX shell does for the quoting the documents use. */
    static final class ShellWords {
        static List<String> split(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder w = new StringBuilder();
            boolean inWord = false;
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        w.append(c);
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    inWord = true;
                } else if (Character.isWhitespace(c)) {
                    if (inWord) {
                        words.add(w.toString());
                        w.setLength(0);
                        inWord = false;
                    }
                } else {
                    w.append(c);
                    inWord = true;
                }
            }
            if (inWord) {
                words.add(w.toString());
            }
            return words;
        }
    }
}
