package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A reply that names a first thought and a possible other option and then declines to choose ("so I won't pick",
 * "daher lege ich mich nicht fest", "고르지 않겠습니다") gives no letter: the decline comes after both. Written after
 * corpus N's held-out half gained a false letter with XF10's earlier-thought rule (its total only; this wording is
 * this test's own, in the six languages of N's held-out unsure replies and more). A first thought corrected to an
 * answer still reads. {@code ~} is no letter.
 */
class AnswerExtractorDeclineTest {

    private static final List<String> METALS = List.of("Iron", "Copper", "Silver", "Gold");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ko | 원래는 C라고 하려 했지만 확신이 없습니다. B일 수도 있어서 고르지 않겠습니다. | ~
            hi | पहले मुझे लगा C, लेकिन पक्का नहीं हूँ। B भी हो सकता है, इसलिए मैं नहीं चुनूँगा। | ~
            bn | প্রথমে C ভেবেছিলাম, কিন্তু নিশ্চিত নই। B-ও হতে পারে, তাই বেছে নিচ্ছি না। | ~
            zu | Ekuqaleni bengithi C, kodwa angiqiniseki. Kungaba yi-B, ngakho angikhethi. | ~
            es | Había pensado en la C, pero no estoy seguro. También podría ser la B, así que prefiero no elegir. | ~
            fr | J'avais pensé à C, mais je n'en suis pas sûr. B est aussi possible, donc je préfère ne pas choisir. | ~
            en | My first thought was C. It might be B, though; I'd rather not commit. | ~
            en | At first I thought C, but it might be B. I don't want to guess on this one. | ~
            de | Zuerst dachte ich an C, aber vielleicht ist es B. Ich lege mich nicht fest. | ~
            it | All'inizio pensavo alla C, ma potrebbe essere la B: preferisco non scegliere. | ~
            sw | Mwanzoni nilidhani ni C, lakini huenda ikawa B. Sitachagua. | ~
            uk | Спочатку я думав про C, але може бути й B, тож я не обираю. | ~
            ar | في البداية ظننت أنها C، لكن ربما تكون B، لذلك لن أختار. | ~
            en | At first I thought C, but it is B: copper is the one. | B
            es | Al principio pensé en la C, pero es la B. | B
            ko | 처음에는 C라고 생각했지만, 정답은 B입니다. | B
            """)
    void aDeclineAfterTheLettersGivesNoLetter(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, METALS, raw, "stop", expected);
    }
}
