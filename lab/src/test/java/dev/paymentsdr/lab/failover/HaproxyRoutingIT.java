package dev.paymentsdr.lab.failover;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.paymentsdr.lab.haproxy.HaproxyConfig;
import dev.paymentsdr.lab.haproxy.HaproxyRuntimeApi;
import dev.paymentsdr.lab.haproxy.HaproxyRuntimeApi.AdminState;
import dev.paymentsdr.lab.setup.Prerequisites;
import dev.paymentsdr.localpg.FreePorts;
import dev.paymentsdr.localpg.TemporaryPostgres;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real HAProxy whose servers answer its health checks as told: once traffic moved to the only region left, a
 * failing check must not take that region out (the drills saw every request fail for 1.3 s when a busy region's
 * check timed out); with another region to go to, a failing region is still taken out.
 */
class HaproxyRoutingIT {
    private static final String BACKEND = "payments";
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(200);
    private static final List<String> REGIONS = List.of("a", "b", "c");
    private static final Map<String, AtomicInteger> HEALTH = new LinkedHashMap<>();
    private static final Map<String, HttpServer> SERVICES = new LinkedHashMap<>();
    private static Path root;
    private static Process haproxy;
    private static HaproxyRuntimeApi api;

    @BeforeAll
    static void start() throws Exception {
        root = Files.createTempDirectory(Path.of("/tmp"), "haproxy-routing-");
        List<HaproxyConfig.Server> servers = new java.util.ArrayList<>();
        for (String region : REGIONS) {
            AtomicInteger status = new AtomicInteger(200);
            HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            service.createContext("/", exchange -> {
                exchange.sendResponseHeaders(status.get(), -1);
                exchange.close();
            });
            service.start();
            HEALTH.put(region, status);
            SERVICES.put(region, service);
            servers.add(new HaproxyConfig.Server(region, service.getAddress().getPort(), !region.equals("a")));
        }
        Path socket = root.resolve("haproxy.sock");
        Path config = root.resolve("haproxy.cfg");
        Files.writeString(config, new HaproxyConfig(FreePorts.pick(), socket, BACKEND, servers, CHECK_INTERVAL, 2, 2).render());
        haproxy = new ProcessBuilder(Prerequisites.haproxy(false, line -> { }).toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(root.resolve("haproxy.log").toFile()).start();
        api = new HaproxyRuntimeApi(socket);
        Awaitility.await("HAProxy's runtime API").atMost(Duration.ofSeconds(20)).until(api::isAvailable);
    }

    @AfterAll
    static void stop() throws Exception {
        if (haproxy != null) {
            haproxy.destroyForcibly().waitFor();
        }
        SERVICES.values().forEach(s -> s.stop(0));
        TemporaryPostgres.deleteTree(root);
    }

    /** Every region healthy, in service and checked again: HAProxy sends to the first one, a. */
    @BeforeEach
    void allInService() {
        for (String region : REGIONS) {
            HEALTH.get(region).set(200);
            api.setState(BACKEND, region, AdminState.READY);
            api.setHealthChecks(BACKEND, region, true);
        }
        Awaitility.await("every region up").atMost(Duration.ofSeconds(10))
                .until(() -> api.showStat(BACKEND).stream().allMatch(s -> s.status().startsWith("UP")));
    }

    @Test
    void theOnlyRegionLeftKeepsItsTrafficWhenItsChecksFail() {
        api.setState(BACKEND, "c", AdminState.MAINT);
        String done = new HaproxyRouting(api, BACKEND).routeTo("b", "a");
        assertThat(done).contains("paused");

        HEALTH.get("b").set(503);

        // two failed checks take a checked server down within about half a second: b must stay well past that
        Awaitility.await("HAProxy to keep routing to b").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> api.routesTo(BACKEND), Optional.of("b")::equals);
    }

    @Test
    void aRegionWithAnotherToGoToIsStillTakenOutWhenItsChecksFail() {
        String done = new HaproxyRouting(api, BACKEND).routeTo("b", "a");
        assertThat(done).doesNotContain("paused");
        assertThat(api.routesTo(BACKEND)).contains("b");

        HEALTH.get("b").set(503);

        Awaitility.await("HAProxy to leave b for c").atMost(Duration.ofSeconds(5))
                .until(() -> api.routesTo(BACKEND), Optional.of("c")::equals);
    }
}
