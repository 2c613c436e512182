package dev.paymentsdr.failover.application;

import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.domain.model.ReplicationLag;
import dev.paymentsdr.failover.port.out.Capacity;
import dev.paymentsdr.failover.port.out.DatabaseControl;
import dev.paymentsdr.failover.port.out.Notifier;
import dev.paymentsdr.failover.port.out.PaymentProbe;
import dev.paymentsdr.failover.port.out.Traffic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Two regions held in memory for the pure domain's tests: it behaves like the lab (a promoted standby
 * becomes primary, a fenced primary refuses writes) and counts what really changed.
 */
final class InMemoryWorld implements DatabaseControl, Traffic, Capacity, PaymentProbe, Notifier {
    static final RegionId EAST_1 = RegionId.of("us-east-1");
    static final RegionId EAST_2 = RegionId.of("us-east-2");

    final Map<RegionId, DatabaseRole> roles = new LinkedHashMap<>();
    final Set<RegionId> servicesUp = new HashSet<>();
    final Set<RegionId> blocked = new HashSet<>();
    RegionId active = EAST_1;
    Optional<ReplicationLag> lag = Optional.of(ReplicationLag.none(true, true));
    final Map<String, Integer> calls = new HashMap<>();
    int promotions;
    int fences;
    int rejoins;
    final Set<String> payments = new HashSet<>();
    final List<Notification> notifications = new ArrayList<>();
    Runnable onPromote = () -> { };

    InMemoryWorld() {
        roles.put(EAST_1, DatabaseRole.PRIMARY);
        roles.put(EAST_2, DatabaseRole.STANDBY);
        servicesUp.add(EAST_1);
        servicesUp.add(EAST_2);
    }

    /** The active region died: database and service gone. */
    InMemoryWorld regionOutage(RegionId region) {
        roles.put(region, DatabaseRole.UNREACHABLE);
        servicesUp.remove(region);
        return this;
    }

    private void count(String call) {
        calls.merge(call, 1, Integer::sum);
    }

    int calls(String call) {
        return calls.getOrDefault(call, 0);
    }

    @Override
    public DatabaseRole role(RegionId region) {
        return roles.get(region);
    }

    @Override
    public Optional<ReplicationLag> lag(RegionId standby, RegionId primary) {
        return roles.get(standby) == DatabaseRole.STANDBY ? lag : Optional.of(ReplicationLag.none(false, false));
    }

    @Override
    public String fence(RegionId region) {
        count("fence");
        if (roles.get(region) == DatabaseRole.PRIMARY) {
            roles.put(region, DatabaseRole.FENCED_PRIMARY);
            fences++;
            return region + " made read-only";
        }
        return region + " is " + roles.get(region) + ": nothing to fence";
    }

    @Override
    public String awaitCaughtUp(RegionId standby, RegionId primary, Duration timeout) {
        count("catchUp");
        if (lag.isEmpty() || lag.get().bytes() > 0) {
            throw new IllegalStateException(standby + " did not catch up within " + timeout);
        }
        return standby + " caught up";
    }

    @Override
    public String promote(RegionId standby, dev.paymentsdr.failover.domain.model.Promotion promotion) {
        count("promote");
        onPromote.run();
        if (roles.get(standby) == DatabaseRole.PRIMARY) {
            return standby + " is already primary";
        }
        if (roles.get(standby) != DatabaseRole.STANDBY) {
            throw new IllegalStateException(standby + " is " + roles.get(standby) + ", not a standby");
        }
        roles.put(standby, DatabaseRole.PRIMARY);
        promotions++;
        return standby + " promoted; running without a synchronous standby";
    }

    @Override
    public String rejoinAsStandby(RegionId region, RegionId primary, Duration timeout) {
        count("rejoin");
        if (roles.get(region) == DatabaseRole.STANDBY) {
            return region + " already streams from " + primary;
        }
        roles.put(region, DatabaseRole.STANDBY);
        rejoins++;
        return region + " rejoined as a standby of " + primary;
    }

    @Override
    public List<RegionId> regions() {
        return List.copyOf(roles.keySet());
    }

    @Override
    public Optional<RegionId> activeRegion() {
        return Optional.ofNullable(active);
    }

    @Override
    public String block(RegionId region) {
        count("block");
        blocked.add(region);
        return region + " in maintenance";
    }

    @Override
    public String routeTo(RegionId target, RegionId previous) {
        count("route");
        blocked.add(previous);
        blocked.remove(target);
        active = target;
        return "traffic to " + target;
    }

    @Override
    public boolean isReady(RegionId region) {
        return servicesUp.contains(region) && roles.get(region) == DatabaseRole.PRIMARY;
    }

    @Override
    public String ensureRunning(RegionId region, Duration timeout) {
        count("ensureRunning");
        servicesUp.add(region);
        return region + " service running";
    }

    @Override
    public String ensureReady(RegionId region, Duration timeout) {
        count("ensureReady");
        servicesUp.add(region);
        if (!isReady(region)) {
            throw new IllegalStateException(region + " is not ready");
        }
        return region + " ready";
    }

    @Override
    public String roundTrip(String idempotencyKey, Duration timeout) {
        count("probe");
        if (active == null || blocked.contains(active) || !isReady(active)) {
            throw new IllegalStateException("no region takes payments");
        }
        payments.add(idempotencyKey);
        return "payment accepted by " + active;
    }

    @Override
    public void notify(Notification notification) {
        notifications.add(notification);
    }
}
