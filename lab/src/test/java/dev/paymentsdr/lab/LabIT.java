package dev.paymentsdr.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.paymentsdr.lab.haproxy.HaproxyException;
import dev.paymentsdr.lab.haproxy.HaproxyRuntimeApi;
import dev.paymentsdr.lab.haproxy.HaproxyRuntimeApi.AdminState;
import dev.paymentsdr.lab.haproxy.ServerStat;
import dev.paymentsdr.lab.state.LabState;
import dev.paymentsdr.lab.state.RegionState;
import dev.paymentsdr.localpg.ProcessExit;
import dev.paymentsdr.localpg.TemporaryPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole lab on loopback: real PostgreSQL pair, two payment services, real HAProxy. */
class LabIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private Path root;
    private Lab lab;

    @AfterEach
    void tearDown() {
        try {
            if (lab != null) {
                lab.down(true);
            }
        } finally {
            // Even when down failed, no process of this test may outlive it.
            if (root != null) {
                ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().map(line -> line.contains(root.toString())).orElse(false))
                        .forEach(ProcessHandle::destroyForcibly);
                TemporaryPostgres.deleteTree(root);
            }
        }
    }

    @Test
    void givenASyncLab_whenAPaymentIsPostedToTheFrontDoor_thenTheStandbyHasItAndDownLeavesNoProcess() throws Exception {
        root = Files.createTempDirectory(Path.of("/tmp"), "lab-it-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
        LabConfig config = LabConfig.builder().dir(root.resolve("lab")).replication(ReplicationMode.SYNC)
                .checkInterval(Duration.ofMillis(500)).startTimeout(Duration.ofSeconds(90)).build();

        lab = Lab.up(config);

        assertThat(lab.startedByLastUp()).contains("network", "database us-east-1", "database us-east-2", "service us-east-1",
                "service us-east-2", "haproxy");
        assertThat(Lab.up(config).startedByLastUp()).as("a second up finds everything running").isEmpty();

        String key = "lab-it-" + UUID.randomUUID();
        HttpResponse<String> response = postPayment(lab.haproxy().frontDoorUrl(), key);
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        await().atMost(PATIENCE).until(() -> countOnStandby(key) == 1);

        LabStatus status = lab.status();
        LabStatus.RegionStatus east1 = status.region("us-east-1").orElseThrow();
        LabStatus.RegionStatus east2 = status.region("us-east-2").orElseThrow();
        assertThat(status.routesTo()).isEqualTo("us-east-1");
        assertThat(status.haproxyRunning()).isTrue();
        assertThat(east1.role()).isEqualTo("primary");
        assertThat(east1.pgIsInRecovery()).isFalse();
        assertThat(east1.serviceReady()).isTrue();
        assertThat(east1.synchronousStandbyNames()).isEqualTo("FIRST 1 (\"us_east_2\")");
        assertThat(east2.role()).isEqualTo("standby");
        assertThat(east2.pgIsInRecovery()).isTrue();
        assertThat(east2.replicationState()).isEqualTo("streaming");
        assertThat(east2.syncState()).isEqualTo("sync");
        assertThat(east2.lagBytes()).isNotNull().isGreaterThanOrEqualTo(0L);
        assertThat(east2.serviceReadyStatus()).isEqualTo(503);
        assertThat(east1.haproxyServer()).isEqualTo("UP");
        await().atMost(PATIENCE).until(() -> lab.status().region("us-east-2").orElseThrow().haproxyServer(),
                "DOWN backup"::equals);

        HaproxyRuntimeApi api = lab.haproxy().runtimeApi();
        String backend = lab.haproxy().backend();
        api.setState(backend, "us-east-1", AdminState.DRAIN);
        assertThat(api.showStat(backend)).filteredOn(s -> s.server().equals("us-east-1"))
                .singleElement().extracting(ServerStat::isDrained).isEqualTo(true);
        assertThat(api.showServersState(backend)).filteredOn(s -> s.server().equals("us-east-1"))
                .singleElement().satisfies(s -> assertThat(s.adminState() & 0x08).as("forced drain bit").isNotZero());
        assertThat(lab.haproxy().routesTo()).as("the standby is not ready, so nobody takes new requests").isEmpty();
        api.setState(backend, "us-east-1", AdminState.READY);
        await().atMost(PATIENCE).until(() -> lab.haproxy().routesTo().filter("us-east-1"::equals).isPresent());
        api.setWeight(backend, "us-east-1", 0);
        assertThat(lab.haproxy().routesTo()).isEmpty();
        api.setWeight(backend, "us-east-1", 1);
        assertThat(lab.haproxy().routesTo()).contains("us-east-1");
        assertThatThrownBy(() -> api.setState(backend, "eu-west-9", AdminState.MAINT))
                .isInstanceOf(HaproxyException.class).hasMessageContaining("set server payments/eu-west-9 state maint");

        LabState state = lab.state();
        String password = Files.readString(Path.of(state.passwordFile()), StandardCharsets.UTF_8).strip();
        assertThat(Files.readString(lab.dir().resolve("lab-state.json"))).doesNotContain(password);
        assertThat(ProcessHandle.of(state.region("us-east-1").orElseThrow().servicePid()).orElseThrow().info()
                .commandLine().orElse("")).doesNotContain(password);

        assertNetworkLinksCarryLatencyAndCuts();

        List<Long> pids = new ArrayList<>();
        pids.add(state.haproxyPid());
        pids.add(state.network().pid());
        for (RegionState region : state.regions()) {
            pids.add(region.dbPid());
            pids.add(region.servicePid());
        }
        assertThat(pids).doesNotContainNull().allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isPresent());
        List<Long> postgresChildren = new ArrayList<>();
        for (RegionState region : state.regions()) {
            ProcessHandle.of(region.dbPid()).orElseThrow().children().forEach(c -> postgresChildren.add(c.pid()));
        }

        lab.down();

        for (Long pid : pids) {
            // a zombie waiting for PID 1 to reap it has ended
            assertThat(ProcessHandle.of(pid).filter(p -> !ProcessExit.hasEnded(p)).map(p -> p.info().commandLine().orElse("?")))
                    .as("process %d after down", pid).isEmpty();
        }
        for (Long pid : postgresChildren) {
            assertThat(ProcessHandle.of(pid).filter(p -> !ProcessExit.hasEnded(p))).as("postgres child %d after down", pid).isEmpty();
        }
        assertThat(lab.status().regions()).allSatisfy(r -> {
            assertThat(r.dbRunning()).isFalse();
            assertThat(r.serviceRunning()).isFalse();
        });

        // Roles that contradict the data directories (a failover recorded but never carried out) start nothing.
        lab.setRole("us-east-1", RegionRole.STANDBY);
        lab.setRole("us-east-2", RegionRole.PRIMARY);
        assertThatThrownBy(() -> Lab.up(config)).isInstanceOf(LabException.class)
                .hasMessageContaining("cannot start database us-east-2: it is recorded as the primary but its data directory");
        assertThat(lab.regions()).allSatisfy(r -> assertThat(r.db().isRunning()).isFalse());
    }

    /**
     * The standby streams through its region->region link, which adds the pair's round trip; a partition cuts a
     * region off from clients or from the other region while its processes run on, and healing restores both.
     */
    private void assertNetworkLinksCarryLatencyAndCuts() throws Exception {
        Network network = lab.network();
        assertThat(network.roundTrip()).isEqualTo(Duration.ofMillis(12));
        int link = network.port("us-east-2", "us-east-1", "db");
        assertThat(Files.readString(lab.region("us-east-2").db().dataDir().resolve("postgresql.auto.conf")))
                .as("the standby's primary_conninfo names its link").contains("port=" + link + " ");
        try (Connection c = lab.region("us-east-1").dbFrom("us-east-2").connect("postgres", Duration.ofSeconds(5));
             var st = c.createStatement()) {
            st.execute("select 1");
            long start = System.nanoTime();
            st.execute("select 1");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a query round trip through the link")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(11));
        }

        assertThat(network.cut("us-east-1", Network.partitionOf("clients"))).containsExactly("clients-to-us-east-1-service");
        assertThat(network.cutLinks()).containsExactly("clients-to-us-east-1-service");
        assertThat(probe(lab.region("us-east-1").clientUrl())).as("a client cut off").isEqualTo(-1);
        assertThat(probe(lab.region("us-east-1").serviceUrl())).as("the service itself runs on").isEqualTo(200);
        await().atMost(PATIENCE).until(() -> lab.status().region("us-east-1").orElseThrow().haproxyServer(), "DOWN"::equals);

        network.cut("us-east-1", Network.partitionOf("regions"));
        assertThatThrownBy(() -> lab.region("us-east-1").dbFrom("us-east-2").connect("postgres", Duration.ofMillis(700)))
                .as("the other region cannot log in: bytes are dropped").isInstanceOf(java.sql.SQLException.class);
        assertThat(lab.region("us-east-1").db().queryValue("postgres", Duration.ofSeconds(5), "select 1"))
                .as("the database itself runs on").isEqualTo("1");

        assertThat(network.heal("us-east-1")).hasSize(5);
        assertThat(network.cutLinks()).isEmpty();

        // a dying region's database: what it sends is dropped, a connection to it still opens
        assertThat(network.dropFromDatabase("us-east-1")).containsExactly("us-east-2-to-us-east-1-db");
        assertThat(network.cutLinks()).containsExactly("us-east-2-to-us-east-1-db");
        assertThatThrownBy(() -> lab.region("us-east-1").dbFrom("us-east-2").connect("postgres", Duration.ofMillis(700)))
                .as("its answers never arrive").isInstanceOf(java.sql.SQLException.class);
        assertThat(network.heal("us-east-1")).containsExactly("us-east-2-to-us-east-1-db");
        assertThat(network.cutLinks()).isEmpty();
        assertThat(lab.region("us-east-1").dbFrom("us-east-2").queryValue("postgres", Duration.ofSeconds(5), "select 1"))
                .isEqualTo("1");
        assertThat(probe(lab.region("us-east-1").clientUrl())).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> lab.haproxy().routesTo().filter("us-east-1"::equals).isPresent());
    }

    private static int probe(URI service) {
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build().send(HttpRequest.newBuilder(
                    service.resolve("/health/ready")).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static HttpResponse<String> postPayment(URI frontDoor, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(frontDoor.resolve("/v1/payments"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"c1\",\"amount\":\"10.00\",\"currency\":\"USD\"}"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private long countOnStandby(String key) throws Exception {
        try (Connection c = lab.region("us-east-2").db().connect("postgres");
             PreparedStatement st = c.prepareStatement("select count(*) from payments where idempotency_key = ?")) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
