package dev.clp.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteReaderTest {

    @TempDir
    Path dir;

    private static final String GOOD = "{\"id\":\"sw-1\",\"lang\":\"sw\",\"source\":\"s\",\"en\":{\"question\":\"Q?\","
            + "\"choices\":[\"a\",\"b\"],\"answer\":1},\"target\":{\"question\":\"Swali?\",\"choices\":[\"a\",\"b\"],\"answer\":1}}";

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void reportsEachBrokenLineWithFileLineAndFieldAndKeepsLoadingTheRest() throws IOException {
        String lines = String.join("\n",
                GOOD,
                "{not json",
                GOOD.replace("sw-1", "sw-2").replace("\"answer\":1}}", "\"answer\":7}}"),
                GOOD.replace("sw-1", "sw-3").replace("\"answer\":1},\"target\"", "\"answer\":\"b\"},\"target\""),
                GOOD.replace("sw-1", "sw-4").replace("\"lang\":\"sw\"", "\"lang\":\"yo\""),
                GOOD.replace("sw-1", "sw-5").replace("\"source\":\"s\",", "\"source\":\"s\",\"anwser\":1,"),
                GOOD,
                "",
                "[1,2]",
                GOOD.replace("sw-1", "sw-6").replace("\"source\":\"s\",", ""),
                GOOD.replace("sw-1", "sw-7"));
        Path f = file("pairs-sw.jsonl", lines + "\n");

        List<String> streamed = new java.util.ArrayList<>();
        SuiteReader.LanguageFile lf = SuiteReader.read(f, (pair, line) -> streamed.add(pair.id() + "@" + line));

        assertThat(lf.pairs()).extracting(Pair::id).containsExactly("sw-1", "sw-7");
        assertThat(lf.lines()).containsExactly(1, 11);
        assertThat(streamed).as("told of exactly the pairs that load, as they are read").containsExactly("sw-1@1", "sw-7@11");
        assertThat(lf.problems()).extracting(SuiteProblem::toString).containsExactly(
                f + ":2: -: not valid JSON: Unexpected character ('n' (code 110)): was expecting double-quote to start field name",
                f + ":3: target.answer: index 7 is out of range for 2 choices",
                f + ":4: en.answer: required, must be the 0-based index of the right choice (found the string \"b\")",
                f + ":5: lang: 'yo' does not match the file's language 'sw'",
                f + ":6: anwser: unknown field (allowed: en, id, lang, perturbation, provenance, source, subject, target)",
                f + ":7: id: duplicate id 'sw-1', first used on line 1",
                f + ":9: -: expected a JSON object, found ARRAY",
                f + ":10: source: required");
    }

    @Test
    void readsRightToLeftMixedScriptAndBomText() throws IOException {
        String ar = "{\"id\":\"ar-1\",\"lang\":\"ar\",\"source\":\"s\",\"en\":{\"question\":\"Q?\",\"choices\":[\"a\",\"b\"],"
                + "\"answer\":0},\"target\":{\"question\":\"ما الرمز الكيميائي للذهب؟ (Au)\",\"choices\":[\"Au ذهب\",\"٣٦٥\"],\"answer\":0}}";
        Path f = file("pairs-ar.jsonl", "\uFEFF" + ar + "\r\n");

        SuiteReader.LanguageFile lf = SuiteReader.read(f);

        assertThat(lf.problems()).isEmpty();
        assertThat(lf.pairs().get(0).target().choices()).containsExactly("Au ذهب", "٣٦٥");
    }

    @Test
    void anEmptyFileHasNoPairsAndNoProblems() throws IOException {
        SuiteReader.LanguageFile lf = SuiteReader.read(file("pairs-yo.jsonl", ""));
        assertThat(lf.pairs()).isEmpty();
        assertThat(lf.problems()).isEmpty();
    }

    @Test
    void invalidUtf8IsReportedWithItsLine() throws IOException {
        Path f = dir.resolve("pairs-zu.jsonl");
        byte[] good = (GOOD.replace("\"sw", "\"zu").replace("sw-", "zu-") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'{', (byte) 0xC3, (byte) 0x28, '}', '\n'};
        byte[] after = (GOOD.replace("sw-1", "zu-2").replace("\"sw", "\"zu") + "\n").getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        all.write(good);
        all.write(bad);
        all.write(after);
        Files.write(f, all.toByteArray());

        SuiteReader.LanguageFile lf = SuiteReader.read(f);

        assertThat(lf.pairs()).extracting(Pair::id).containsExactly("zu-1", "zu-2");
        assertThat(lf.problems()).extracting(SuiteProblem::line, SuiteProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "not valid UTF-8"));
    }

    @Test
    void aFileNotNamedAfterALanguageIsAProblem() throws IOException {
        SuiteReader.LanguageFile lf = SuiteReader.read(file("swahili.jsonl", GOOD));
        assertThat(lf.problems()).singleElement().extracting(SuiteProblem::message).asString()
                .contains("pairs-<lang>.jsonl");
    }

    @Test
    void aManifestWithoutFormatNamesFileAndField() throws IOException {
        Path f = file("suite.json", "{\"id\":\"x\",\"version\":\"1\"}");
        assertThatThrownBy(() -> SuiteReader.readManifest(f)).isInstanceOf(SuiteException.class)
                .hasMessage(f + ": format: expected \"clp-suite/v1\", found nothing");
    }

    @Test
    void writerOutputReadsBackIdenticallyAndIsByteStable() throws IOException {
        Path suite = SuiteFixtures.suite(dir.resolve("s"), "s", 5, "sw");
        Path f = suite.resolve("pairs-sw.jsonl");
        byte[] first = Files.readAllBytes(f);
        List<Pair> pairs = SuiteReader.read(f).pairs();

        SuiteWriter.writePairs(suite, "sw", reversed(pairs));

        assertThat(Files.readAllBytes(f)).isEqualTo(first);
        assertThat(pairs).extracting(Pair::id).isSorted();
        if (f.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                    .as("written files are ordinary, readable files").isEqualTo("rw-r--r--");
        }
    }

    private static List<Pair> reversed(List<Pair> pairs) {
        List<Pair> copy = new java.util.ArrayList<>(pairs);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
