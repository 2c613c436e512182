package dev.paymentsdr.bench;

import dev.paymentsdr.service.ServiceLaunch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The payment service in a JVM of its own (as in production), started with this JVM's class path. */
final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final URI baseUri;
    private final Path log;

    private ServiceProcess(Process process, URI baseUri, Path log) {
        this.process = process;
        this.baseUri = baseUri;
        this.log = log;
    }

    static ServiceProcess start(int port, String jdbcUrl, String user, String password, int poolSize, Path log) {
        List<String> command = ServiceLaunch.javaCommand(List.of("-Xmx1g"), System.getProperty("java.class.path"),
                "bench-1", port, jdbcUrl, user, "--db-pool-size", Integer.toString(poolSize));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put(ServiceLaunch.PASSWORD_VARIABLE, password);
        try {
            ServiceProcess service = new ServiceProcess(builder.start(), URI.create("http://127.0.0.1:" + port), log);
            service.awaitReady(Duration.ofSeconds(90));
            return service;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the payment service: " + e.getMessage(), e);
        }
    }

    URI baseUri() {
        return baseUri;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the payment service exited (exit " + process.exitValue() + "); log: " + log);
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(baseUri.resolve("/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the service", e);
            }
            pause();
        }
        close();
        throw new IllegalStateException("the payment service was not ready within " + timeout.toSeconds() + " s; log: " + log);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
