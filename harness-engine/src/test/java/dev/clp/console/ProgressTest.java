package dev.clp.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final long S = 1_000_000_000L;

    @Test
    void aLineSaysHowManyPairsOfHowManyTheRateTheTimeLeftAndTheUnfinishedLanguages() {
        Progress p = new Progress(0);
        for (int i = 0; i < 3; i++) {
            p.planned("sw");
        }
        p.planned("yo");
        p.planned("yo");
        p.planned("de");
        p.finished("sw");
        p.finished("de");
        assertThat(p.line(2 * S, 16)).isEqualTo("clp: 2 / 6 pairs (33 %), 1.0 pairs/s, ETA 4 s; sw 1/3, yo 0/2");
        assertThat(p.line(2 * S, 1)).isEqualTo("clp: 2 / 6 pairs (33 %), 1.0 pairs/s, ETA 4 s; sw 1/3 + 1 more");
        assertThat(p.perLanguage()).isEqualTo("de 1/1, sw 1/3, yo 0/2");
    }

    @Test
    void beforeTheFirstAnswerTheLineSaysHowLongItHasWaited() {
        Progress p = new Progress(0);
        p.planned("sw");
        assertThat(p.line(75 * S, 16)).isEqualTo("clp: 0 / 1 pairs (0 %), no answer yet after 1 min 15 s; sw 0/1");
    }

    @Test
    void aPairFinishedTwiceOrOfAnUnplannedLanguageCountsOnce() {
        Progress p = new Progress(0);
        p.planned("sw");
        p.finished("sw");
        p.finished("sw");
        p.finished("xx");
        assertThat(p.done()).isEqualTo(1);
        assertThat(p.complete()).isTrue();
        assertThat(p.line(2 * S, 16)).isEqualTo("clp: 1 / 1 pairs (100 %), 0.5 pairs/s");
    }

    @Test
    void theRateIsTheRecentOneSoASlowStartDoesNotInflateTheTimeLeft() {
        Progress p = new Progress(0);
        for (int i = 0; i < 1000; i++) {
            p.planned("sw");
        }
        p.line(20 * S, 0);                                // 20 s of start-up, nothing answered
        for (int i = 0; i < 100; i++) {
            p.finished("sw");
        }
        p.line(25 * S, 0);
        for (int i = 0; i < 100; i++) {
            p.finished("sw");
        }
        // 100 pairs in the last 5 s: 20 pairs/s, 800 left: 40 s (the average since the start, 6.9 pairs/s, says 116 s)
        assertThat(p.line(30 * S, 0)).isEqualTo("clp: 200 / 1,000 pairs (20 %), 20 pairs/s, ETA 40 s");
    }

    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertThat(Progress.duration(5.4)).isEqualTo("5 s");
        assertThat(Progress.duration(125)).isEqualTo("2 min 5 s");
        assertThat(Progress.duration(7260)).isEqualTo("2 h 1 min");
    }
}
