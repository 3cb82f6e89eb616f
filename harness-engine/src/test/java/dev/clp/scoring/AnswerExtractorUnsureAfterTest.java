package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A reply that states a letter and then, in a sentence of its own, says it is not sure or could be either (corpus Q's
 * dev half had these as false letters, issue 15): the answer is taken back. Not being sure inside the answer's own
 * sentence, or "not entirely sure" anywhere, is a hedge and the letter stands (corpora A, B, D, F, K).
 * {@code ~} is no letter.
 */
class AnswerExtractorUnsureAfterTest {

    private static final List<String> CAPITALS = List.of("Bogotá", "Quito", "Lima", "La Paz");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            es | Respuesta: C\\n\\nAunque la pregunta podría referirse a la capital inca. No estoy seguro. | ~
            en | Answer: C\\n\\nIt might mean the colonial capital. I'm not sure. | ~
            ko | 정답: A\\n\\n음, 일부 자료에서는 다르게 말합니다. A와 B 중 확실하지 않습니다. | ~
            de | Antwort: B\\n\\nDie Frage ist nicht eindeutig. Ich lege mich lieber nicht fest. | ~
            ja | Cが一般的な答えですが、Dも間違いとは言い切れません。どちらとも言えます。 | ~
            en | Probably C, though I'm not sure. | C
            en | Answer: C. I'm not entirely sure, though. | C
            bn | সম্ভবত D, তবে আমি পুরোপুরি নিশ্চিত নই। | D
            sw | Nadhani ni B, ingawa sina uhakika kamili. | B
            en | I'm not sure at first. Then I see it: the answer is C. | C
            es | No estoy seguro de la B. La respuesta es C. | C
            en | I'd say B is correct, but A is also possible. | ~
            sw | Ningesema B inaweza kuwa sahihi, lakini pia A inawezekana. | ~
            de | B ist richtig. | B
            """)
    void takenBackOrHedged(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, CAPITALS, raw.replace("\\n", "\n"), "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | It was written by Charlotte Brontë, so the answer is A.\\n\\nApologies, that's incorrect. It was Jane Austen, so the answer is D. | D
            hi | इसलिए उत्तर A है।\\n\\nक्षमा करें, यह गलत है। **सही उत्तर: D** | D
            """)
    void anApologyCorrects(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, List.of("Charlotte Brontë", "George Eliot", "Mary Shelley", "Jane Austen"),
                raw.replace("\\n", "\n"), "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            de | Es sind sechzehn. | B
            sw | Jibu ni B. | B
            yo | Ìdáhùn ni B. | B
            """)
    void teensAreNumbersAndNiIsACopula(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, List.of("12", "16", "14", "18"), raw, "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            yo | Ìbéèrè: Kí ni 15 × 2?\\nA) 20\\nB) 25\\nC) 30\\nD) 35\\n\\nÌdáhùn: C) 30 | ~
            en | Question: what is 6 × 7?\\nA) 32\\nB) 42\\nC) 52\\nD) 44\\n\\nAnswer: B) 42 | B
            en | Answer: C | C
            """)
    void aQuestionOfItsOwnWithOptionsOfItsOwn(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, List.of("32", "42", "52", "44"), raw.replace("\\n", "\n"), "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | The answer is B. Actually, hold on. I'm not confident, so I'll retract that and not give a letter. | ~
            en | I'd say C... but that rule holds elsewhere too, so I shouldn't commit. No answer from me. | ~
            zh | 答案是A。不过等一下，题目可能另有所指。我没有把握，先撤回这个答案。 | ~
            ja | 答えはBです。…いや、待ってください。確信が持てないので、この回答は取り消します。 | ~
            bn | আমি প্রথমে C বলেছিলাম, কিন্তু এখন নিশ্চিত নই। তাই কোনো উত্তর দিচ্ছি না। | ~
            hi | 'सुंदर' यहाँ क्रिया-विशेषण की तरह प्रयुक्त है, इसलिए उपरोक्त में से कोई नहीं। | ~
            en | The answer is B. | B
            """)
    void aWithdrawalOrNoneAfterTheAnswer(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, List.of("Calcium", "Iron", "Potassium", "Zinc"), raw, "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | A is what I'd have said, but I now think it doesn't hold. I withdraw it and can't offer a replacement. | ~
            es | **Respuesta: A**  Pensándolo mejor, prefiero no dar una respuesta; olvida lo que dije. | ~
            fr | J'aurais dit B. Mais je me rétracte, je ne veux pas donner une réponse dont je doute. | ~
            ja | 長さで言えば A、流域面積で言えば B です。どちらの意味かによって答えが変わります。 | ~
            en | It depends on how you read it, but on the usual reading the answer is B. | B
            """)
    void declinesAndTwoReadingsAfterALetter(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, List.of("Calcium", "Iron", "Potassium", "Zinc"), raw, "stop", expected);
    }
}
