package dev.clp.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownSummaryTest {

    @TempDir
    Path tmp;

    @Test
    void rendersOneRowPerLanguageAndTheSimulatedBanner() throws IOException {
        Path run = tmp.resolve("run.json");
        Files.writeString(run, """
                {"format":"clp-run/v1","model":"sim:default","simulated":true,
                 "settings":{"maxGap":0.1,"alpha":0.01},
                 "languages":[
                  {"lang":"sw","language":"Swahili","pairs":12,"englishAccuracy":0.9166,"targetAccuracy":0.5,
                   "gap":0.4166,"gapLower":0.05,"gapUpper":0.7,"verdict":"INCONCLUSIVE"},
                  {"lang":"yo","language":"Yoruba","pairs":0,"englishAccuracy":null,"targetAccuracy":null,
                   "gap":null,"gapLower":null,"gapUpper":null,"verdict":"NO_DATA"}]}""");

        String md = MarkdownSummary.render(run);

        assertThat(md).contains("**SIMULATED**")
                .contains("| sw | Swahili | 12 | – | 91.7% | 50.0% | +41.7 | [+5.0, +70.0] | ⚠️ INCONCLUSIVE |")
                .contains("| yo | Yoruba | 0 | – | – | – | – | – | NO\\_DATA |")
                .contains("max gap 10.0 points").doesNotContain("regression vs baseline");
    }

    @Test
    void aGateThatFailsWithoutAFailSaysSoAndCoverageIsShown() throws IOException {
        // a mute target language: coverage fails; an underpowered gap gate fails the build while INCONCLUSIVE
        Path run = tmp.resolve("run.json");
        Files.writeString(run, """
                {"format":"clp-run/v1","model":"openai:m","simulated":false,
                 "settings":{"maxGap":0.1,"alpha":0.01},
                 "languages":[
                  {"lang":"sw","language":"Swahili","pairs":412,"coverage":0.0,"coverageFails":true,
                   "englishAccuracy":0.167,"targetAccuracy":0.0,"gap":0.167,"gapLower":0.04,"gapUpper":0.449,
                   "verdict":"INCONCLUSIVE","gapFails":true,"gapUnderpowered":true}]}""");

        assertThat(MarkdownSummary.render(run))
                .contains("| sw | Swahili | 412 | ❌ 0.0% | 16.7% | 0.0% | +16.7 | [+4.0, +44.9] | ❌ ⚠️ INCONCLUSIVE (underpowered) |");
    }

    @Test
    void escapesMarkupInAnythingThatCameFromOutside() {
        assertThat(MarkdownSummary.escape("<script>alert(1)</script> | **x**"))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*\\*x\\*\\*");
    }

    @Test
    void aFileThatIsNotARunRecordIsNamed() throws IOException {
        Path other = tmp.resolve("other.json");
        Files.writeString(other, "{\"format\":\"something\"}");
        assertThatThrownBy(() -> MarkdownSummary.render(other)).hasMessageContaining(other + ": not a clp run record");
    }
}
