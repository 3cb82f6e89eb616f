package dev.clp.scoring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Elimination that ends on what is left: "बचता है D", "B ló kù", "Linabaki chaguo B", "남는 것은 B입니다": after the other
 * options are ruled out by name, the one that remains is the answer (data: {@code conclude} before the letter,
 * {@code correct} after it), as "that leaves B", "il reste B", "剩下的是B" already were. Written from dev-j's
 * hi-elimination-03-j and yo-elimination-02-j before the data was changed; the wording is this test's own, in the nine
 * languages that had no such word. The question asks for the capital of France (B). {@code ~} is no letter.
 */
class AnswerExtractorWhatRemainsTest {

    @ParameterizedTest(name = "{0}: {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            hi | cities  | रोम (A) इटली की राजधानी है, बर्लिन (C) जर्मनी की और लंदन (D) ब्रिटेन की। बचता है B, जो फ्रांस की राजधानी है। | B
            bn | cities  | রোম (A) ইতালির, বার্লিন (C) জার্মানির আর লন্ডন (D) ব্রিটেনের রাজধানী। বাকি থাকে B, যা ফ্রান্সের রাজধানী। | B
            ko | kcities | 로마(A)는 이탈리아, 베를린(C)은 독일, 런던(D)은 영국의 수도입니다. 남는 것은 B, 프랑스의 수도입니다. | B
            ar | acities | "روما (A) عاصمة إيطاليا، وبرلين (C) عاصمة ألمانيا، ولندن (D) عاصمة بريطانيا. يبقى B، وهي عاصمة فرنسا." | B
            he | hcities | "רומא (A) היא בירת איטליה, ברלין (C) בירת גרמניה ולונדון (D) בירת בריטניה. נשארה B, בירת צרפת." | B
            am | mcities | ሮም (A) የጣሊያን፣ በርሊን (C) የጀርመን፣ ለንደን (D) የእንግሊዝ ዋና ከተማ ናቸው። የሚቀረው B፣ የፈረንሳይ ዋና ከተማ። | B
            yo | cities  | "Róòmù (A) wà ní Ítálì, Bẹ̀rlínì (C) wà ní Jámánì, Lọ́ndọ̀nù (D) wà ní Bírítéènì. B ló kù, olú-ìlú Faransé." | B
            sw | scities | Roma (A) iko Italia; Berlin (C) iko Ujerumani; London (D) iko Uingereza. Linabaki B, mji mkuu wa Ufaransa. | B
            zu | cities  | "IRoma (A) iseNtaliyane, iBerlin (C) iseJalimane, iLondon (D) iseNgilandi. Kusele B, inhloko-dolobha yaseFrance." | B
            en | cities  | "Rome (A) is in Italy, Berlin (C) in Germany and London (D) in England. That leaves B, the capital of France." | B
            ko | kcities | 남는 것은 없습니다. | ~
            sw | scities | Hakuna chaguo linalobaki. | ~
            hi | cities  | बचता है A या B, पक्का नहीं। | ~
            he | hcities | נשארו שתי אפשרויות, A או B. | ~
            """)
    void theOptionLeftAfterTheOthersAreRuledOutIsTheAnswer(String lang, String options, String raw, String expected) {
        ExtractionCheck.reads(lang, ExtractionCheck.CAPITALS.get(options), raw, "stop", expected);
    }
}
