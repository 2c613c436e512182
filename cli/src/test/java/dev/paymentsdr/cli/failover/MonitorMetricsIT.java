package dev.paymentsdr.cli.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymentsdr.aws.failover.testing.AwsWorld;
import dev.paymentsdr.cli.Drctl;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code drctl monitor --metrics-port} against an AWS deployment in moto (Aurora, Route 53, ECS, DynamoDB) with the
 * regions' payment services on loopback: Prometheus scrapes see each probe, then the failover the monitor starts
 * when the active region goes out, from the execution log in DynamoDB.
 */
class MonitorMetricsIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    @RegisterExtension
    static final MotoDeployment deployment = new MotoDeployment();
    private static AwsWorld world;

    @TempDir
    Path dir;

    @BeforeAll
    static void theDeployment() {
        world = deployment.world();
    }

    private static HttpResponse<String> scrape(int port) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    @Test
    void theMonitorExportsEachProbe_andTheFailoverItStartsWhenTheActiveRegionGoesOut() throws Exception {
        Path config = deployment.config(dir);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread monitor = new Thread(() -> {
            CommandLine cli = Drctl.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            exit.set(cli.execute("monitor", "--target", "aws", "--config", config.toString(), "--interval", "200ms",
                    "--failures", "2", "--metrics-port", "0"));
        }, "drctl-monitor");
        monitor.start();
        int port;
        try {
            await("the metrics URL on stdout").atMost(Duration.ofSeconds(60))
                    .until(() -> out.toString().contains("/metrics") || exit.get() >= 0);
            Matcher url = Pattern.compile("Metrics for Prometheus: http://127\\.0\\.0\\.1:(\\d+)/metrics").matcher(out.toString());
            assertThat(url.find()).as(out + "\n" + err).isTrue();
            port = Integer.parseInt(url.group(1));

            String up = "payments_monitor_probe_up{region=\"us-east-1\",target=\"aws\"}";
            await("a passed probe of us-east-1").atMost(Duration.ofSeconds(30)).until(() -> value(scrape(port).body(), up) == 1.0);
            HttpResponse<String> healthy = scrape(port);
            assertThat(healthy.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(value(healthy.body(), "payments_monitor_probes_total{region=\"us-east-1\",result=\"ready\",target=\"aws\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(healthy.body(), "payments_monitor_probe_latency_seconds{region=\"us-east-1\",target=\"aws\"}"))
                    .isGreaterThan(0).isLessThan(5);
            assertThat(healthy.body()).doesNotContain("payments_failover_last_state");

            world.regionOutage(AwsWorld.EAST_1);

            await("the monitor's failover, succeeded, in the metrics").atMost(Duration.ofSeconds(120))
                    .until(() -> scrape(port).body().matches("(?s).*payments_failover_last_state\\{execution_id=\"fo-[^\"]+\","
                            + "kind=\"unplanned\",state=\"succeeded\",target=\"aws\"} 1\\.0.*"));
            String after = scrape(port).body();
            System.out.println(after); // into the surefire report: what Prometheus sees after the failover
            assertThat(value(after, "payments_monitor_probes_total{region=\"us-east-1\",result=\"not_ready\",target=\"aws\"}"))
                    .isGreaterThanOrEqualTo(2);
            assertThat(after).containsPattern("payments_failover_last_state\\{execution_id=\"fo-[^\"]+\",kind=\"unplanned\","
                    + "state=\"failed\",target=\"aws\"} 0\\.0");
            assertThat(after).containsPattern("payments_failover_last_duration_seconds\\{execution_id=\"fo-[^\"]+\","
                    + "kind=\"unplanned\",target=\"aws\"} \\d+\\.\\d+");
            assertThat(after).containsPattern("payments_failover_last_started_timestamp_seconds\\{execution_id=\"fo-[^\"]+\","
                    + "kind=\"unplanned\",target=\"aws\"} 1\\.\\d+E9");
            assertThat(world.isWriter(AwsWorld.EAST_2)).isTrue();
        } finally {
            monitor.interrupt();
            monitor.join(Duration.ofSeconds(30).toMillis());
        }
        assertThat(monitor.isAlive()).as("the monitor stops when interrupted").isFalse();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> scrape(port)))
                .as("the metrics server stops with the monitor").isInstanceOf(ConnectException.class);
    }
}
