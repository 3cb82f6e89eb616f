package dev.clp.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clp.scoring.Baseline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a run or gates record that is not one: every message names the file and what is wrong. */
class RunDocumentTest {

    @TempDir
    Path tmp;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = tmp.resolve("nowhere/run.json");
        assertThatThrownBy(() -> RunDocument.read(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(missing + ": cannot read clp run record");
    }

    @Test
    void garbageIsNamedWithTheFile() throws IOException {
        Path garbage = file("run.json", "{not json");
        assertThatThrownBy(() -> RunDocument.read(garbage)).hasMessageStartingWith(garbage + ": cannot read");
    }

    @Test
    void anotherFormatIsNamed() throws IOException {
        Path gates = file("gates.json", "{\"format\":\"clp-gates/v1\"}");
        assertThatThrownBy(() -> RunDocument.read(gates))
                .hasMessage(gates + ": not a clp run record (format clp-run/v1)");
        Path run = file("run.json", "{\"format\":\"clp-run/v1\"}");
        assertThatThrownBy(() -> GatesDocument.read(run))
                .hasMessage(run + ": not a clp gates record (format clp-gates/v1)");
        Path array = file("list.json", "[1, 2]");
        assertThatThrownBy(() -> RunDocument.read(array)).hasMessageContaining(array + ": not a clp run record");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedWithItsPath() throws IOException {
        Path run = file("run.json", """
                {"format":"clp-run/v1","model":"m","languages":[{"lang":"sw","pairs":"many"}]}""");
        assertThatThrownBy(() -> RunDocument.read(run)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(run + ": not a valid clp run record (format clp-run/v1)")
                .hasMessageContaining("\"languages\"").hasMessageContaining("\"pairs\"");
    }

    @Test
    void aGateOfAnUnknownKindIsNamed() throws IOException {
        Path gates = file("gates.json", """
                {"format":"clp-gates/v1","gates":[{"kind":"speed","lang":"sw"}]}""");
        assertThatThrownBy(() -> GatesDocument.read(gates)).hasMessageStartingWith(gates + ": not a valid clp gates "
                + "record").hasMessageContaining("speed");
    }

    @Test
    void aBaselineWithAFieldOfTheWrongTypeIsNamed() throws IOException {
        Path baseline = file("baseline.json", """
                {"format":"clp-baseline/v1","model":"m","samples":"many","pairs":{}}""");
        assertThatThrownBy(() -> Baseline.read(baseline)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(baseline + ": not a readable baseline").hasMessageContaining("samples");
        Path partial = file("partial.json", """
                {"format":"clp-baseline/v1","model":"m","pairs":{"s":{"sw-1":{"lang":"sw","outcome":"error"}}}}""");
        Baseline read = Baseline.read(partial);
        assertThat(read.samples()).isEqualTo(1);
        assertThat(read.pair("s", "sw-1")).get().matches(p -> Double.isNaN(p.target()) && !p.graded());
    }

    @Test
    void anOlderRecordWithoutTheNewerFieldsReadsAsNullOrZero() throws IOException {
        Path run = file("run.json", """
                {"format":"clp-run/v1","model":"m","simulated":false,
                 "languages":[{"lang":"sw","pairs":12,"verdict":"PASS"}],"extra":{"from":"a newer harness"}}""");
        RunDocument.Language sw = RunDocument.read(run).language("sw").orElseThrow();
        assertThat(sw.pairs()).isEqualTo(12);
        assertThat(sw.coverage()).isNull();
        assertThat(sw.coverageFails()).isFalse();
        assertThat(sw.regression()).isNull();
    }
}
