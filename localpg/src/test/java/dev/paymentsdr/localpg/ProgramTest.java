package dev.paymentsdr.localpg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgramTest {
    @Test
    void theOutputOfBothStreamsAndTheExitCodeAreReturned() throws Exception {
        Program.Result result = Program.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), null, Map.of(),
                Duration.ofSeconds(10));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.timedOut()).isFalse();
        assertThat(result.output()).contains("out").contains("err");
    }

    @Test
    void aProgramThatOutlivesItsLimitIsKilledAndReportedAsTimedOut() throws Exception {
        // A hung program holding its output open must not block the caller past the limit.
        Program.Result result = Program.run(List.of("sh", "-c", "echo started; exec sleep 60"), null, Map.of(),
                Duration.ofMillis(300));

        assertThat(result.timedOut()).isTrue();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).contains("started");
    }

    @Test
    void theEnvironmentReachesTheProgramAndTheTailIsShortened() throws Exception {
        Program.Result result = Program.run(List.of("sh", "-c", "printf '%s' \"$GREETING\""), null,
                Map.of("GREETING", "hello-from-env"), Duration.ofSeconds(10));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.output()).isEqualTo("hello-from-env");
        assertThat(result.tail(8)).isEqualTo("...from-env");
    }
}
