package dev.paymentsdr.aws.testing;

import dev.paymentsdr.localpg.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A real moto server (AWS emulator) on a free loopback port, started from the project's virtualenv
 * ({@code .tools/venv}, made by {@code scripts/install-deps python}) with the repository's moto extension
 * ({@code emulator/payments_dr_moto}: Aurora global switchover and failover) and stopped on {@link #close()}.
 */
public final class MotoServer implements AutoCloseable {
    private static final String EXTENSION = "emulator/payments_dr_moto";
    private final Process process;
    private final URI endpoint;
    private final Path recording;

    private MotoServer(Process process, URI endpoint, Path recording) {
        this.process = process;
        this.endpoint = endpoint;
        this.recording = recording;
    }

    public static MotoServer start() {
        List<String> command = command();
        int port = FreePorts.pick();
        try {
            Path log = Files.createTempFile("moto-", ".log");
            Path recording = Files.createTempFile("moto-recording-", ".jsonl");
            List<String> withAddress = new ArrayList<>(command);
            withAddress.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
            ProcessBuilder builder = new ProcessBuilder(withAddress).redirectErrorStream(true).redirectOutput(log.toFile());
            extensionDir().ifPresent(dir -> builder.environment().put("PYTHONPATH", dir.toString()));
            builder.environment().put("MOTO_RECORDER_FILEPATH", recording.toString());
            Process process = builder.start();
            MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), recording);
            server.awaitReady(log);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command + ": " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    }

    public Region region() {
        return Region.US_EAST_1;
    }

    /**
     * Sets how a model of moto's state manager progresses, for example {@code rds::global-cluster-failover}
     * with {@code {"progression":"immediate"}}; {@code transition} is the JSON moto documents.
     */
    public void setTransition(String model, String transition) {
        post("/moto-api/state-manager/set-transition", "{\"model_name\":\"" + model + "\",\"transition\":" + transition + "}");
    }

    /** Back to the model's default progression. */
    public void unsetTransition(String model) {
        post("/moto-api/state-manager/unset-transition", "{\"model_name\":\"" + model + "\"}");
    }

    /** Sets moto's configuration ({@code /moto-api/config}), for example {@code {"lambda":{"use_docker":false}}}. */
    public void configure(String json) {
        post("/moto-api/config", json);
    }

    /** moto records every request from now on (its own recorder), until {@link #stopRecording()}. */
    public void startRecording() {
        post("/moto-api/recorder/reset-recording", "");
        post("/moto-api/recorder/start-recording", "");
    }

    public void stopRecording() {
        post("/moto-api/recorder/stop-recording", "");
    }

    /** The requests recorded since {@link #startRecording()}: method, URL and body (decoded). */
    public List<Recorded> recorded() {
        List<Recorded> requests = new ArrayList<>();
        try {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            for (String line : Files.readAllLines(recording)) {
                if (line.isBlank()) {
                    continue;
                }
                com.fasterxml.jackson.databind.JsonNode entry = json.readTree(line);
                String body = entry.path("body").asText("");
                if (entry.path("body_encoded").asBoolean(false)) {
                    body = new String(java.util.Base64.getDecoder().decode(body), java.nio.charset.StandardCharsets.UTF_8);
                }
                requests.add(new Recorded(entry.path("method").asText(), entry.path("url").asText(), body));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read moto's recording " + recording + ": " + e.getMessage(), e);
        }
        return requests;
    }

    /** One request moto received. */
    public record Recorded(String method, String url, String body) {
    }

    private void post(String path, String body) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(endpoint.resolve(path))
                    .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto did not answer " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling moto", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Path log) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the moto server exited: " + Files.readString(log));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() < 500) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto", e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto", e);
            }
        }
        close();
        throw new IllegalStateException("the moto server did not answer within 60 s; log: " + log);
    }

    /** The extended server ({@code python -m payments_dr_moto}), or the executable named by {@code MOTO_SERVER}. */
    private static List<String> command() {
        String configured = System.getenv("MOTO_SERVER");
        if (configured != null && !configured.isBlank()) {
            return List.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path python = dir.resolve(".tools/venv/bin/python");
            if (Files.isExecutable(python) && Files.isDirectory(dir.resolve(EXTENSION))) {
                return List.of(python.toString(), "-m", "payments_dr_moto");
            }
        }
        throw new IllegalStateException("the project's moto is not installed: run scripts/install-deps python"
                + " (creates .tools/venv) or set MOTO_SERVER to a moto_server executable");
    }

    /** The folder holding the {@code payments_dr_moto} package, put on the server's PYTHONPATH. */
    private static Optional<Path> extensionDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(EXTENSION))) {
                return Optional.of(dir.resolve(EXTENSION).getParent());
            }
        }
        return Optional.empty();
    }
}
