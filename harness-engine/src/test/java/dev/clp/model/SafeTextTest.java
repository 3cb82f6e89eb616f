package dev.clp.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The one redaction of endpoint URLs and the one filter of text on its way to a terminal. */
class SafeTextTest {

    @Nested
    class Urls {
        @Test
        void userInfoIsRemovedAndQueryValuesAreReplacedKeepingTheirNames() {
            assertThat(SafeText.url("https://alice:s3cret@host.example:8443/v1?api-key=K&mode=&flag#frag"))
                    .isEqualTo("https://host.example:8443/v1?api-key=***&mode=***&flag");
        }

        @Test
        void aUrlWithoutSecretsIsUnchanged() {
            assertThat(SafeText.url("http://127.0.0.1:8000/v1/chat/completions"))
                    .isEqualTo("http://127.0.0.1:8000/v1/chat/completions");
        }

        @Test
        void textThatDoesNotParseIsFilteredAsFarAsItLooksLikeAUrl() {
            assertThat(SafeText.url("ftp://bob:pw@h/x?token=T1&b=2")).isEqualTo("ftp://h/x?token=***&b=***");
            assertThat(SafeText.url((String) null)).isNull();
        }

        @Test
        void theOriginIsSchemeHostAndAPortThatIsNotTheDefault() {
            assertThat(SafeText.origin("https://u:p@api.example.com/v1?k=v")).isEqualTo("https://api.example.com");
            assertThat(SafeText.origin("http://u:p@127.0.0.1:8000/v1?k=v")).isEqualTo("http://127.0.0.1:8000");
            assertThat(SafeText.origin("not a url")).isEqualTo("(not a URL)");
        }
    }

    @Nested
    class Terminal {
        @Test
        void csiAndOscSequencesAndControlsAreRemoved() {
            assertThat(SafeText.oneLine("a\u001b[2J\u001b]0;pwned\u0007b\u001b[31;1mc\u009b0md\u0000e\u007ff"))
                    .isEqualTo("abcdef");
        }

        @Test
        void anOscEndedByStringTerminatorAndAnUnterminatedOneAreRemoved() {
            assertThat(SafeText.oneLine("x\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\y")).isEqualTo("xlinky");
            assertThat(SafeText.oneLine("x\u001b]0;title")).isEqualTo("x");
        }

        @Test
        void newlinesAndTabsStayInMultiLineTextAndBecomeSpacesOnOneLine() {
            assertThat(SafeText.terminal("a\nb\tc\rd", true)).isEqualTo("a\nb\tc d");
            assertThat(SafeText.oneLine("a\nb\tc\rd")).isEqualTo("a b c d");
        }

        @Test
        void ordinaryTextInAnyScriptIsUnchanged() {
            String text = "Jibu ni B — 答案是 B, ответ: Б (ẹ̀kọ́)";
            assertThat(SafeText.oneLine(text)).isSameAs(text);
        }
    }
}
