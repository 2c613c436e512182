package dev.paymentsdr.lab;

import dev.paymentsdr.lab.haproxy.HaproxyConfig;
import dev.paymentsdr.lab.haproxy.HaproxyException;
import dev.paymentsdr.lab.haproxy.HaproxyRuntimeApi;
import dev.paymentsdr.lab.process.ProcessControl;
import dev.paymentsdr.lab.state.LabState;
import dev.paymentsdr.lab.state.RegionState;
import dev.paymentsdr.localpg.FreePorts;
import dev.paymentsdr.localpg.Program;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The lab's global entry: the HAProxy process, its front door and its runtime API. */
public final class Haproxy {
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Lab lab;

    Haproxy(Lab lab) {
        this.lab = lab;
    }

    public int frontDoorPort() {
        return lab.state().frontDoorPort();
    }

    /** The URL clients send payments to. */
    public URI frontDoorUrl() {
        return URI.create("http://127.0.0.1:" + frontDoorPort());
    }

    /** The backend whose servers are the regions' services (server name = region name). */
    public String backend() {
        return HaproxyConfig.DEFAULT_BACKEND;
    }

    public HaproxyRuntimeApi runtimeApi() {
        return new HaproxyRuntimeApi(Path.of(lab.state().haproxySocket()));
    }

    /** The region HAProxy sends new requests to now; empty when no server can take them or HAProxy is down. */
    public Optional<String> routesTo() {
        if (!isRunning()) {
            return Optional.empty();
        }
        try {
            return runtimeApi().routesTo(backend());
        } catch (HaproxyException e) {
            return Optional.empty();
        }
    }

    public Optional<Long> pid() {
        Long pid = lab.state().haproxyPid();
        return ProcessControl.isAlive(pid, marker()) ? Optional.of(pid) : Optional.empty();
    }

    public boolean isRunning() {
        return pid().isPresent();
    }

    public Path configFile() {
        return Path.of(lab.state().haproxyConfig());
    }

    public Path logFile() {
        return Path.of(lab.state().haproxyLog());
    }

    /** The configuration for the current state: the primary region's service active, the others backups. */
    public HaproxyConfig config() {
        LabState state = lab.state();
        List<HaproxyConfig.Server> servers = new ArrayList<>();
        for (RegionState region : state.regions()) {
            // HAProxy reaches each region's service as clients do: through its client link
            int port = lab.network().port(dev.paymentsdr.lab.state.LinkState.CLIENTS, region.name(),
                    dev.paymentsdr.lab.state.LinkState.SERVICE);
            servers.add(new HaproxyConfig.Server(region.name(), port, region.role() != RegionRole.PRIMARY));
        }
        servers.sort((a, b) -> Boolean.compare(a.backup(), b.backup()));
        return new HaproxyConfig(state.frontDoorPort(), Path.of(state.haproxySocket()), backend(), servers,
                Duration.ofMillis(state.checkIntervalMillis()), state.fall(), state.rise());
    }

    /** Writes and validates the configuration ({@code haproxy -c}), then starts HAProxy when it is not running. */
    public void start(Duration timeout) {
        synchronized (lab.componentLock("haproxy")) {
            startOnce(timeout);
        }
    }

    private void startOnce(Duration timeout) {
        if (isRunning()) {
            return;
        }
        Path config = configFile();
        try {
            Files.writeString(config, config().render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw LabException.startFailed("haproxy", "cannot write " + config + ": " + e.getMessage(), null);
        }
        validate(config);
        if (!FreePorts.isFree(frontDoorPort())) {
            throw LabException.startFailed("haproxy", "front-door port " + frontDoorPort() + " is in use by another process", logFile());
        }
        Process process;
        try {
            process = ProcessControl.launch(List.of(lab.haproxyBinary().toString(), "-db", "-f", config.toString()),
                    Map.of(), logFile());
        } catch (IOException e) {
            throw LabException.startFailed("haproxy", e.getMessage(), logFile());
        }
        long pid = process.pid();
        lab.store().update(s -> s.withHaproxyPid(pid));
        HaproxyRuntimeApi api = runtimeApi();
        Instant deadline = Instant.now().plus(timeout);
        while (!api.isAvailable()) {
            if (!process.isAlive()) {
                throw LabException.startFailedWithLogTail("haproxy", "the process exited with code " + process.exitValue(), logFile());
            }
            if (Instant.now().isAfter(deadline)) {
                ProcessControl.kill(pid, marker());
                throw LabException.startFailed("haproxy", "runtime API socket " + api.socket() + " did not answer within "
                        + timeout.toSeconds() + " s", logFile());
            }
            LabRegion.pause();
        }
    }

    /** Stops HAProxy: SIGTERM, then SIGKILL after 5 s. */
    public void stop() {
        synchronized (lab.componentLock("haproxy")) {
            ProcessControl.terminate(lab.state().haproxyPid(), marker(), STOP_GRACE);
            lab.store().update(s -> s.withHaproxyPid(null));
        }
    }

    private void validate(Path config) {
        try {
            Program.Result check = Program.run(List.of(lab.haproxyBinary().toString(), "-c", "-f", config.toString()),
                    null, Map.of(), Duration.ofSeconds(30));
            if (!check.succeeded()) {
                throw LabException.startFailed("haproxy", "configuration " + config + " is invalid: " + check.output().strip(), null);
            }
        } catch (IOException e) {
            throw LabException.startFailed("haproxy", "cannot run " + lab.haproxyBinary() + " -c: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while validating the HAProxy configuration", e);
        }
    }

    /** The configuration path is on HAProxy's command line and unique to this lab. */
    private String marker() {
        return lab.state().haproxyConfig();
    }
}
