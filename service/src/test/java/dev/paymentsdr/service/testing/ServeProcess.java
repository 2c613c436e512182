package dev.paymentsdr.service.testing;

import static org.awaitility.Awaitility.await;

import dev.paymentsdr.localpg.FreePorts;
import dev.paymentsdr.service.ServiceMain;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve} as a real process (what {@code drctl serve} runs), on a free loopback port with this JVM's class
 * path; waits until it answers, and stops it with SIGTERM on {@link #close()}.
 */
public final class ServeProcess implements AutoCloseable {
    private final Process process;
    private final URI base;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServeProcess(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Starts {@code ServiceMain <flags> --port P} with the extra environment; returns once it answers /health. */
    public static ServeProcess start(Map<String, String> environment, String... flags) throws IOException {
        int port = FreePorts.pick();
        Path log = Files.createTempFile("serve-process-", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ServiceMain.class.getName()));
        command.addAll(List.of(flags));
        command.addAll(List.of("--port", Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        ServeProcess serve = new ServeProcess(builder.start(), URI.create("http://127.0.0.1:" + port), log);
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
                if (!serve.process.isAlive()) {
                    throw new AssertionError("serve exited: " + Files.readString(log));
                }
                return serve.get("/health").statusCode() == 200;
            });
        } catch (RuntimeException | AssertionError e) {
            serve.close();
            throw e;
        }
        return serve;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs a payment; {@code key} null sends no Idempotency-Key header. */
    public HttpResponse<String> pay(String key, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/v1/payments")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The process's output so far (JSON log lines). */
    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temporary file left in /tmp
        }
    }
}
