package dev.paymentsdr.lab.failover;

import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.domain.model.ReplicationLag;
import dev.paymentsdr.failover.port.out.DatabaseControl;
import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.LabRegion;
import dev.paymentsdr.lab.RegionRole;
import dev.paymentsdr.lab.ReplicationMode;
import dev.paymentsdr.localpg.Poll;
import dev.paymentsdr.localpg.PostgresServer;
import dev.paymentsdr.localpg.replication.CatchUp;
import dev.paymentsdr.localpg.replication.Fencing;
import dev.paymentsdr.localpg.replication.Promotion;
import dev.paymentsdr.localpg.replication.Replication;
import dev.paymentsdr.localpg.replication.ServerRole;
import dev.paymentsdr.localpg.replication.StandbyLag;
import dev.paymentsdr.localpg.replication.StandbyRejoin;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The database port on the lab's PostgreSQL pair: maps regions to servers and hands each job to the
 * replication operations of localpg, then records the lab's new roles. Every question has a deadline.
 */
public final class LabDatabaseControl implements DatabaseControl {
    /** The limit of one question to a database (a healthy one answers in milliseconds). */
    public static final Duration QUESTION_TIMEOUT = Duration.ofMillis(700);
    private static final Duration FENCE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PROMOTE_TIMEOUT = Duration.ofSeconds(30);

    private final RegionDatabases regions;
    private final Replication replication;
    private final Poll poll;

    public LabDatabaseControl(Lab lab) {
        this(lab, Clock.systemUTC(), Poll.system(Duration.ofMillis(100)));
    }

    LabDatabaseControl(Lab lab, Clock clock, Poll poll) {
        this.regions = new RegionDatabases(lab, clock);
        this.replication = new Replication(QUESTION_TIMEOUT);
        this.poll = poll;
    }

    @Override
    public DatabaseRole role(RegionId region) {
        if (regions.recentlySilent(region)) {
            return DatabaseRole.UNREACHABLE;
        }
        ServerRole role = replication.role(regions.server(region));
        regions.answered(region, role != ServerRole.UNREACHABLE);
        return switch (role) {
            case PRIMARY -> DatabaseRole.PRIMARY;
            case READ_ONLY_PRIMARY -> DatabaseRole.FENCED_PRIMARY;
            case STANDBY -> DatabaseRole.STANDBY;
            case UNREACHABLE -> DatabaseRole.UNREACHABLE;
        };
    }

    /** Taken as unreachable for a few seconds without asking (a frozen server would hold each question 0.7 s). */
    @Override
    public void presumeUnreachable(RegionId region) {
        regions.presumeSilent(region);
    }

    /**
     * Measured at the primary when it answers; when it answers but does not list the standby, the standby is not
     * following it and its lag cannot be known; only with the primary unreachable does the standby's own view count.
     */
    @Override
    public Optional<ReplicationLag> lag(RegionId standby, RegionId primary) {
        DatabaseRole primaryRole = role(primary);
        if (primaryRole == DatabaseRole.PRIMARY || primaryRole == DatabaseRole.FENCED_PRIMARY) {
            return replication.lagSeenByPrimary(regions.server(primary), regions.replicationName(standby)).map(this::lag);
        }
        if (primaryRole == DatabaseRole.STANDBY) {
            return Optional.empty();
        }
        return replication.lagSeenByStandby(regions.server(standby)).map(this::lag);
    }

    private ReplicationLag lag(StandbyLag lag) {
        return new ReplicationLag(lag.delay(), lag.bytes(), lag.synchronous(), lag.measuredAtPrimary());
    }

    @Override
    public String fence(RegionId region) {
        PostgresServer db = regions.server(region);
        Fencing fencing = new Fencing(replication, poll);
        return switch (role(region)) {
            case STANDBY -> region + " database is a standby: nothing to fence";
            case FENCED_PRIMARY -> {
                fencing.endClientSessions(db, FENCE_TIMEOUT);
                yield region + " database was already read-only";
            }
            case PRIMARY -> region + " database " + fencing.makeReadOnly(db, FENCE_TIMEOUT);
            case UNREACHABLE -> {
                String done = fencing.stopUnreachable(db);
                regions.recordRole(region, RegionRole.STANDBY);
                yield region + " database unreachable: " + done;
            }
        };
    }

    @Override
    public String awaitCaughtUp(RegionId standby, RegionId primary, Duration timeout) {
        return new CatchUp(replication, poll).await(regions.server(standby), regions.server(primary), timeout);
    }

    @Override
    public String promote(RegionId standby, dev.paymentsdr.failover.domain.model.Promotion promotion) {
        LabRegion target = regions.region(standby);
        PostgresServer db = regions.server(standby);
        // The configuration file of a promoted standby names no synchronous standby: it commits on its own.
        db.configure(target.databaseSettings(RegionRole.STANDBY));
        String done = standby + " " + new Promotion(replication).promote(db, PROMOTE_TIMEOUT);
        regions.recordPrimary(standby);
        boolean sync = regions.lab().state().replication() == ReplicationMode.SYNC;
        return done + (sync ? "; running without a synchronous standby until the old primary rejoins" : "");
    }

    @Override
    public String rejoinAsStandby(RegionId region, RegionId primary, Duration timeout) {
        regions.recordRole(region, RegionRole.STANDBY);
        String how = new StandbyRejoin(replication, poll).rejoin(regions.server(region), regions.server(primary),
                regions.asStandbyOf(region, primary), timeout);
        restoreSynchronousStandby(primary, region);
        return region + " " + how + " as a standby" + syncNote(primary, region);
    }

    /** In sync mode, once a standby streams again, the primary waits for it again: RPO 0 is back. */
    private void restoreSynchronousStandby(RegionId primary, RegionId standby) {
        if (regions.lab().state().replication() != ReplicationMode.SYNC) {
            return;
        }
        LabRegion leader = regions.region(primary);
        PostgresServer db = regions.server(primary);
        db.configure(leader.databaseSettings(RegionRole.PRIMARY));
        db.execute("postgres", FENCE_TIMEOUT, "select pg_reload_conf()");
        poll.within(poll.deadline(FENCE_TIMEOUT), () -> replication.syncState(db,
                regions.replicationName(standby)).filter("sync"::equals).isPresent());
    }

    private String syncNote(RegionId primary, RegionId standby) {
        return replication.syncState(regions.server(primary), regions.replicationName(standby))
                .map(state -> " (" + state + ")").orElse("");
    }
}
