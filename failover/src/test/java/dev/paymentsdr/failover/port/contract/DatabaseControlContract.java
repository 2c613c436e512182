package dev.paymentsdr.failover.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.Promotion;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.out.DatabaseControl;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DatabaseControl} adapter promises, PostgreSQL or Aurora: roles as the databases report
 * them, a measured lag for a streaming standby, and a planned switchover (fence, catch up, promote,
 * rejoin) whose every call is harmless when repeated. Subclasses start each test from a writable
 * primary and a streaming standby.
 */
public abstract class DatabaseControlContract {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    protected abstract DatabaseControl database();

    /** The region whose database is the writable primary when a test starts. */
    protected abstract RegionId primary();

    /** The region whose database is its streaming standby when a test starts. */
    protected abstract RegionId standby();

    @Test
    void givenAHealthyPair_thenEachDatabaseReportsItsRole_andTheStandbysLagIsMeasured() {
        assertThat(database().role(primary())).isEqualTo(DatabaseRole.PRIMARY);
        assertThat(database().role(standby())).isEqualTo(DatabaseRole.STANDBY);
        assertThat(database().lag(standby(), primary())).isPresent();
    }

    @Test
    void givenAStandby_whenFenced_thenNothingChanges() {
        database().fence(standby());

        assertThat(database().role(standby())).isEqualTo(DatabaseRole.STANDBY);
        assertThat(database().role(primary())).isEqualTo(DatabaseRole.PRIMARY);
    }

    @Test
    void givenAHealthyPair_whenSwitchedOverTwice_thenRolesSwapOnce_andTheOldPrimaryRejoinsAsAStandby() {
        Promotion planned = Promotion.of(FailoverMode.PLANNED);
        database().fence(primary());
        database().awaitCaughtUp(standby(), primary(), TIMEOUT);
        database().promote(standby(), planned);

        String again = database().promote(standby(), planned);
        database().rejoinAsStandby(primary(), standby(), TIMEOUT);
        database().rejoinAsStandby(primary(), standby(), TIMEOUT);

        assertThat(again).isNotBlank();
        assertThat(database().role(standby())).isEqualTo(DatabaseRole.PRIMARY);
        assertThat(database().role(primary())).isEqualTo(DatabaseRole.STANDBY);
    }
}
