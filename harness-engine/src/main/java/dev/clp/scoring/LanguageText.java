package dev.clp.scoring;

import java.util.Map;

/**
 * Localized prompt text per language (the words models use to state an answer are the extractor's data,
 * {@code answer-languages.json}). Written for this project; not reviewed by native speakers.
 *
 * @param instruction what the model is asked to do
 * @param questionLabel the word for "Question"
 * @param answerLabel the word for "Answer", ending the prompt
 */
record LanguageText(String instruction, String questionLabel, String answerLabel) {

    private static final Map<String, LanguageText> TEXTS = Map.ofEntries(
            Map.entry("en", new LanguageText(
                    "Answer the following multiple-choice question. Reply with the letter of the correct option only.",
                    "Question", "Answer")),
            Map.entry("zh", new LanguageText("请回答下面的单项选择题。只回复正确选项的字母。",
                    "问题", "答案")),
            Map.entry("ja", new LanguageText("次の多肢選択問題に答えてください。正しい選択肢の記号(アルファベット)だけを答えてください。",
                    "問題", "答え")),
            Map.entry("ko", new LanguageText("다음 객관식 문제에 답하세요. 정답 선택지의 알파벳 문자만 답하세요.",
                    "질문", "정답")),
            Map.entry("fr", new LanguageText(
                    "Répondez à la question à choix multiples suivante. Répondez uniquement par la lettre de la bonne option.",
                    "Question", "Réponse")),
            Map.entry("es", new LanguageText(
                    "Responde la siguiente pregunta de opción múltiple. Responde solo con la letra de la opción correcta.",
                    "Pregunta", "Respuesta")),
            Map.entry("it", new LanguageText(
                    "Rispondi alla seguente domanda a scelta multipla. Rispondi solo con la lettera dell'opzione corretta.",
                    "Domanda", "Risposta")),
            Map.entry("uk", new LanguageText(
                    "Дайте відповідь на запитання з вибором відповіді. Вкажіть лише латинську літеру правильного варіанта.",
                    "Запитання", "Відповідь")),
            Map.entry("de", new LanguageText(
                    "Beantworte die folgende Multiple-Choice-Frage. Antworte nur mit dem Buchstaben der richtigen Option.",
                    "Frage", "Antwort")),
            Map.entry("bn", new LanguageText("নিচের বহুনির্বাচনী প্রশ্নের উত্তর দিন। শুধুমাত্র সঠিক বিকল্পের অক্ষরটি লিখুন।",
                    "প্রশ্ন", "উত্তর")),
            Map.entry("hi", new LanguageText("निम्नलिखित बहुविकल्पीय प्रश्न का उत्तर दें। केवल सही विकल्प का अक्षर लिखें।",
                    "प्रश्न", "उत्तर")),
            Map.entry("ar", new LanguageText("أجب عن سؤال الاختيار من متعدد التالي. اكتب حرف الخيار الصحيح فقط.",
                    "السؤال", "الإجابة")),
            Map.entry("he", new LanguageText("ענה על שאלת הבחירה המרובה הבאה. השב רק באות של האפשרות הנכונה.",
                    "שאלה", "תשובה")),
            Map.entry("am", new LanguageText("የሚከተለውን ባለ ብዙ ምርጫ ጥያቄ ይመልሱ። የትክክለኛውን አማራጭ ፊደል ብቻ ይጻፉ።",
                    "ጥያቄ", "መልስ")),
            Map.entry("yo", new LanguageText("Dáhùn ìbéèrè aláṣàyàn yìí. Kọ lẹ́tà ìdáhùn tó tọ́ nìkan.",
                    "Ìbéèrè", "Ìdáhùn")),
            Map.entry("sw", new LanguageText("Jibu swali lifuatalo la chaguo-nyingi. Jibu kwa herufi ya chaguo sahihi pekee.",
                    "Swali", "Jibu")),
            Map.entry("zu", new LanguageText(
                    "Phendula lo mbuzo olandelayo wokukhetha okuningi. Phendula ngohlamvu lwempendulo efanele kuphela.",
                    "Umbuzo", "Impendulo")));

    /** The text for a language; English for a language without its own. */
    public static LanguageText of(String lang) {
        LanguageText t = TEXTS.get(lang);
        return t != null ? t : TEXTS.get("en");
    }

}
