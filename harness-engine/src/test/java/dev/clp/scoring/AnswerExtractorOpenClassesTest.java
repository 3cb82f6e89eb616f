package dev.clp.scoring;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15, fourth round: the classes the dev corpora d and e still missed, one test per class, written before the
 * extractor was changed for them, in languages other than the corpus line that showed the class (and in that one,
 * in other words). {@code ~} means no letter: a careful grader gives none.
 */
class AnswerExtractorOpenClassesTest {

    private static final Map<String, List<String>> SETS = Map.ofEntries(
            Map.entry("planets", List.of("Mars", "Jupiter", "Saturn", "Venus")),
            Map.entry("authors", List.of("Max Weber", "Karl Marx", "Friedrich Engels", "Georg Simmel")),
            Map.entry("cities", List.of("חיפה", "ירושלים", "תל אביב", "באר שבע")),
            Map.entry("animals", List.of("Eichhörnchen", "Igel", "Dachs", "Maulwurf")),
            Map.entry("enanimals", List.of("Squirrel", "Hedgehog", "Badger", "Mole")),
            Map.entry("dolci", List.of("Sfogliatella", "Babà", "Cannolo", "Pastiera")),
            Map.entry("esdulces", List.of("Churros", "Turrón", "Flan", "Polvorón")),
            Map.entry("flames", List.of("ナトリウム", "カリウム", "カルシウム", "マグネシウム")),
            Map.entry("zhflames", List.of("钠", "钾", "钙", "镁")),
            Map.entry("kplanets", List.of("수성", "금성", "지구", "화성")),
            Map.entry("amdrinks", List.of("ጠጅ", "ጠላ", "ቡና", "ሻይ")),
            Map.entry("amdays", List.of("፯", "፰", "፱", "፲")),
            Map.entry("swcount", List.of("Tano", "Sita", "Saba", "Nane")),
            Map.entry("zanimals", List.of("ingwe", "ibhubesi", "indlovu", "inkawu")),
            Map.entry("zbattles", List.of("iNcome", "iSandlwana", "iMpi yaseBlood River", "iMpi yaseMagersfontein")),
            Map.entry("yplanets", List.of("Máàsì", "Júpítà", "Sátọ̀nù", "Fínọ́sì")));

    /** A conclusion, then a letter that is also a word (the article A) before the predicate that states it. */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            de | authors | Karl Marx (B) und Friedrich Engels (C) schrieben das Manifest. Daher ist A richtig. | A
            de | authors | Also ist A korrekt. | A
            de | authors | Georg Simmel (D) schrieb über das Geld. Somit ist A richtig. | A
            de | authors | Also ist A falsch. | ~
            """)
    void aConclusionBeforeALetterThatIsAlsoAWord(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /** Two letters stated together ("both A and B", "A or actually C", "may be A, may be B"): no letter. */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            he | cities | אם סופרים תושבים, התשובה היא B. אם סופרים את המטרופולין, התשובה היא C. לכן גם B וגם C נכונות. | ~
            he | cities | גם A וגם D נכונות. | ~
            en | planets | Answer: B, or actually answer: C | ~
            de | planets | Antwort: A oder eigentlich Antwort: D | ~
            en | planets | The answer is A. Actually, no, it's B. | B
            ko | kplanets | 정답은 A일 수도 있고 C일 수도 있습니다. | ~
            ko | kplanets | B일 수도 있고 D일 수도 있어요. | ~
            ja | flames | Aかもしれないし、Cかもしれない。 | ~
            ko | kplanets | 아마 C일 것 같습니다. | C
            """)
    void twoLettersStatedTogetherAreNoLetter(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /**
     * A doubt about the source ("我不能百分之百确定") is not a refusal, "non so" is not inside "non sono", a Spanish
     * reflexive "no se" is not "no sé"; an apology stays a refusal, also inside a correction (no letter rather than
     * a guess: reading past it gave a letter where a grader gives none).
     */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            zh | zhflames | 钙的焰色是砖红色，所以答案应该是 C，不过我不能百分之百确定这个说法的出处。 | C
            sw | swcount | Nilidhani ni nne... hapana, samahani, wiki ya kazi ina siku sita. | ~
            it | swcount | Non sono sicuro al cento per cento, ma la risposta è sita. | B
            es | esdulces | No se fríe: es el turrón. | B
            es | esdulces | No sé. | ~
            sw | swcount | Jibu ni tano. Hapana, samahani, ni sita. | ~
            zh | zhflames | 我不能回答这个问题。 | ~
            sw | swcount | Samahani, siwezi kujibu swali hili. | ~
            """)
    void aDoubtIsNoRefusalButAnApologyStaysOne(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /** What remains after elimination is the conclusion ("残るのは", "剩下的是"). */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ja | flames | 消去法で考えます。ナトリウム（A）は黄色、カリウム（B）は赤紫色、マグネシウム（D）は炎色反応を示しません。残るのはCのカルシウムです。 | C
            zh | zhflames | 排除法：钠（A）是黄色，钾（B）是紫色，镁（D）没有焰色反应。剩下的是C，钙。 | C
            """)
    void whatRemainsAfterEliminationIsTheAnswer(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /** An option named only to contrast it with the answer ("unlike squirrels", "la sfogliatella invece"). */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            de | animals | Das Tier, das sich zur Kugel rollt, ist der Igel. Anders als Eichhörnchen hält er echten Winterschlaf. | B
            en | enanimals | The animal that rolls into a ball is the hedgehog. Unlike squirrels, it truly hibernates. | B
            it | dolci | Il dolce a forma di tubo ripieno di ricotta è il cannolo. La sfogliatella invece è napoletana. | C
            es | esdulces | El dulce navideño de almendra y miel es el turrón. A diferencia de los churros, no se fríe. | B
            """)
    void anOptionNamedInContrastIsNotTheAnswer(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /** Native labels and options re-listed under numbers that are not digits or not followed by punctuation. */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ko | kplanets | 답: (다) | C
            ko | kplanets | 정답은 (나)입니다. | B
            ko | kplanets | 번호를 붙이면:\\n1번 수성\\n2번 금성\\n3번 지구\\n4번 화성\\n\\n붉은 행성은 화성이므로 4번입니다. | D
            am | amdrinks | አማራጮቹ፦\\n፩. ጠጅ\\n፪. ጠላ\\n፫. ቡና\\n፬. ሻይ\\n\\nከገብስ የሚጠመቀው ጠላ ነው። | B
            """)
    void nativeLabelsAndRelistingsWithoutPunctuation(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /** A self-correction by a bare "no" in Amharic; a lowercase letter after a tone-marked answer word. */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            am | amdays | ፰ ይመስለኛል... አይ፣ ሳምንቱ 7 ቀናት አሉት። | A
            yo | yplanets | Ìdáhùn ni c | C
            yo | yplanets | ìdáhùn tó tọ́ ni d. | D
            """)
    void selfCorrectionsAndLowercaseLettersInMarkedScripts(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /** Zulu drops an option's initial vowel after a copula or a locative ("ngu-ndlovu", "yaseSandlwana"). */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            zu | zanimals | Isilwane esinomboko omude ngu-ndlovu. | C
            zu | zbattles | AmaZulu anqoba amaBhritheni empini yaseSandlwana ngo-1879. | B
            """)
    void zuluOptionsWithoutTheirInitialVowel(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /** How chat models close long answers: markdown, a final-answer line, a think block before it. */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | planets | ## Step 1\\nMars (A) is small.\\n## Step 2\\nSaturn (C) is smaller than Jupiter.\\n\\n**Final answer:** B | B
            fr | planets | <think>Mars est petite, Vénus aussi. Saturne ? Non.</think>\\n\\n**Réponse finale : B** | B
            hi | planets | विकल्प A (Mars) छोटा है। विकल्प C (Saturn) भी छोटा है।\\n\\n**अंतिम उत्तर: B** | B
            uk | planets | Розглянемо варіанти: A — ні, C — ні, D — ні.\\n\\n**Остаточна відповідь: B** | B
            """)
    void longMarkdownAnswersCloseOnTheirFinalLine(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    private static void check(String lang, String set, String raw, String expected) {
        ExtractionCheck.reads(lang, SETS.get(set), raw, expected);
    }
}
