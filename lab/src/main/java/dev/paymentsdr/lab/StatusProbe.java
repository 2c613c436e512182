package dev.paymentsdr.lab;

import dev.paymentsdr.lab.haproxy.HaproxyException;
import dev.paymentsdr.lab.haproxy.ServerStat;
import dev.paymentsdr.localpg.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Reads the live state of every lab component: processes, databases, replication, readiness, routing. */
final class StatusProbe {
    private final Lab lab;

    StatusProbe(Lab lab) {
        this.lab = lab;
    }

    /** One row of a primary's {@code pg_stat_replication}. */
    private record Replica(String state, String syncState, Long lagBytes, Double lagSeconds) {
    }

    /** What one database answered. */
    private record DbFacts(Boolean inRecovery, String syncNames, String walReceiverStatus, Map<String, Replica> replicas) {
        static final DbFacts UNREACHABLE = new DbFacts(null, null, null, Map.of());
    }

    LabStatus probe() {
        List<LabRegion> regions = lab.regions();
        Map<String, DbFacts> facts = new HashMap<>();
        for (LabRegion region : regions) {
            facts.put(region.name(), dbFacts(region.db()));
        }
        Haproxy haproxy = lab.haproxy();
        boolean haproxyRunning = haproxy.isRunning();
        Map<String, String> servers = new HashMap<>();
        if (haproxyRunning) {
            try {
                for (ServerStat stat : haproxy.runtimeApi().showStat(haproxy.backend())) {
                    servers.put(stat.server(), stat.status() + (stat.backup() ? " backup" : ""));
                }
            } catch (HaproxyException e) {
                // HAProxy is starting or stopping: its view of the servers is simply unknown
            }
        }
        List<LabStatus.RegionStatus> statuses = new ArrayList<>();
        for (LabRegion region : regions) {
            DbFacts own = facts.get(region.name());
            Replica replica = null;
            for (DbFacts other : facts.values()) {
                Replica r = other.replicas().get(region.replicationName());
                if (r != null && other != own) {
                    replica = r;
                }
            }
            String replicationState = replica != null ? replica.state()
                    : Boolean.TRUE.equals(own.inRecovery()) ? (own.walReceiverStatus() == null ? "disconnected" : own.walReceiverStatus())
                    : null;
            boolean running = region.isServiceRunning();
            OptionalInt ready = running ? region.readinessStatus() : OptionalInt.empty();
            statuses.add(new LabStatus.RegionStatus(region.name(), region.role().label(), region.db().port(),
                    region.db().isRunning(), own.inRecovery(), replicationState,
                    replica == null ? null : replica.syncState(), replica == null ? null : replica.lagBytes(),
                    replica == null ? null : replica.lagSeconds(), own.syncNames(), region.servicePort(), running,
                    ready.isPresent() ? ready.getAsInt() : null, ready.orElse(-1) == 200, servers.get(region.name())));
        }
        Network network = lab.network();
        boolean networkRunning = network.isRunning();
        LabStatus.NetworkStatus links = new LabStatus.NetworkStatus(networkRunning, network.state().roundTripMs(),
                network.state().latencySource(), network.controlRegion(),
                networkRunning ? network.cutLinks() : List.of());
        return new LabStatus(lab.dir().toString(), lab.state().replication().label(), haproxy.frontDoorUrl().toString(),
                haproxyRunning, haproxy.routesTo().orElse(null), statuses, links);
    }

    private static DbFacts dbFacts(PostgresServer db) {
        if (!db.isRunning()) {
            return DbFacts.UNREACHABLE;
        }
        try (Connection c = db.connect("postgres", java.time.Duration.ofSeconds(2)); Statement st = c.createStatement()) {
            boolean inRecovery;
            String syncNames;
            try (ResultSet rs = st.executeQuery("select pg_is_in_recovery(), current_setting('synchronous_standby_names')")) {
                rs.next();
                inRecovery = rs.getBoolean(1);
                syncNames = rs.getString(2);
            }
            String receiver = null;
            Map<String, Replica> replicas = new HashMap<>();
            if (inRecovery) {
                try (ResultSet rs = st.executeQuery("select status from pg_stat_wal_receiver")) {
                    receiver = rs.next() ? rs.getString(1) : null;
                }
            } else {
                try (ResultSet rs = st.executeQuery("select application_name, state, sync_state,"
                        + " pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint,"
                        + " extract(epoch from replay_lag)::float8 from pg_stat_replication")) {
                    while (rs.next()) {
                        long lagBytes = rs.getLong(4);
                        Long bytes = rs.wasNull() ? null : lagBytes;
                        double lagSeconds = rs.getDouble(5);
                        // replay_lag is null once an idle standby has caught up: that is no lag at all
                        // boxed on both sides: a double branch would unbox the null one (NullPointerException)
                        Double seconds = rs.wasNull() ? (bytes != null && bytes == 0 ? Double.valueOf(0.0) : null)
                                : Double.valueOf(lagSeconds);
                        replicas.put(rs.getString(1), new Replica(rs.getString(2), rs.getString(3), bytes, seconds));
                    }
                }
            }
            return new DbFacts(inRecovery, syncNames, receiver, replicas);
        } catch (SQLException e) {
            return DbFacts.UNREACHABLE;
        }
    }
}
