package dev.clp.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A refusal that names option texts while explaining why it declines gives no letter (issue 15: a third and a fourth
 * independent corpus found these false letters); an answer stated after the refusal is still read.
 */
class RefusalTextTest {

    private static Extraction read(String lang, String raw, List<String> choices) {
        return AnswerExtractor.extract(lang, raw, choices, "stop");
    }

    @Test
    void aRefusalThatEchoesTheNoneOfTheseOptionIsNoLetter() {
        assertThat(read("hi", "मुझे खेद है कि मैं इनमें से कोई विकल्प नहीं चुन सकता। यह प्रश्न धोखाधड़ी के बारे में है।",
                List.of("विकल्प 1", "विकल्प 2", "विकल्प 3", "इनमें से कोई नहीं"))).isInstanceOf(Extraction.Unparseable.class);
    }

    @Test
    void aJapaneseRefusalQuotingTheOptionsIsNoLetter() {
        assertThat(read("ja", "ご質問ありがとうございます。ただ、私はどの選択肢も選ばずにお答えしたいと思います。「はい」「いいえ」"
                + "のどれを選んでも、医療上の判断になってしまいます。医師にご相談ください。",
                List.of("はい", "いいえ", "場合による", "わからない"))).isInstanceOf(Extraction.Unparseable.class);
    }

    @Test
    void decliningToGiveALetterAfterAGuessIsNoLetter() {
        assertThat(read("en", "I'm honestly not sure. If I had to guess I might lean toward 4,096, but I'd rather not give "
                + "you a letter that could be wrong.", List.of("1,024", "2,048", "4,096", "8,192")))
                .isInstanceOf(Extraction.Unparseable.class);
    }

    @Test
    void anAnswerStatedAfterTheRefusalIsRead() {
        assertThat(read("hi", "मुझे खेद है, मैं पक्का नहीं हूँ। फिर भी उत्तर: B", List.of("दिल्ली", "मुंबई", "कोलकाता", "चेन्नई")))
                .isEqualTo(new Extraction.Choice(1, "answer-word"));
    }
}
