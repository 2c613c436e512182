package dev.paymentsdr.failover.application;

import static dev.paymentsdr.failover.application.InMemoryWorld.EAST_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.failover.domain.model.ExecutionResult;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.Plan;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.in.TriggerFailover;
import dev.paymentsdr.failover.port.out.FailoverPorts;
import dev.paymentsdr.failover.testing.HandClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The monitor's loop on a hand-driven clock: probes answer after scripted delays, so overlapping confirmation probes
 * and the order in which their answers count can be checked to the millisecond, without waiting.
 */
class HealthMonitorConfirmationTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** The lab adapter's probe limit: an answer this late is a failed probe. */
    private static final Duration LIMIT = Duration.ofMillis(800);

    private final HandClock clock = new HandClock(T0);
    private final InMemoryWorld world = new InMemoryWorld();
    private final List<Duration> failoversStartedAt = new ArrayList<>();
    private final List<String> counted = new ArrayList<>();
    /** What the monitor told the trigger, per failover: whether the source's database left its question unanswered. */
    private final List<Boolean> databaseSilent = new ArrayList<>();

    /** A probe's answer: {@code ready} after {@code after} on the test's clock. */
    private record Answer(Duration after, boolean ready) {
        static Answer timedOut() {
            return new Answer(LIMIT, false);
        }

        static Answer slow(long millis) {
            return new Answer(Duration.ofMillis(millis), true);
        }
    }

    /** Runs each started probe once the clock reaches its answer time; the script says what probe n answers. */
    private final class ScriptedProbes implements Executor, ReadinessOnly {
        private final IntFunction<Answer> script;
        private final List<Scheduled> inFlight = new ArrayList<>();
        private int started;
        private final List<Long> startedAt = new ArrayList<>();
        private Answer answering;

        private record Scheduled(Instant due, Runnable task, Answer answer) {
        }

        ScriptedProbes(IntFunction<Answer> script) {
            this.script = script;
        }

        @Override
        public void execute(Runnable task) {
            Answer answer = script.apply(started++);
            startedAt.add(Duration.between(T0, clock.instant()).toMillis());
            inFlight.add(new Scheduled(clock.instant().plus(answer.after()), task, answer));
        }

        /**
         * Runs the database questions on the same clock: each is answered {@code after} it was asked (never, for null),
         * and the time it was asked is recorded.
         */
        Executor questions(Duration after, List<Long> askedAt) {
            return task -> {
                askedAt.add(Duration.between(T0, clock.instant()).toMillis());
                if (after != null) {
                    inFlight.add(new Scheduled(clock.instant().plus(after), task, new Answer(after, false)));
                }
            };
        }

        /** Moves the clock and lets every probe whose answer time has come answer, earliest first. */
        void sleep(Duration duration) {
            clock.advance(duration);
            List<Scheduled> due = inFlight.stream().filter(s -> !s.due().isAfter(clock.instant()))
                    .sorted(Comparator.comparing(Scheduled::due)).toList();
            inFlight.removeAll(due);
            for (Scheduled s : due) {
                answering = s.answer();
                s.task().run();
            }
        }

        @Override
        public boolean isReady(RegionId region) {
            return answering.ready();
        }
    }

    private Optional<ExecutionResult> monitor(ScriptedProbes probes, Duration runFor) throws InterruptedException {
        return monitor(probes, Runnable::run, runFor);
    }

    private Optional<ExecutionResult> monitor(ScriptedProbes probes, Executor questions, Duration runFor)
            throws InterruptedException {
        FailoverPorts ports = new FailoverPorts(world, world, world, world, world, new InMemoryExecutionLog(),
                new InMemoryLease(clock));
        FailoverOrchestrator orchestrator = new FailoverOrchestrator(ports, FailoverSettings.defaults(), clock, d -> { },
                "monitor");
        TriggerFailover recording = new TriggerFailover() {
            @Override
            public ExecutionResult run(FailoverRequest request, boolean joinIfBusy) {
                return orchestrator.run(request, joinIfBusy);
            }

            @Override
            public ExecutionResult runOnMonitorEvidence(FailoverRequest request, boolean joinIfBusy, boolean silent) {
                databaseSilent.add(silent);
                return orchestrator.runAfterFailedProbes(request, joinIfBusy, silent);
            }

            @Override
            public Plan plan(FailoverRequest request) {
                return orchestrator.plan(request);
            }
        };
        HealthMonitor monitor = new HealthMonitor(world, probes, world, recording,
                new HealthMonitor.Settings(Duration.ofSeconds(1), 3, Duration.ofSeconds(5), false), clock, probes::sleep,
                new HealthMonitor.Listener() {
                    @Override
                    public void onProbe(RegionId region, boolean ready, int failures, String detail) {
                        counted.add(Duration.between(T0, clock.instant()).toMillis() + ":" + ready + ":" + failures);
                    }

                    @Override
                    public void onFailoverStarted(FailoverRequest request) {
                        failoversStartedAt.add(Duration.between(T0, clock.instant()));
                    }
                }, probes, questions);
        Instant end = T0.plus(runFor);
        return monitor.run(() -> !failoversStartedAt.isEmpty() || !clock.instant().isBefore(end));
    }

    @Test
    void givenAFrozenRegion_thenConfirmationProbesOverlapAndTheFailoverStartsOneLimitAndTwoConfirmationIntervalsAfterTheFirstProbe()
            throws InterruptedException {
        world.regionOutage(EAST_1);
        ScriptedProbes probes = new ScriptedProbes(n -> Answer.timedOut());

        monitor(probes, Duration.ofSeconds(10));

        // three 0.8 s time-outs back to back would take 2.4 s; overlapped they end 0.8, 0.9 and 1.0 s after the start
        assertThat(failoversStartedAt).containsExactly(Duration.ofMillis(1000));
        assertThat(counted).containsExactly("800:false:1", "900:false:2", "1000:false:3");
        assertThat(probes.startedAt).containsExactly(0L, 100L, 200L, 800L, 900L);
        // the database answered the monitor's question "unreachable": assess need not wait for it again
        assertThat(databaseSilent).containsExactly(true);
    }

    @Test
    void givenTimeOutsFromARegionWhoseDatabaseAnswersAsAWritablePrimary_thenTheFailoverWaitsForThreeTimeOutsBackToBack()
            throws InterruptedException {
        // the service stalls under load while its database is fine: overlapping probes must not shorten the stall needed
        ScriptedProbes probes = new ScriptedProbes(n -> Answer.timedOut());

        monitor(probes, Duration.ofSeconds(10));

        assertThat(failoversStartedAt).containsExactly(LIMIT.multipliedBy(3));
        assertThat(counted).startsWith("800:false:1", "900:false:2", "1000:false:3");
        assertThat(databaseSilent).containsExactly(false);
    }

    @Test
    void givenAStalledServiceWhoseDatabaseAnswersSlowly_thenTheQuestionAskedAtTheOverdueProbeHoldsTheFailoverBack()
            throws InterruptedException {
        // under load the database takes 0.7 s to say it is a writable primary: asked only at the first failed probe
        // (0.8 s), its answer would come after the third failure (1.0 s) and the monitor would fail over a live primary
        ScriptedProbes probes = new ScriptedProbes(n -> Answer.timedOut());
        List<Long> askedAt = new ArrayList<>();

        monitor(probes, probes.questions(Duration.ofMillis(700), askedAt), Duration.ofSeconds(10));

        assertThat(askedAt).first().isEqualTo(HealthMonitor.OVERDUE.toMillis());
        assertThat(failoversStartedAt).containsExactly(LIMIT.multipliedBy(3));
        assertThat(databaseSilent).containsExactly(false);
    }

    @Test
    void givenAFrozenDatabaseThatNeverAnswersTheQuestion_thenTheFailoverStartsAtTheThirdTimeOutAndAssessIsToldItIsSilent()
            throws InterruptedException {
        world.regionOutage(EAST_1);
        ScriptedProbes probes = new ScriptedProbes(n -> Answer.timedOut());
        List<Long> askedAt = new ArrayList<>();

        monitor(probes, probes.questions(null, askedAt), Duration.ofSeconds(10));

        assertThat(askedAt).containsExactly(HealthMonitor.OVERDUE.toMillis());
        assertThat(failoversStartedAt).containsExactly(Duration.ofMillis(1000));
        assertThat(databaseSilent).containsExactly(true);
    }

    @Test
    void givenARefusingRegionWhoseDatabaseQuestionIsStillOpen_thenTheFailoverWaitsUntilTheQuestionIsAsOldAsAssessGrace()
            throws InterruptedException {
        world.regionOutage(EAST_1);
        ScriptedProbes probes = new ScriptedProbes(n -> new Answer(Duration.ofMillis(5), false));
        List<Long> askedAt = new ArrayList<>();

        monitor(probes, probes.questions(null, askedAt), Duration.ofSeconds(10));

        // asked at the first failure (10 ms); the third failure (210 ms) comes sooner than 250 ms after it, the fourth not
        assertThat(askedAt).containsExactly(10L);
        assertThat(failoversStartedAt).containsExactly(Duration.ofMillis(310));
        assertThat(databaseSilent).containsExactly(true);
    }

    @Test
    void givenAPrimaryWhoseProbesAreSlowButUnderTheLimit_thenItIsNeverFailedOver() throws InterruptedException {
        ScriptedProbes probes = new ScriptedProbes(n -> Answer.slow(LIMIT.toMillis() - 10));

        Optional<ExecutionResult> result = monitor(probes, Duration.ofMinutes(2));

        assertThat(result).isEmpty();
        assertThat(failoversStartedAt).isEmpty();
        assertThat(counted).isNotEmpty().allSatisfy(c -> assertThat(c).endsWith(":true:0"));
        // slow answers make the monitor ask more often, never more than three at a time
        assertThat(probes.started).isGreaterThan(120);
        assertThat(probes.inFlight).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void givenSlowAnswersWithTwoTimeOutsInARow_thenTheCountRestartsAtTheNextAnswerInStartOrder() throws InterruptedException {
        // probes 0 and 1 time out; probe 2 answers slowly but in time, before probe 1's time-out is counted
        ScriptedProbes probes = new ScriptedProbes(n -> n % 3 == 2 ? Answer.slow(300) : Answer.timedOut());

        Optional<ExecutionResult> result = monitor(probes, Duration.ofMinutes(1));

        assertThat(result).isEmpty();
        assertThat(failoversStartedAt).isEmpty();
        assertThat(counted).startsWith("800:false:1", "900:false:2", "900:true:0");
    }

    @Test
    void givenARegionThatAnswersNotReadyAtOnce_thenTheFailoverStartsTwoConfirmationIntervalsAfterTheFirstFailure()
            throws InterruptedException {
        world.regionOutage(EAST_1);
        ScriptedProbes probes = new ScriptedProbes(n -> new Answer(Duration.ofMillis(5), false));

        monitor(probes, Duration.ofSeconds(10));

        // each answer is counted at the next 10 ms poll step: 10, 110 and 210 ms
        assertThat(failoversStartedAt).containsExactly(Duration.ofMillis(210));
        assertThat(probes.startedAt).containsExactly(0L, 100L, 200L);
    }
}
