package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Why the others are wrong:": a short heading with a word for "other" (data key {@code others}) ending in a colon
 * heads the list of the options not chosen, so each label that opens a line of that list is ruled out, whatever the
 * line says of it ("• C) ማርስ፦ ስህተት ነው።", "* D) B− passt nicht."). Written from the shape of dev-i's lost answers
 * (a label first, then "why the others are wrong" and the other labels listed) before the code was changed; the
 * wording is this test's own. The question asks for the capital of France (B). {@code ~} is no letter.
 */
class AnswerExtractorOthersHeadingTest {

    @ParameterizedTest(name = "{0}: {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | cities  | "B) Paris\\n\\nWhy the others are wrong:\\n\\n* A) Rome is the capital of Italy.\\n* C) Berlin is the capital of Germany.\\n* D) London is the capital of England." | B
            de | dcities | "B) Paris\\n\\nWarum die anderen nicht passen:\\n\\n* **A)** Rom liegt in Italien.\\n* **C)** Berlin liegt in Deutschland.\\n* **D)** London liegt in England." | B
            zh | ccities | "B\\n\\n其他选项为什么不对：\\n\\n- **A)** 罗马在意大利。\\n- **C)** 柏林在德国。\\n- **D)** 伦敦在英国。" | B
            ja | jcities | "B) パリ\\n\\n他の選択肢が違う理由：\\n• A) ローマはイタリアの首都です。\\n• C) ベルリンはドイツの首都です。\\n• D) ロンドンはイギリスの首都です。" | B
            ko | kcities | "B) 파리\\n\\n나머지 보기가 틀린 이유:\\n\\n* A) 로마는 이탈리아의 수도입니다.\\n* C) 베를린은 독일의 수도입니다.\\n* D) 런던은 영국의 수도입니다." | B
            hi | hicities | "B) पेरिस\\n\\nबाकी विकल्प क्यों गलत हैं:\\n\\n* A) रोम इटली की राजधानी है।\\n* C) बर्लिन जर्मनी की राजधानी है।\\n* D) लंदन ब्रिटेन की राजधानी है।" | B
            am | mcities | "B።\\n\\nሌሎቹ ለምን ስህተት ናቸው፦\\n\\n• A) ሮም፦ የጣሊያን ዋና ከተማ ናት።\\n• C) በርሊን፦ የጀርመን ዋና ከተማ ናት።\\n• D) ለንደን፦ የእንግሊዝ ዋና ከተማ ናት።" | B
            sw | scities | "B) Paris\\n\\nKwa nini mengine si sahihi:\\n\\n* A) Roma iko Italia.\\n* C) Berlin iko Ujerumani.\\n* D) London iko Uingereza." | B
            uk | ucities | "B) Париж\\n\\nЧому інші не підходять:\\n\\n* A) Рим — столиця Італії.\\n* C) Берлін — столиця Німеччини.\\n* D) Лондон — столиця Британії." | B
            en | cities  | "Why not the others:\\n\\n* A) Rome is in Italy.\\n* C) Berlin is in Germany.\\n\\nSo the answer is B." | B
            en | cities  | "The other options:\\n\\n* A) Rome\\n* B) Paris\\n* C) Berlin\\n* D) London" | ~
            de | dcities | "Warum die anderen falsch sind:\\n\\n* A) Rom liegt in Italien.\\n* C) Berlin liegt in Deutschland." | ~
            en | cities  | "Let's look at the options:\\n\\n* A) Rome is in Italy.\\n* B) Paris is in France.\\n* C) Berlin is in Germany." | ~
            zh | ccities | "我们看看各个选项：\\n\\n- A) 罗马在意大利。\\n- B) 巴黎在法国。" | ~
            """)
    void labelsListedUnderTheOthersHeadingAreRuledOut(String lang, String options, String raw, String expected) {
        ExtractionCheck.reads(lang, ExtractionCheck.CAPITALS.get(options), raw, "stop", expected);
    }
}
