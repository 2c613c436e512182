package dev.paymentsdr.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Drives POST /v1/payments with wrk (unique idempotency keys from a Lua script) and reads its figures. */
final class WrkLoad {
    private static final String RESULT_MARKER = "WRK_RESULT ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path script;

    WrkLoad(Path workDir) {
        try (InputStream in = WrkLoad.class.getResourceAsStream("/bench/payments.lua")) {
            script = workDir.resolve("payments.lua");
            Files.write(script, in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the wrk script: " + e.getMessage(), e);
        }
    }

    /**
     * Runs wrk against the service.
     *
     * @param pauseMs pause before each request on each connection; 0 drives the service as fast as it answers
     */
    LoadFigures run(URI service, int connections, Duration duration, int pauseMs, String keyPrefix) {
        List<String> command = List.of("wrk", "-t", "2", "-c", Integer.toString(connections),
                "-d", duration.toSeconds() + "s", "--timeout", "5s", "-s", script.toString(), service.toString(),
                "--", keyPrefix, Integer.toString(pauseMs));
        String output = ExternalCommand.run(command, java.util.Map.of(), duration.plusSeconds(30));
        String line = output.lines().filter(l -> l.startsWith(RESULT_MARKER)).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no result line: " + output));
        try {
            JsonNode r = JSON.readTree(line.substring(RESULT_MARKER.length()));
            long errors = r.get("status_errors").asLong() + r.get("connect_errors").asLong()
                    + r.get("read_errors").asLong() + r.get("write_errors").asLong() + r.get("timeouts").asLong();
            return new LoadFigures(r.get("requests").asLong(), errors, r.get("duration_us").asLong() / 1e6,
                    r.get("p50_us").asLong() / 1e3, r.get("p90_us").asLong() / 1e3, r.get("p99_us").asLong() / 1e3,
                    r.get("max_us").asLong() / 1e3);
        } catch (IOException e) {
            throw new IllegalStateException("cannot parse wrk's result line: " + line, e);
        }
    }

    static boolean available() {
        return ExternalCommand.onPath("wrk");
    }
}
