package dev.clp.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15, clear answers the extractor lost as unparseable (brief XL8): words for "wrong" missing from the language
 * data, ordinal answers ("the third option"), an unclosed think block followed by the answer. Written before the
 * extractor was changed for them, in words of my own (not the corpus lines). {@code ~} means no letter.
 */
class AnswerExtractorLostAnswersTest {

    private static final Map<String, List<String>> SETS = Map.ofEntries(
            Map.entry("cities", List.of("London", "Paris", "Rome", "Berlin")),
            Map.entry("dcities", List.of("London", "Paris", "Rom", "Berlin")),
            Map.entry("fcities", List.of("Londres", "Paris", "Rome", "Berlin")),
            Map.entry("scities", List.of("Londres", "París", "Roma", "Berlín")),
            Map.entry("icities", List.of("Londra", "Parigi", "Roma", "Berlino")),
            Map.entry("jcities", List.of("ロンドン", "パリ", "ローマ", "ベルリン")),
            Map.entry("kcities", List.of("런던", "파리", "로마", "베를린")),
            Map.entry("acities", List.of("لندن", "باريس", "روما", "برلين")),
            Map.entry("numbers", List.of("12", "15", "18", "21")),
            Map.entry("vitamins", List.of("Vitamin K", "Vitamin C", "Vitamin A", "Vitamin E")),
            Map.entry("hvitamins", List.of("ויטמין K", "ויטמין C", "ויטמין A", "ויטמין E")),
            Map.entry("jvitamins", List.of("ビタミンK", "ビタミンC", "ビタミンA", "ビタミンE")),
            Map.entry("hvitamins2", List.of("ויטמין A", "ויטמין C", "ויטמין B12", "ויטמין D")),
            Map.entry("blood", List.of("AB−", "O+", "A−", "B+")));

    /**
     * The letter alone, then a list ruling out each other option with a word for "wrong" the language data lacked
     * ("passt nicht", "faux", "incorrecto", "no encaja", "sbagliato", "non c'entra", 当てはまりません, 틀림,
     * 정답이 아닙니다, لا ينطبق, hailingani): the others are ruled out, the letter stands.
     */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            de | dcities | D\\n\\nZu den anderen:\\n- A) London passt nicht.\\n- B) Paris passt nicht.\\n- C) Rom passt nicht. | D
            fr | fcities | B.\\n\\nLes autres :\\n- A) Londres : faux.\\n- C) Rome : faux.\\n- D) Berlin : faux. | B
            es | scities | A.\\n\\nLas demás:\\n* B) París: incorrecto.\\n* C) Roma no encaja.\\n* D) Berlín: incorrecto. | A
            it | icities | C.\\n\\nLe altre:\\n- A) Londra: sbagliato.\\n- B) Parigi non c'entra.\\n- D) Berlino: sbagliato. | C
            ja | jcities | D。\\n\\nほかの選択肢：\\n・A) ロンドンは当てはまりません。\\n・B) パリは当てはまりません。\\n・C) ローマ：誤り。 | D
            ko | kcities | B.\\n\\n나머지 보기:\\n- A) 런던: 틀림.\\n- C) 로마은(는) 정답이 아닙니다.\\n- D) 베를린: 틀림. | B
            ar | acities | A\\n\\nالباقي:\\n- B) باريس لا ينطبق.\\n- C) روما لا ينطبق.\\n- D) برلين: خطأ. | A
            sw | cities | C.\\n\\nMengine:\\n- A) London hailingani na swali.\\n- B) Paris hailingani na swali.\\n- D) Berlin: si sahihi. | C
            """)
    void aListRulingOutTheOthersWithTheLanguagesWordForWrongLeavesTheLetter(String lang, String set, String raw,
            String expected) {
        ExtractionCheck.reads(lang, SETS.get(set), raw, expected);
    }

    /** Korean "X이/가 아니라 Y": not X but Y. The letter after 아니라 is the answer, the one before it is ruled out. */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ko | kcities | 정답은 C가 아니라 A입니다. | A
            ko | kcities | D이 아니라 B입니다. | B
            ko | numbers | 계산하면 18입니다.\\n\\nB가 아니라 C입니다. | C
            ko | kcities | A가 아니라 B도 아니라 잘 모르겠습니다. | ~
            """)
    void koreanNotXButYReadsY(String lang, String set, String raw, String expected) {
        ExtractionCheck.reads(lang, SETS.get(set), raw, expected);
    }

    /**
     * An ordinal naming the option as the answer ("the third option is correct", 第四个选项, 첫 번째 보기, "chaguo la
     * kwanza", "la segunda opción"): read as that option's letter; an ordinal called wrong, or only walked through, is
     * no answer.
     */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | cities | The second option is the right one. | B
            en | cities | I'd go with the fourth option. | D
            zh | cities | 正确的是第三个选项。 | C
            zh | cities | 第一个选项是对的。 | A
            ja | jcities | 二番目の選択肢が正解です。 | B
            ko | kcities | 정답은 세 번째 보기입니다. | C
            ko | kcities | 네 번째 선택지가 맞습니다. | D
            sw | cities | Chaguo la pili ndilo sahihi. | B
            es | scities | La tercera opción es la correcta. | C
            fr | fcities | La deuxième option est la bonne. | B
            de | dcities | Die vierte Option ist richtig. | D
            it | icities | La prima opzione è quella corretta. | A
            he | cities | האפשרות השלישית נכונה. | C
            ar | acities | الخيار الثاني هو الصحيح. | B
            hi | cities | चौथा विकल्प सही है। | D
            bn | cities | প্রথম বিকল্পটি সঠিক। | A
            uk | cities | Правильний другий варіант. | B
            en | cities | The first option is wrong. | ~
            de | dcities | Die erste und die zweite Option sind beide falsch. | ~
            en | cities | Either the first or the third option. | ~
            es | scities | La primera opción no es correcta. | ~
            """)
    void anOrdinalOptionStatedAsTheAnswerIsThatLetter(String lang, String set, String raw, String expected) {
        ExtractionCheck.reads(lang, SETS.get(set), raw, expected);
    }

    /**
     * A think block that never closed, the provider saying it stopped normally, then after the reasoning a blank line
     * and the answer: the answer after the reasoning is read. The reasoning alone (no answer after it), an unknown
     * stop reason, and a stop at the token limit stay no letter.
     */
    @ParameterizedTest(name = "[{0}/{1}] {2} ({3}) -> {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "null", textBlock = """
            en | cities | <think>\\nA is London, B is Paris.\\nMaybe A? No.\\nParis is the capital.\\n\\nAnswer: B | stop | B
            de | dcities | <think>\\nA ist London, C ist Rom.\\nHauptstadt Frankreichs: Paris.\\n\\n**Antwort: B**\\n\\nA) London passt nicht. | stop | B
            ja | jcities | <think>\\n選択肢を見ます。A. ロンドンは違います。\\nD. ベルリンが正しい。\\n\\n答え: D | end_turn | D
            en | cities | <think>\\nA is London, B is Paris.\\nSo the answer is B. | stop | ~
            en | cities | <think>\\nA is London, B is Paris.\\nParis is the capital.\\n\\nAnswer: B | null | ~
            en | cities | <think>\\nA is London, B is Paris.\\nParis is the capital.\\n\\nAnswer: B | length | ~
            en | cities | <think>\\nA is London, B is Paris.\\nParis is the capital.\\n\\nAnswer: B | content_filter | ~
            """)
    void anUnclosedThinkBlockThenTheAnswerReadsTheAnswer(String lang, String set, String raw, String stop,
            String expected) {
        Extraction e = AnswerExtractor.extract(lang, raw.replace("\\n", "\n"), SETS.get(set), stop);
        if ("~".equals(expected)) {
            assertThat(e).as(raw).isNotInstanceOf(Extraction.Choice.class);
        } else {
            assertThat(e).as(raw).isInstanceOfSatisfying(Extraction.Choice.class,
                    c -> assertThat((char) ('A' + c.index())).isEqualTo(expected.charAt(0)));
        }
    }

    /**
     * A letter that is a name beside a word the language data calls a naming word (vitamin C, antigen A, B 항원,
     * בוויטמין C with a glued preposition, A抗原) is not an option label, even in a list of such letters.
     */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | vitamins | A) Vitamin K\\n\\nBlood clotting needs vitamin K; citrus gives vitamin C instead. | A
            he | hvitamins | D. ויטמין E\\n\\nשמן צמחי עשיר בוויטמין E, לא בוויטמין C. | D
            ja | jvitamins | C) ビタミンA\\n\\nニンジンにはビタミンAが多く、ビタミンCは少ない。 | C
            en | blood | B) O+\\n\\nIts red cells carry neither A nor B antigens, only the D antigen. | B
            ko | blood | D) B+\\n\\n적혈구에 B 항원과 Rh 항원이 있습니다. | D
            sw | blood | A — AB−\\n\\nSeli zake zina antijeni A na B, lakini si Rh. | A
            he | hvitamins | B. ויטמין C\\n\\nפירות הדר עשירים בוויטמין C. | B
            he | hvitamins2 | B. ויטמין C\\n\\nלימון ותפוז עשירים בוויטמין C. | B
            en | vitamins | B) Vitamin C\\n\\nOranges are rich in vitamin C, as are lemons. | B
            """)
    void aLetterNamedBesideANamingWordIsNoLabel(String lang, String set, String raw, String expected) {
        ExtractionCheck.reads(lang, SETS.get(set), raw, expected);
    }
}
