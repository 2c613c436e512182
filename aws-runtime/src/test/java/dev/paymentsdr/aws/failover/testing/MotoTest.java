package dev.paymentsdr.aws.failover.testing;

import dev.paymentsdr.aws.failover.AwsFailover;
import dev.paymentsdr.aws.failover.Waiter;
import dev.paymentsdr.aws.testing.MotoServer;
import dev.paymentsdr.failover.application.FailoverSettings;
import dev.paymentsdr.failover.application.Sleeper;
import java.time.Clock;
import java.time.Duration;

/** One moto server per test class (started on first use, stopped when the JVM's tests end), and short limits. */
public final class MotoTest {
    private static MotoServer moto;

    private MotoTest() {
    }

    /** The shared server; every test makes a world of its own names in it. */
    public static synchronized MotoServer server() {
        if (moto == null) {
            moto = MotoServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(moto::close));
        }
        return moto;
    }

    public static Waiter waiter() {
        return new Waiter(Clock.systemUTC(), Sleeper.system(), Duration.ofMillis(50));
    }

    /** Seconds instead of minutes: moto answers at once. */
    public static AwsFailover.Timeouts timeouts() {
        return new AwsFailover.Timeouts(Duration.ofMillis(50), Duration.ofSeconds(20), Duration.ofSeconds(10),
                new FailoverSettings(Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofSeconds(20),
                        Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofSeconds(30)));
    }
}
