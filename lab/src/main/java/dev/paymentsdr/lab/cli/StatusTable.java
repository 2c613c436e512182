package dev.paymentsdr.lab.cli;

import dev.paymentsdr.lab.LabStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a {@link LabStatus} as a fixed-width table for people. */
public final class StatusTable {
    private static final String[] HEADER = {"REGION", "ROLE", "DB PORT", "DB", "IN RECOVERY", "REPLICATION", "SYNC",
        "LAG BYTES", "LAG S", "SERVICE PORT", "SERVICE", "READY", "HAPROXY"};

    private StatusTable() {
    }

    public static String render(LabStatus status) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (LabStatus.RegionStatus r : status.regions()) {
            rows.add(new String[] {r.name(), r.role(), Integer.toString(r.dbPort()), r.dbRunning() ? "running" : "stopped",
                text(r.pgIsInRecovery()), text(r.replicationState()), text(r.syncState()), text(r.lagBytes()),
                r.lagSeconds() == null ? "-" : String.format(Locale.ROOT, "%.3f", r.lagSeconds()),
                Integer.toString(r.servicePort()), r.serviceRunning() ? "running" : "stopped",
                r.serviceReadyStatus() == null ? "-" : (r.serviceReady() ? "yes" : "no") + " (" + r.serviceReadyStatus() + ")",
                text(r.haproxyServer())});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("Lab ").append(status.labDir()).append(" (").append(status.replication()).append(" replication)\n");
        out.append("Front door ").append(status.frontDoorUrl()).append(": HAProxy ")
           .append(status.haproxyRunning() ? "running, routes to " + (status.routesTo() == null ? "nobody" : status.routesTo())
                   : "stopped").append("\n");
        LabStatus.NetworkStatus network = status.network();
        out.append("Network links: toxiproxy ").append(network.running() ? "running" : "stopped")
           .append(", region->region round trip ").append(network.roundTripMs()).append(" ms (")
           .append(network.latencySource()).append("), monitor and orchestrator in ").append(network.controlRegion())
           .append(", cut: ").append(network.cutLinks().isEmpty() ? "none" : String.join(", ", network.cutLinks()))
           .append("\n");
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(String.format("%-" + widths[i] + "s", row[i]));
                if (i < row.length - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String text(Object value) {
        return value == null ? "-" : value.toString();
    }
}
