package dev.paymentsdr.aws.lambda.failover.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.aws.failover.AwsFailoverException;
import dev.paymentsdr.aws.failover.capacity.HttpReadiness;
import dev.paymentsdr.aws.failover.capacity.HttpReadiness.Answer;
import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.out.DatabaseControl;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * A region's API and database, asked from outside: the API's liveness ({@code /health}) must answer 200; the
 * database counts as reachable when the region's service reports a role from its own connection (its deep
 * readiness answers {@code primary} or {@code standby}; a standby answers 503 and still reached its database) and
 * Aurora reports the region's cluster usable.
 */
final class RegionChecks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CONNECTED = Set.of("primary", "standby");

    private final HttpReadiness http;
    private final DatabaseControl databases;

    RegionChecks(HttpReadiness http, DatabaseControl databases) {
        this.http = http;
        this.databases = databases;
    }

    String api(RegionId region, URI readinessUrl) {
        URI liveness = liveness(readinessUrl);
        Answer answer = http.answer(liveness);
        if (answer.status() != 200) {
            throw new AwsFailoverException(region + " API at " + liveness + " answered "
                    + (answer.status() < 0 ? "nothing within " + HttpReadiness.PROBE_TIMEOUT.toMillis() + " ms" : "HTTP " + answer.status()));
        }
        return region + " API at " + liveness + " answered 200";
    }

    String database(RegionId region, java.util.Optional<URI> readinessUrl) {
        if (readinessUrl.isEmpty()) {
            DatabaseRole aurora = databases.role(region);
            if (aurora == DatabaseRole.UNREACHABLE) {
                throw new AwsFailoverException("Aurora reports " + region + "'s cluster as not available");
            }
            return region + " has no payment endpoint; Aurora reports its database as "
                    + aurora.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        return database(region, readinessUrl.get());
    }

    private String database(RegionId region, URI readinessUrl) {
        Answer answer = http.answer(readinessUrl);
        String role = "";
        try {
            JsonNode body = JSON.readTree(answer.body().isEmpty() ? "{}" : answer.body());
            role = body.path("role").asText("").toLowerCase(Locale.ROOT);
        } catch (java.io.IOException e) {
            // not the service's JSON: judged by the missing role below
        }
        if (!CONNECTED.contains(role)) {
            throw new AwsFailoverException(region + " service did not report a database role at " + readinessUrl + " ("
                    + (answer.status() < 0 ? "no answer" : "HTTP " + answer.status() + (role.isEmpty() ? "" : ", role " + role))
                    + "): it cannot reach its database");
        }
        DatabaseRole aurora = databases.role(region);
        if (aurora == DatabaseRole.UNREACHABLE) {
            throw new AwsFailoverException(region + " service reached its database as " + role + ", but Aurora reports the"
                    + " region's cluster as not available");
        }
        return region + " service reached its database (role " + role + "); Aurora reports "
                + aurora.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** {@code .../health/ready} becomes {@code .../health}; another URL is asked as it is. */
    static URI liveness(URI readinessUrl) {
        String path = readinessUrl.getPath() == null ? "" : readinessUrl.getPath();
        return path.endsWith("/ready") ? readinessUrl.resolve(path.substring(0, path.length() - "/ready".length())) : readinessUrl;
    }
}
