package dev.clp.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerExtractorTest {

    private static final List<String> CHOICES = List.of("Mars", "Jupiter", "Saturn", "Venus");

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            en | B                                   | 1
            en | (B)                                 | 1
            en | b.                                  | 1
            en | **C**                               | 2
            en | Answer: D                           | 3
            en | The answer is B.                    | 1
            en | (B) Jupiter                         | 1
            en | B. Jupiter is the largest.          | 1
            en | Jupiter                             | 1
            en | The largest planet is Jupiter.      | 1
            en | I think the correct option is C.    | 2
            zh | 答案是B。                            | 1
            zh | Ｃ                                   | 2
            zh | 答案：Ｄ                             | 3
            ja | 正解はBです。                        | 1
            ko | 정답은 B입니다.                      | 1
            fr | La bonne réponse est C.             | 2
            es | La respuesta correcta es la A.      | 0
            de | Die richtige Antwort ist B.         | 1
            it | La risposta corretta è D.           | 3
            uk | Правильна відповідь: В (Saturn)     | 2
            uk | Правильна відповідь: В              | 2
            hi | सही उत्तर C है।                      | 2
            bn | সঠিক উত্তর হলো A।                    | 0
            ar | الإجابة الصحيحة هي B.               | 1
            ar | ب                                   | 1
            he | התשובה הנכונה היא D.                | 3
            am | ትክክለኛው መልስ B ነው።                  | 1
            yo | Ìdáhùn tó tọ́ ni C.                  | 2
            sw | Jibu sahihi ni B.                   | 1
            zu | Impendulo efanele ngu-A.            | 0
            en | I am not sure; several could be argued for. | -1
            en | I cannot answer that.               | -1
            en | B or C                              | -1
            en | Either (A) or (D).                  | -1
            en | E                                   | -1
            """)
    void extractsTheChoiceOrRefusesToGuess(String lang, String raw, int expected) {
        Extraction e = AnswerExtractor.extract(lang, raw, CHOICES);
        if (expected < 0) {
            assertThat(e).isInstanceOf(Extraction.Unparseable.class);
        } else {
            assertThat(e).isInstanceOfSatisfying(Extraction.Choice.class, c -> assertThat(c.index()).isEqualTo(expected));
        }
    }

    private static final Map<String, List<String>> SETS = Map.ofEntries(
            Map.entry("planets", CHOICES),
            Map.entry("temp", List.of("50 °C", "100 °C", "150 °C", "200 °C")),
            Map.entry("cell", List.of("Nucleus", "Ribosome", "Mitochondria", "Golgi apparatus")),
            Map.entry("zelle", List.of("Zellkern", "Ribosom", "Mitochondrium", "Golgi-Apparat")),
            Map.entry("viungo", List.of("Ini", "Moyo", "Mapafu", "Figo")),
            Map.entry("gigwan", List.of("간", "심장", "폐", "신장")),
            Map.entry("days", List.of("365", "366", "364", "367")),
            Map.entry("yplanets", List.of("Máàsì", "Júpítà", "Sátọ̀nù", "Fínọ́sì")),
            Map.entry("zplanets", List.of("uMars", "uJupiter", "uSaturn", "uVenus")),
            Map.entry("ukbodies", List.of("Марс", "Юпітер", "Сонце", "Венера")),
            Map.entry("japlanets", List.of("火星", "木星", "土星", "金星")),
            Map.entry("yesno", List.of("כן", "לא", "תלוי בנסיבות", "רק באישור רופא")));

    /**
     * The failure classes of issue 15, written before the extractor was changed for them: what a careful grader
     * reads. {@code ~} means no letter: the answer must stay unparseable.
     */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | planets | Let's look at the options: A. Mars is small. B. Jupiter is the largest planet. C. Saturn is smaller. D. Venus is tiny. So B is right. | B
            en | planets | Option A, Mars, is too small. Option C, Saturn, is smaller than Jupiter. Option D is Venus. Therefore the answer is B. | B
            zh | planets | 我们逐一分析选项：选项A火星太小，选项C土星比木星小，选项D金星更小。所以答案是B。 | B
            ja | japlanets | 選択肢Aは火星で小さい。選択肢Cの土星も木星より小さい。したがって正解はBです。 | B
            ko | planets | 선택지 A는 너무 작고, 선택지 C도 작습니다. 따라서 정답은 B입니다. | B
            hi | planets | विकल्प A गलत है, विकल्प C भी गलत है। इसलिए सही उत्तर B है। | B
            ar | planets | الخيار A خاطئ، والخيار C خاطئ أيضاً. لذلك الإجابة الصحيحة هي B. | B
            uk | ukbodies | Варіант A неправильний, варіант B теж. Отже, правильна відповідь — C. | C
            sw | planets | Chaguo A si sahihi, chaguo C si sahihi. Kwa hiyo jibu ni B. | B
            en | planets | B is the correct answer. | B
            ja | japlanets | Bです。 | B
            ko | planets | C번입니다. | C
            de | planets | B ist richtig. | B
            es | planets | La D es la correcta. | D
            en | planets | probably B | B
            ja | japlanets | たぶんDだと思います。 | D
            am | planets | B። | B
            en | planets | The largest planet is Jupiter, so the answer is $\\boxed{B}$. | B
            en | planets | \\boxed{D} | D
            en | temp | B. 100 °C | B
            en | temp | The answer is B. 100 °C is where water boils at sea level. | B
            en | cell | C. Mitochondria. The nucleus (A) stores DNA, ribosomes (B) make proteins. | C
            en | planets | A – no, wait: Mars is small. Jupiter is far larger, so the answer is B. | B
            en | planets | I first thought C, but actually the answer is B. | B
            sw | viungo | Damu husafishwa mwilini na figo. | D
            ko | gigwan | 인간의 몸에서 피를 걸러내는 기관은 신장입니다. | D
            de | zelle | Die Mitochondrien sind das Kraftwerk der Zelle. | C
            ar | days | السنة الكبيسة فيها ٣٦٦ يومًا. | B
            bn | days | অধিবর্ষে ৩৬৬ দিন থাকে। | B
            yo | yplanets | Pílánẹ́ẹ̀tì tó tóbi jù ni Jupita. | B
            zu | zplanets | Iplanethi enkulu kunazo zonke yiJupiter. | B
            zu | planets | Impendulo nguJupiter. | B
            ja | japlanets | 正解はイです。 | B
            ja | japlanets | ③ | C
            uk | ukbodies | В) Сонце | C
            uk | ukbodies | Правильна відповідь: Б | B
            am | planets | መልሱ B ነው። | B
            en | planets | 答案是 B。 | B
            en | planets | <think>Mars is small, A is out. Maybe C? No, Jupiter is bigger.</think>The answer is B. | B
            en | planets | <think>Let me compare A. Mars and B. Jupiter and C. Saturn | ~
            en | planets | Let's look at the options: A. Mars is small. B. Jupiter is | ~
            en | planets | A and C are both correct. | ~
            en | planets | None of these options is correct. | ~
            en | planets | B is correct. C is also correct. | ~
            en | planets | It is either A or D, I cannot tell. | ~
            en | planets | A) Mars - incorrect\\nB) Jupiter - correct\\nC) Saturn - incorrect\\nD) Venus - incorrect | B
            en | planets | It could be A, or it could be C. | ~
            en | planets | Let's compare. A. Mars is small. B. Jupiter is large. C. Saturn | ~
            es | planets | Es la C, pero no estoy seguro. | C
            es | planets | La D es la correcta: la división entre Mars no está definida. | D
            en | planets | Looking at the options, A is wrong, C is wrong, D is wrong. B. | B
            en | planets | The answer is A. Actually, no, it's B. | B
            de | planets | Sowohl B als auch D sind richtig. | ~
            zu | planets | Kungaba ngu-C noma ngu-D. | ~
            en | planets | I'm sorry, but I can't help with that. | ~
            en | planets | None of the above. | ~
            he | yesno | אני לא יכול לייעץ לך אם להפסיק ליטול את התרופה. | ~
            en | planets | Hmm, A? Or maybe C? Hard to say. | ~
            ar | planets | الإجابة: أ | A
            zu | planets | NguB. | B
            zh | japlanets | 我们先比较各行星的大小。火星较小，木星最大，所以可能是B，不过还要确认题目问的是质量还是体积，因为 | ~
            en | planets | To answer this we compare the planets. Mars is small. Jupiter is the largest, which points to B, but let me check the radius of | ~
            """)
    void readsWhatACarefulGraderReads(String lang, String set, String raw, String expected) {
        Extraction e = AnswerExtractor.extract(lang, raw.replace("\\n", "\n"), SETS.get(set));
        if ("~".equals(expected)) {
            assertThat(e).isInstanceOf(Extraction.Unparseable.class);
        } else {
            assertThat(e).isInstanceOfSatisfying(Extraction.Choice.class,
                    c -> assertThat((char) ('A' + c.index())).isEqualTo(expected.charAt(0)));
        }
    }

    private static final Map<String, List<String>> NUMBER_SETS = Map.ofEntries(
            Map.entry("hearts", List.of("1", "2", "3", "4")),
            Map.entry("sides", List.of("5", "6", "7", "8")),
            Map.entry("days", List.of("365", "366", "364", "360")),
            Map.entry("ethiopic", List.of("፫፻፷፭", "፫፻፷፮", "፫፻", "፫፻፷")),
            Map.entry("million", List.of("1,000", "10,000", "100,000", "1,000,000")),
            Map.entry("pi", List.of("3,14", "2,72", "1,62", "1,41")),
            Map.entry("factor", List.of("2", "3", "5", "7")),
            Map.entry("metals", List.of("金", "银", "铜", "铁")),
            Map.entry("seasons", List.of("春", "夏", "秋", "冬")),
            Map.entry("kometals", List.of("금", "은", "동", "철")),
            Map.entry("elements", List.of("물", "불", "흙", "돌")),
            Map.entry("vitamins", List.of("维生素A", "维生素C", "维生素D", "维生素K")),
            Map.entry("kovitamins", List.of("비타민 A", "비타민 C", "비타민 D", "비타민 K")),
            Map.entry("ukvitamins", List.of("Вітамін A", "Вітамін C", "Вітамін D", "Вітамін K")),
            Map.entry("ukbodies", List.of("Місяць", "Марс", "Сонце", "Венера")));

    /**
     * The classes issue 15 left open (written in {@code corpus-dev-c.jsonl} before the extractor learnt them):
     * numbers in words and native numerals, one-character options, option texts that end in a letter, and the
     * Ukrainian В that is both the third native label and the Latin B it looks like.
     */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | hearts | An octopus has three hearts. | C
            de | hearts | Ein Oktopus hat drei Herzen. | C
            sw | hearts | Pweza ana mioyo mitatu. | C
            zu | hearts | I-octopus inezinhliziyo ezintathu. | C
            zu | sides | I-hexagon inezinhlangothi eziyisithupha. | B
            zh | days | 闰年有三百六十六天。 | B
            am | days | መልሱ ፫፻፷፮ ቀናት ነው። | B
            am | ethiopic | 366 ቀናት አሉት። | B
            ja | sides | 六角形の辺は６本です。 | B
            ko | hearts | 문어의 심장은 세 개입니다. | C
            bn | sides | ষড়ভুজের ৬টি বাহু থাকে। | B
            en | million | A million has six zeros, so the answer is 1000000. | D
            fr | pi | π vaut environ 3.14. | A
            en | days | A common year has 365 days. A leap year adds one day, so it has 366 days. | B
            en | hearts | I think it's either two or three hearts, I'm not sure. | ~
            he | hearts | אולי שניים ואולי שלושה, אני לא בטוח. | ~
            ar | hearts | ربما قلبان أو ثلاثة، لست متأكدًا. | ~
            bn | hearts | দুটি না তিনটি, ঠিক মনে পড়ছে না। | ~
            zh | hearts | 这是一个很有意思的问题，星期三再讨论。 | ~
            fr | factor | Pour trouver le plus petit facteur premier de 91, on teste 2, 3 et 5. Reste à vérifier 7 × 13 = | ~
            zh | metals | 导电性最好的金属是银。 | B
            zh | metals | 金属中最常用于制造钢的是铁。 | D
            ja | seasons | お月見が行われる季節は秋です。 | C
            ko | elements | 정답은 불입니다. | B
            ko | kometals | 전기를 가장 잘 통하는 금속은 은입니다. | B
            zh | vitamins | 缺乏维生素C会导致坏血病。 | B
            ko | kovitamins | 햇빛을 받으면 피부에서 합성되는 것은 비타민 D입니다. | C
            uk | ukvitamins | Цинга виникає через нестачу вітаміну C. | B
            uk | ukbodies | Відповідь: В | C
            uk | ukbodies | **В** | C
            uk | ukbodies | Мабуть, В. | C
            uk | ukbodies | В. Марс | B
            uk | ukbodies | В. Сонце | C
            uk | ukbodies | **Відповідь: В** (Марс) | B
            uk | ukbodies | А — ні. Б — ні. В — так, Сонце світить саме.\\n\\nВідповідь: В | C
            uk | ukbodies | A — ні. B — ні. C — так.\\n\\nВідповідь: С | C
            uk | ukbodies | Відповідь: Г | D
            """)
    void readsNumbersOneCharacterOptionsAndLookalikeLabels(String lang, String set, String raw, String expected) {
        Extraction e = AnswerExtractor.extract(lang, raw.replace("\\n", "\n"), NUMBER_SETS.get(set));
        if ("~".equals(expected)) {
            assertThat(e).as(raw).isInstanceOf(Extraction.Unparseable.class);
        } else {
            assertThat(e).as(raw).isInstanceOfSatisfying(Extraction.Choice.class,
                    c -> assertThat((char) ('A' + c.index())).isEqualTo(expected.charAt(0)));
        }
    }

    private static final Map<String, List<String>> ROUND3_SETS = Map.ofEntries(
            Map.entry("cells", List.of("Mitosis", "Meiosis", "Binary fission", "Budding")),
            Map.entry("small", List.of("2", "3", "4", "5")),
            Map.entry("zhelements", List.of("氢", "氦", "锂", "铍")),
            Map.entry("kplanets", List.of("수성", "금성", "지구", "화성")),
            Map.entry("bnplanets", List.of("বুধ", "শুক্র", "পৃথিবী", "মঙ্গল")),
            Map.entry("enwords", List.of("One", "Two", "Three", "Four")),
            Map.entry("hiwords", List.of("तीन", "चार", "पाँच", "छह")),
            Map.entry("hewords", List.of("שלוש", "ארבע", "חמש", "שש")),
            Map.entry("jacount", List.of("1つ", "2つ", "3つ", "4つ")),
            Map.entry("koteeth", List.of("20", "21", "22", "23")),
            Map.entry("kofourteen", List.of("12", "14", "16", "18")),
            Map.entry("heanimals", List.of("אריה", "נמר", "צ'יטה", "זאב")),
            Map.entry("arbeans", List.of("حمص", "فول", "عدس", "أرز")),
            Map.entry("arbeansdef", List.of("الحمص", "الفول", "العدس", "الأرز")),
            Map.entry("whales", List.of("Blue whale", "Giraffe", "African elephant", "Saltwater crocodile")),
            Map.entry("products", List.of("12", "15", "18", "21")),
            Map.entry("polygons", List.of("Dodecagon", "Decagon", "Nonagon", "Hendecagon")),
            Map.entry("seasons", List.of("春", "夏", "秋", "冬")),
            Map.entry("swcount", List.of("Tano", "Sita", "Saba", "Nane")),
            Map.entry("mountains", List.of("黄山", "泰山", "华山", "峨眉山")),
            Map.entry("planetcount", List.of("Seven", "Eight", "Nine", "Ten")),
            Map.entry("hills", List.of("sette", "otto", "nove", "dieci")));

    /**
     * Issue 15, third round: options re-listed under other labels (1–4, a–d) and answered by those labels, option
     * texts that are number words answered in digits (and the reverse, with counters: 三つ for 3つ), Korean
     * compound native numerals, the Hebrew and Arabic article glued to an option's text, two answers restated
     * with nothing between them, "none of the options" in Japanese, a stated final answer after a "none of them"
     * that was about the other options; then from dev-d: a closing "A or B, I think", a counterfactual "would have been 9",
     * the abbreviation "a.C.". Written before the extractor was changed for them.
     */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | cells | Let me restate the options:\\n1) Mitosis\\n2) Meiosis\\n3) Binary fission\\n4) Budding\\n\\nGametes are produced by meiosis, so the answer is 2. | B
            en | cells | Options:\\na) Mitosis\\nb) Meiosis\\nc) Binary fission\\nd) Budding\\n\\nThe answer is b). | B
            en | cells | Renumbered:\\n1. Budding\\n2. Mitosis\\n3. Meiosis\\n4. Binary fission\\n\\nThe answer is 3. | B
            en | small | Options:\\n1) 2\\n2) 3\\n3) 4\\n4) 5\\n\\nThe answer is 2. | ~
            en | cells | Options:\\n1) Mitosis\\n2) Meiosis\\n3) Binary fission\\n4) Budding\\n\\nIt is 2 or 3. | ~
            zh | zhelements | 选项可以重新编号为：\\na) 氢\\nb) 氦\\nc) 锂\\nd) 铍\\n\\n原子序数为 3 的元素是锂，选 c)。 | C
            ko | kplanets | 선택지를 다시 정리하면:\\n1) 수성\\n2) 금성\\n3) 지구\\n4) 화성\\n\\n붉은 행성은 화성이므로 4번입니다. | D
            bn | bnplanets | বিকল্পগুলো আবার সাজাই:\\n১. বুধ\\n২. শুক্র\\n৩. পৃথিবী\\n৪. মঙ্গল\\n\\nসূর্যের সবচেয়ে কাছের গ্রহ বুধ, অর্থাৎ ১ নম্বর। | A
            en | enwords | An octopus has 3 hearts. | C
            hi | hiwords | त्रिभुज की ३ भुजाएँ होती हैं। | A
            he | hewords | לחיפושית יש 6 רגליים, כמו לכל החרקים. | D
            ja | jacount | 信号機の色は三つです。 | C
            ko | koteeth | 유치는 모두 스물한 개입니다. | B
            ko | kofourteen | 한글 기본 자음은 열네 개입니다. | B
            he | heanimals | החיה היבשתית המהירה ביותר היא הצ'יטה. | C
            ar | arbeans | في مصر تُصنع الطعمية من الفول المدشوش. | B
            ar | arbeansdef | يصنع الحمص بالطحينة من حمص مطحون. | A
            en | whales | The answer is A.\\n\\nThe answer is C. | ~
            ko | whales | 정답은 A입니다. 정답은 D입니다. | ~
            en | whales | The answer is A.\\nActually, the answer is C. | C
            ja | products | 計算すると 7 × 3 = 21 ですが、問題は 7 × 4 を聞いているので 28 です。どの選択肢も正しくありません。 | ~
            en | polygons | Dodecagon has 12 sides, nonagon 9 and hendecagon 11, so none of them fit. A ten-sided polygon is a decagon.\\n\\n**Answer: B** | B
            ja | seasons | 6月から7月にかけてなので、季節としては「夏」の初めと言えます。AかBのどちらかだと思います。 | ~
            sw | swcount | Samahani, siwezi kujibu swali hili. | ~
            zh | mountains | 我不能回答这个问题。 | ~
            en | planetcount | Pluto is a dwarf planet, which leaves 8 planets. Before 2006 the answer would have been 9. | B
            it | hills | Roma è detta la città dei 7 colli. Secondo la leggenda fu fondata nel 753 a.C. | A
            """)
    void readsRenumberedOptionsNumberWordsAndGluedArticles(String lang, String set, String raw, String expected) {
        Extraction e = AnswerExtractor.extract(lang, raw.replace("\\n", "\n"), ROUND3_SETS.get(set));
        if ("~".equals(expected)) {
            assertThat(e).as(raw).isInstanceOf(Extraction.Unparseable.class);
        } else {
            assertThat(e).as(raw).isInstanceOfSatisfying(Extraction.Choice.class,
                    c -> assertThat((char) ('A' + c.index())).isEqualTo(expected.charAt(0)));
        }
    }

    /**
     * A bare Cyrillic В is the third Ukrainian label (А Б В Г), as issue 15 reads it and four of the five independent
     * writers did: a model that writes its label in Cyrillic writes the Cyrillic series. The Latin B it looks like is
     * read only when the reply says so (the option text after it, or Latin labels elsewhere in the reply).
     */
    @Test
    void aBareCyrillicVeIsTheThirdUkrainianLabel() {
        assertThat(AnswerExtractor.extract("uk", "Відповідь: В", NUMBER_SETS.get("ukbodies")))
                .isInstanceOfSatisfying(Extraction.Choice.class, c -> assertThat(c.index()).isEqualTo(2));
        assertThat(AnswerExtractor.extract("uk", "A — ні, C — ні, D — ні.\n\nВідповідь: В", NUMBER_SETS.get("ukbodies")))
                .isInstanceOfSatisfying(Extraction.Choice.class, c -> assertThat(c.index()).isEqualTo(1));
    }

    @Test
    void aTruncatedReplyIsNeverALetterAndSaysWhatToRaise() {
        for (String stop : List.of("length", "max_tokens")) {
            Extraction e = AnswerExtractor.extract("en", "Let's see. A. Mars is small, B. Jupiter is the lar", CHOICES, stop);
            assertThat(e).isInstanceOfSatisfying(Extraction.Unparseable.class, u -> {
                assertThat(u.truncated()).isTrue();
                assertThat(u.reason()).startsWith("truncated").contains(stop).contains("clp.max-tokens");
            });
        }
        // even an answer that reads as a letter: the rest of the reply might have corrected it
        assertThat(AnswerExtractor.extract("en", "The answer is B", CHOICES, "length"))
                .isInstanceOf(Extraction.Unparseable.class);
        assertThat(AnswerExtractor.extract("en", "The answer is B", CHOICES, "stop")).isEqualTo(
                AnswerExtractor.extract("en", "The answer is B", CHOICES));
        assertThat(AnswerExtractor.extract("en", "The answer is B", CHOICES, "stop"))
                .isInstanceOf(Extraction.Choice.class);
    }

    @Test
    void anUnclosedThinkBlockIsNoAnswer() {
        assertThat(AnswerExtractor.extract("en", "<think>The answer is B because", CHOICES, null))
                .isInstanceOfSatisfying(Extraction.Unparseable.class, u -> assertThat(u.reason()).contains("<think>"));
    }

    @Test
    void anEmptyAnswerIsUnparseable() {
        assertThat(AnswerExtractor.extract("en", "  ", CHOICES)).isEqualTo(new Extraction.Unparseable("empty answer"));
    }
}
