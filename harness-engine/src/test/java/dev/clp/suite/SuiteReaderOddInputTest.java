package dev.clp.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clp.testing.Fifo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Suite lines written to break the reader: huge indices, too many choices, FIFOs, and fuzzed lines. */
class SuiteReaderOddInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String line(String id, int choices, String answer) {
        StringBuilder cs = new StringBuilder();
        for (int i = 0; i < choices; i++) {
            cs.append(i == 0 ? "" : ",").append("\"c").append(i).append('"');
        }
        return "{\"id\":\"" + id + "\",\"lang\":\"sw\",\"source\":\"s\",\"en\":{\"question\":\"Q?\",\"choices\":[" + cs
                + "],\"answer\":" + answer + "},\"target\":{\"question\":\"Swali?\",\"choices\":[" + cs + "],\"answer\":0}}";
    }

    private SuiteReader.LanguageFile read(String... lines) throws IOException {
        Path f = dir.resolve("pairs-sw.jsonl");
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return SuiteReader.read(f);
    }

    @Test
    void anAnswerIndexBeyondIntIsOutOfRangeNotTruncated() throws IOException {
        SuiteReader.LanguageFile lf = read(line("sw-1", 4, "4294967297"), line("sw-2", 4, "-4294967296"),
                line("sw-3", 4, "99999999999999999999999"), line("sw-4", 4, "1"));
        Path f = dir.resolve("pairs-sw.jsonl");
        assertThat(lf.pairs()).extracting(Pair::id).containsExactly("sw-4");
        assertThat(lf.problems()).extracting(SuiteProblem::toString).containsExactly(
                f + ":1: en.answer: index 4294967297 is out of range for 4 choices",
                f + ":2: en.answer: index -4294967296 is out of range for 4 choices",
                f + ":3: en.answer: index 99999999999999999999999 is out of range for 4 choices");
    }

    @Test
    void moreChoicesThanOptionLettersAreAnError() throws IOException {
        SuiteReader.LanguageFile lf = read(line("sw-1", 27, "0"), line("sw-2", 10_000, "3"), line("sw-3", 26, "25"));
        Path f = dir.resolve("pairs-sw.jsonl");
        assertThat(lf.pairs()).extracting(Pair::id).containsExactly("sw-3");
        assertThat(lf.problems()).extracting(SuiteProblem::toString).contains(
                f + ":1: en.choices: at most 26 choices (labelled A to Z), found 27",
                f + ":2: en.choices: at most 26 choices (labelled A to Z), found 10000");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoIsReportedAndNeverOpened() throws Exception {
        Path fifo = dir.resolve("pairs-sw.jsonl");
        Fifo.create(fifo);
        try {
            // opening a FIFO for reading blocks until a writer comes: reading it would hang discovery
            SuiteReader.LanguageFile lf = SuiteReader.read(fifo);
            assertThat(lf.pairs()).isEmpty();
            assertThat(lf.problems()).extracting(SuiteProblem::toString).containsExactly(
                    fifo + ":0: -: not a regular file (a FIFO, device or socket); not read");
        } finally {
            Fifo.unblock(fifo);
        }
    }

    /**
     * Random mutations of valid lines (bytes flipped, cut, inserted; values swapped for hostile ones): whatever a line
     * becomes, reading never throws, every line that does not load has a problem naming the file and its line, every
     * line that loads is a usable pair, and the untouched lines all load.
     */
    @Test
    void fuzzedLinesAreEachReportedWithFileAndLineWhileTheRestLoads() throws IOException {
        Random random = new Random(20261201);
        Path f = dir.resolve("pairs-sw.jsonl");
        for (int round = 0; round < 20; round++) {
            List<String> lines = new ArrayList<>();
            Set<Integer> untouched = new HashSet<>();
            for (int i = 0; i < 100; i++) {
                String valid = line("sw-" + round + "-" + i, 2 + random.nextInt(6), "0");
                if (random.nextInt(3) == 0) {
                    untouched.add(i + 1);
                    lines.add(valid);
                } else {
                    lines.add(mutate(valid, random));
                }
            }
            Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

            SuiteReader.LanguageFile lf = SuiteReader.read(f);

            Set<Integer> loaded = new HashSet<>(lf.lines());
            Set<Integer> reported = new HashSet<>();
            for (SuiteProblem p : lf.problems()) {
                assertThat(p.toString()).startsWith(f + ":" + p.line() + ": ");
                reported.add(p.line());
            }
            for (int n = 1; n <= lines.size(); n++) {
                String text = lines.get(n - 1);
                if (text.isBlank()) {
                    continue;
                }
                assertThat(loaded.contains(n) || reported.contains(n))
                        .as("round %d line %d loads or is reported: %s", round, n, text).isTrue();
                assertThat(loaded.contains(n) && reported.contains(n))
                        .as("round %d line %d: loaded and reported", round, n).isFalse();
            }
            assertThat(loaded).as("round %d: every untouched line loads", round).containsAll(untouched);
            for (Pair p : lf.pairs()) {
                for (Side s : List.of(p.en(), p.target())) {
                    assertThat(s.answer()).isBetween(0, s.choices().size() - 1);
                    assertThat(s.choices().size()).isBetween(2, 26);
                }
            }
        }
    }

    private static final String[] HOSTILE = {"4294967297", "-1", "1e309", "1.5", "null", "true", "\"0\"", "[]", "{}",
        "\"\"", "\"\\u0000\"", "9223372036854775808", "-0", "[[[[[[[[[[]]]]]]]]]]"};

    private static String mutate(String line, Random random) throws IOException {
        switch (random.nextInt(5)) {
            case 0 -> { // flip, cut or insert bytes
                StringBuilder sb = new StringBuilder(line);
                for (int k = 0, n = 1 + random.nextInt(4); k < n && sb.length() > 0; k++) {
                    int at = random.nextInt(sb.length());
                    switch (random.nextInt(3)) {
                        case 0 -> sb.setCharAt(at, (char) (32 + random.nextInt(95)));
                        case 1 -> sb.deleteCharAt(at);
                        default -> {
                            String junk = "{}[]\",:\\\u00e9\uFEFF\r";
                            sb.insert(at, junk.charAt(random.nextInt(junk.length())));
                        }
                    }
                }
                return sb.toString();
            }
            case 1 -> { // truncate
                return line.substring(0, random.nextInt(line.length()));
            }
            default -> { // a field given a hostile value, removed, or the choices blown up
                ObjectNode node = (ObjectNode) JSON.readTree(line);
                ObjectNode side = (ObjectNode) node.get(random.nextBoolean() ? "en" : "target");
                String field = new String[] {"answer", "choices", "question", "id", "lang"}[random.nextInt(5)];
                ObjectNode holder = field.equals("id") || field.equals("lang") ? node : side;
                int what = random.nextInt(3);
                if (what == 0) {
                    holder.remove(field);
                } else if (what == 1 && field.equals("choices")) {
                    ArrayNode many = holder.putArray("choices");
                    for (int i = 0, n = 27 + random.nextInt(100); i < n; i++) {
                        many.add("c" + i);
                    }
                } else {
                    holder.set(field, JSON.readTree(HOSTILE[random.nextInt(HOSTILE.length)]));
                }
                return JSON.writeValueAsString(node);
            }
        }
    }
}
