package dev.paymentsdr.lab.haproxy;

import java.util.Locale;

/**
 * One backend server as {@code show stat} reports it.
 *
 * @param backend     backend (proxy) name
 * @param server      server name
 * @param status      HAProxy's status text: {@code UP}, {@code UP 1/3} (going down), {@code DOWN},
 *                    {@code DOWN 1/2} (going up), {@code DRAIN}, {@code MAINT}, {@code NOLB}, {@code no check}
 * @param weight      current effective weight
 * @param backup      true for a backup server
 * @param checkStatus last health check result, such as {@code L7OK} or {@code L4CON}
 */
public record ServerStat(String backend, String server, String status, int weight, boolean backup, String checkStatus) {

    /** True when HAProxy would send new requests to this server (up, not drained, not in maintenance). */
    public boolean takesTraffic() {
        String s = status.toUpperCase(Locale.ROOT);
        return (s.startsWith("UP") || s.equals("NO CHECK")) && weight > 0;
    }

    /** True when health checks currently consider the server up (whatever its admin state). */
    public boolean isUp() {
        String s = status.toUpperCase(Locale.ROOT);
        return s.startsWith("UP") || s.equals("DRAIN") || s.equals("NOLB");
    }

    public boolean isDrained() {
        return status.equalsIgnoreCase("DRAIN");
    }

    public boolean isInMaintenance() {
        return status.toUpperCase(Locale.ROOT).startsWith("MAINT");
    }
}
