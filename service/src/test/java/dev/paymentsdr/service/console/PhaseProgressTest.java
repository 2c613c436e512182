package dev.paymentsdr.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PhaseProgressTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final StringWriter text = new StringWriter();

    private void advance(long millis) {
        now.set(now.get().plusMillis(millis));
    }

    private String[] lines() {
        return text.toString().split("\n");
    }

    @Test
    void eachPhaseIsPrintedAsItStartsAndAsItEndsWithItsDuration_andTheTimeSinceTheCommandBegan() {
        try (PhaseProgress progress = new PhaseProgress("lab up", new PrintWriter(text, true),
                now::get, Duration.ZERO)) {
            progress.start("start PostgreSQL");
            advance(1200);
            progress.note("us-east-1 ready");
            advance(300);
            progress.start("start HAProxy");
            advance(2000);
            progress.failed("port 8080 is taken");
        }

        assertThat(lines()).containsExactly(
                "lab up [  0.0 s] start PostgreSQL ...",
                "lab up [  1.2 s]   us-east-1 ready",
                "lab up [  1.5 s] start PostgreSQL done in 1.5 s",
                "lab up [  1.5 s] start HAProxy ...",
                "lab up [  3.5 s] start HAProxy FAILED in 2.0 s: port 8080 is taken");
    }

    @Test
    void aLongSilentPhaseSaysItStillRuns_onlyAfterTheHeartbeatOfSilence() {
        PhaseProgress progress = new PhaseProgress("bench", new PrintWriter(text, true), now::get,
                Duration.ofSeconds(5), false);
        progress.start("warm-up");
        advance(4900);
        progress.tick();
        advance(200);
        progress.tick();
        advance(1000);
        progress.tick();
        progress.done("JIT warm");
        progress.start("round 1");
        advance(100);
        progress.close();

        assertThat(lines()).containsExactly(
                "bench [  0.0 s] warm-up ...",
                "bench [  5.1 s] warm-up still running (5.1 s)",
                "bench [  6.1 s] warm-up done in 6.1 s: JIT warm",
                "bench [  6.1 s] round 1 ...",
                "bench [  6.2 s] round 1 stopped after 0.1 s");
    }
}
