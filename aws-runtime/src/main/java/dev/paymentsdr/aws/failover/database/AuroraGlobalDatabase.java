package dev.paymentsdr.aws.failover.database;

import dev.paymentsdr.aws.failover.AwsFailoverException;
import dev.paymentsdr.aws.failover.Waiter;
import dev.paymentsdr.aws.failover.Waiter.Check;
import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.Promotion;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.domain.model.ReplicationLag;
import dev.paymentsdr.failover.port.out.DatabaseControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.GlobalCluster;
import software.amazon.awssdk.services.rds.model.GlobalClusterMember;
import software.amazon.awssdk.services.rds.model.InvalidDbClusterStateException;
import software.amazon.awssdk.services.rds.model.InvalidGlobalClusterStateException;
import software.amazon.awssdk.services.rds.model.RdsException;

/**
 * The database port on an Aurora Global Database. Roles come from DescribeGlobalClusters (the writer
 * member is the primary) and from the region's own RDS API (a region whose API does not answer is
 * unreachable); lag from CloudWatch. A planned promotion is SwitchoverGlobalCluster (Aurora drains, catches
 * up and promotes in that one call: RPO 0); an unplanned one is FailoverGlobalCluster with AllowDataLoss,
 * which the orchestrator reaches only after the lag gate passed; when Aurora refuses it, the target is
 * detached with RemoveFromGlobalCluster and so becomes a standalone writer. Every call checks the global
 * cluster first, so a rerun after a crash waits for the operation it started instead of starting another.
 */
public final class AuroraGlobalDatabase implements DatabaseControl {
    private final Function<RegionId, RdsClient> rds;
    private final CloudWatchReplicationLag lagReader;
    private final String globalClusterId;
    private final Map<RegionId, String> clusterIds;
    private final Waiter waiter;
    private final Duration promoteTimeout;

    public AuroraGlobalDatabase(Function<RegionId, RdsClient> rds, CloudWatchReplicationLag lagReader, String globalClusterId,
                                Map<RegionId, String> clusterIds, Waiter waiter, Duration promoteTimeout) {
        this.rds = rds;
        this.lagReader = lagReader;
        this.globalClusterId = globalClusterId;
        this.clusterIds = Map.copyOf(clusterIds);
        this.waiter = waiter;
        this.promoteTimeout = promoteTimeout;
    }

    @Override
    public DatabaseRole role(RegionId region) {
        Optional<DBCluster> cluster = cluster(region);
        if (cluster.isEmpty() || !isUsable(cluster.get().status())) {
            return DatabaseRole.UNREACHABLE;
        }
        Optional<GlobalCluster> global = describe(region);
        if (global.isEmpty()) {
            return DatabaseRole.UNREACHABLE;
        }
        Optional<GlobalClusterMember> member = member(global.get(), region);
        if (member.isEmpty()) {
            // detached from the global database (the fallback of an unplanned failover): a standalone writer
            return DatabaseRole.PRIMARY;
        }
        if (!Boolean.TRUE.equals(member.get().isWriter())) {
            return DatabaseRole.STANDBY;
        }
        // a writer that a running switchover or failover is demoting takes no more writes
        boolean demoting = global.get().failoverState() != null
                && member.get().dbClusterArn().equals(global.get().failoverState().fromDbClusterArn());
        return demoting ? DatabaseRole.FENCED_PRIMARY : DatabaseRole.PRIMARY;
    }

    private static boolean isUsable(String status) {
        String s = status == null ? "" : status.toLowerCase(Locale.ROOT);
        return s.equals("available") || s.equals("backing-up") || s.equals("modifying") || s.equals("promoting")
                || s.equals("upgrading");
    }

    @Override
    public Optional<ReplicationLag> lag(RegionId standby, RegionId primary) {
        if (role(standby) == DatabaseRole.PRIMARY) {
            return Optional.of(ReplicationLag.none(false, true));
        }
        return lagReader.lag(standby, clusterId(standby));
    }

    @Override
    public String fence(RegionId region) {
        DatabaseRole role = role(region);
        return switch (role) {
            case STANDBY -> region + " database is an Aurora secondary: nothing to fence";
            case FENCED_PRIMARY -> region + " database is being demoted by a running switchover or failover";
            case PRIMARY -> region + " database " + clusterId(region) + " stays the writer until the switchover or failover"
                    + " demotes it to a read-only secondary; its traffic is already blocked";
            case UNREACHABLE -> region + " database does not answer; the managed failover demotes it to a read-only"
                    + " secondary when its region returns";
        };
    }

    @Override
    public String awaitCaughtUp(RegionId standby, RegionId primary, Duration timeout) {
        DatabaseRole role = role(standby);
        if (role != DatabaseRole.STANDBY && role != DatabaseRole.PRIMARY) {
            throw new AwsFailoverException(standby + " database is " + describe(role) + ", not a secondary that can catch up");
        }
        return "satisfied by the managed switchover: SwitchoverGlobalCluster waits until " + standby
                + " has every write of " + primary + " before it promotes (RPO 0)";
    }

    @Override
    public String promote(RegionId standby, Promotion promotion) {
        String arn = arn(standby);
        GlobalCluster global = requireDescribe(standby);
        Optional<GlobalClusterMember> member = member(global, standby);
        if (member.isEmpty()) {
            if (cluster(standby).isPresent()) {
                return standby + " database " + clusterId(standby) + " was already detached and writable (earlier attempt)";
            }
            throw new AwsFailoverException("cannot promote " + standby + ": cluster " + clusterId(standby)
                    + " is not a member of global cluster " + globalClusterId);
        }
        String done;
        if (Boolean.TRUE.equals(member.get().isWriter()) && global.failoverState() == null) {
            return standby + " database " + clusterId(standby) + " was already the writer of " + globalClusterId;
        }
        if (global.failoverState() != null && arn.equals(global.failoverState().toDbClusterArn())) {
            done = "an earlier attempt's " + operation(global) + " to " + standby + " was running";
        } else if (promotion.planned()) {
            call(standby, "SwitchoverGlobalCluster", () -> rds.apply(standby).switchoverGlobalCluster(b -> b
                    .globalClusterIdentifier(globalClusterId).targetDbClusterIdentifier(arn)));
            done = "SwitchoverGlobalCluster moved the writer to " + standby + " (RPO 0)";
        } else if (!promotion.dataLossAllowed()) {
            throw new AwsFailoverException("an unplanned promotion of " + standby + " needs the lag gate's consent");
        } else {
            try {
                rds.apply(standby).failoverGlobalCluster(b -> b.globalClusterIdentifier(globalClusterId)
                        .targetDbClusterIdentifier(arn).allowDataLoss(true));
                done = "FailoverGlobalCluster (AllowDataLoss) moved the writer to " + standby;
            } catch (InvalidGlobalClusterStateException | InvalidDbClusterStateException refused) {
                return detach(standby, arn, refused);
            } catch (SdkException e) {
                throw failed(standby, "FailoverGlobalCluster", e);
            }
        }
        waitForWriter(standby, arn);
        return done + "; " + globalClusterId + " reports " + standby + " as its writer";
    }

    /** The older path: detach the secondary, which makes it a standalone writable cluster. */
    private String detach(RegionId standby, String arn, SdkException refused) {
        call(standby, "RemoveFromGlobalCluster", () -> rds.apply(standby).removeFromGlobalCluster(b -> b
                .globalClusterIdentifier(globalClusterId).dbClusterIdentifier(arn)));
        waiter.until(standby + " database detached from " + globalClusterId + " and writable", promoteTimeout, () -> {
            Optional<GlobalCluster> global = describe(standby);
            boolean member = global.isPresent() && member(global.get(), standby).isPresent();
            Optional<DBCluster> cluster = cluster(standby);
            boolean writable = cluster.isPresent() && "available".equalsIgnoreCase(cluster.get().status());
            return !member && writable ? Check.done(true) : Check.notYet(member ? "still a member" : "cluster "
                    + cluster.map(DBCluster::status).orElse("not answering"));
        });
        return "FailoverGlobalCluster was refused (" + firstLine(refused.getMessage()) + "); " + standby + " database "
                + clusterId(standby) + " was detached with RemoveFromGlobalCluster and is a standalone writer."
                + " The old primary cannot rejoin it by itself: replace it with a new secondary";
    }

    private void waitForWriter(RegionId standby, String arn) {
        waiter.until(globalClusterId + " reporting " + standby + " as its writer", promoteTimeout, () -> {
            Optional<GlobalCluster> global = describe(standby);
            if (global.isEmpty()) {
                return Check.notYet("DescribeGlobalClusters did not answer");
            }
            boolean writer = member(global.get(), standby).map(m -> Boolean.TRUE.equals(m.isWriter())).orElse(false);
            return writer && global.get().failoverState() == null ? Check.done(true)
                    : Check.notYet("status " + global.get().status() + ", writer " + writerArn(global.get()).orElse("none"));
        });
    }

    @Override
    public String rejoinAsStandby(RegionId region, RegionId primary, Duration timeout) {
        return waiter.until(region + " database rejoining " + globalClusterId + " as a connected secondary", timeout, () -> {
            Optional<GlobalCluster> global = describe(primary);
            if (global.isEmpty()) {
                return Check.notYet("DescribeGlobalClusters did not answer");
            }
            Optional<GlobalClusterMember> member = member(global.get(), region);
            if (member.isEmpty()) {
                throw new AwsFailoverException(region + " database " + clusterId(region) + " is not a member of "
                        + globalClusterId + " (detached by an earlier failover): Aurora cannot make it rejoin. Delete it and"
                        + " add a new secondary cluster in " + region + " (for example by deploying the stack again)");
            }
            if (Boolean.TRUE.equals(member.get().isWriter())) {
                return Check.notYet(region + " is still the writer (status " + global.get().status() + ")");
            }
            String sync = member.get().synchronizationStatusAsString();
            if (sync != null && !"connected".equalsIgnoreCase(sync)) {
                return Check.notYet("synchronization " + sync);
            }
            return Check.done(region + " database " + clusterId(region) + " is a read-only secondary of " + globalClusterId
                    + " (synchronization " + (sync == null ? "not reported" : sync) + ")");
        });
    }

    /** Global cluster and member state for status lines and dry runs. */
    public String describeState() {
        Optional<GlobalCluster> global = clusterIds.keySet().stream().map(this::describe).flatMap(Optional::stream).findFirst();
        if (global.isEmpty()) {
            return "global cluster " + globalClusterId + " could not be described";
        }
        List<String> members = new ArrayList<>();
        for (GlobalClusterMember m : global.get().globalClusterMembers()) {
            members.add(m.dbClusterArn() + (Boolean.TRUE.equals(m.isWriter()) ? " (writer)" : " (secondary"
                    + (m.synchronizationStatusAsString() == null ? "" : ", " + m.synchronizationStatusAsString()) + ")"));
        }
        return "global cluster " + globalClusterId + " " + global.get().status()
                + (global.get().failoverState() == null ? "" : ", " + operation(global.get())) + ": " + String.join("; ", members);
    }

    private static String operation(GlobalCluster global) {
        return (Boolean.TRUE.equals(global.failoverState().isDataLossAllowed()) ? "failover" : "switchover") + " ("
                + global.failoverState().statusAsString() + ")";
    }

    private Optional<GlobalClusterMember> member(GlobalCluster global, RegionId region) {
        String arnSuffix = ":cluster:" + clusterId(region).toLowerCase(Locale.ROOT);
        String regionPart = ":" + region.name() + ":";
        return global.globalClusterMembers().stream().filter(m -> {
            String arn = m.dbClusterArn().toLowerCase(Locale.ROOT);
            return arn.endsWith(arnSuffix) && arn.contains(regionPart);
        }).findFirst();
    }

    private static Optional<String> writerArn(GlobalCluster global) {
        return global.globalClusterMembers().stream().filter(m -> Boolean.TRUE.equals(m.isWriter()))
                .map(GlobalClusterMember::dbClusterArn).findFirst();
    }

    /** The global cluster as any answering region sees it, asking {@code preferred} first. */
    private Optional<GlobalCluster> describe(RegionId preferred) {
        List<RegionId> order = new ArrayList<>();
        order.add(preferred);
        clusterIds.keySet().stream().filter(r -> !r.equals(preferred)).sorted(java.util.Comparator.comparing(RegionId::name))
                .forEach(order::add);
        for (RegionId region : order) {
            try {
                List<GlobalCluster> found = rds.apply(region).describeGlobalClusters(b -> b
                        .globalClusterIdentifier(globalClusterId)).globalClusters();
                if (!found.isEmpty()) {
                    return Optional.of(found.get(0));
                }
            } catch (SdkException e) {
                // that region's RDS API does not answer: ask the next
            }
        }
        return Optional.empty();
    }

    private GlobalCluster requireDescribe(RegionId region) {
        return describe(region).orElseThrow(() -> new AwsFailoverException("global cluster " + globalClusterId
                + " could not be described from any region (DescribeGlobalClusters failed or found nothing)"));
    }

    private Optional<DBCluster> cluster(RegionId region) {
        try {
            List<DBCluster> clusters = rds.apply(region).describeDBClusters(b -> b.dbClusterIdentifier(clusterId(region)))
                    .dbClusters();
            return clusters.isEmpty() ? Optional.empty() : Optional.of(clusters.get(0));
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    private String arn(RegionId region) {
        return cluster(region).map(DBCluster::dbClusterArn).orElseThrow(() -> new AwsFailoverException("cluster "
                + clusterId(region) + " in " + region + " could not be described (DescribeDBClusters failed)"));
    }

    private String clusterId(RegionId region) {
        String id = clusterIds.get(region);
        if (id == null) {
            throw new IllegalArgumentException("no Aurora cluster is configured for " + region + "; regions are "
                    + clusterIds.keySet());
        }
        return id;
    }

    private void call(RegionId region, String action, Runnable call) {
        try {
            call.run();
        } catch (SdkException e) {
            throw failed(region, action, e);
        }
    }

    private AwsFailoverException failed(RegionId region, String action, SdkException e) {
        String code = e instanceof RdsException r && r.awsErrorDetails() != null ? r.awsErrorDetails().errorCode() + ": " : "";
        return new AwsFailoverException(action + " of " + globalClusterId + " to " + region + " failed: " + code
                + firstLine(e.getMessage()), e);
    }

    private static String describe(DatabaseRole role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no message";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
