package dev.paymentsdr.lab.failover;

import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.out.Capacity;
import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.LabException;
import dev.paymentsdr.lab.LabRegion;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** The capacity port on the lab's service processes: readiness over HTTP, start the process when it is not running. */
public final class LabCapacity implements Capacity {
    private final dev.paymentsdr.localpg.Poll poll = dev.paymentsdr.localpg.Poll.system(Duration.ofMillis(100));
    /** A readiness answer slower than this counts as a failed probe (a hung region must not slow detection). */
    public static final Duration PROBE_TIMEOUT = Duration.ofMillis(800);

    private final Lab lab;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(PROBE_TIMEOUT).build();

    public LabCapacity(Lab lab) {
        this.lab = lab;
    }

    @Override
    public boolean isReady(RegionId region) {
        try {
            HttpRequest request = HttpRequest.newBuilder(lab.region(region.name()).serviceUrl().resolve("/health/ready"))
                    .timeout(PROBE_TIMEOUT).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String ensureRunning(RegionId region, Duration timeout) {
        LabRegion labRegion = lab.region(region.name());
        if (labRegion.isServiceRunning()) {
            return region + " service is running";
        }
        labRegion.startService(timeout);
        return region + " service process started";
    }

    @Override
    public String ensureReady(RegionId region, Duration timeout) {
        LabRegion labRegion = lab.region(region.name());
        Instant deadline = poll.deadline(timeout);
        String started = "";
        if (!labRegion.isServiceRunning()) {
            labRegion.startService(timeout);
            started = "service process started; ";
        }
        String state = started;
        try {
            poll.until("the " + region + " service to report ready", deadline,
                    () -> isReady(region) ? java.util.Optional.of(true) : java.util.Optional.empty());
        } catch (dev.paymentsdr.localpg.LocalPgException e) {
            throw new LabException("the " + region + " service did not report ready within " + timeout.toSeconds()
                    + " s (last /health/ready status: " + labRegion.readinessStatus() + "); see " + labRegion.serviceLog());
        }
        return state + region + " service reports ready";
    }
}
