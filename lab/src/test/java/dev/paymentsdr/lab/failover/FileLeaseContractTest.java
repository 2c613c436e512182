package dev.paymentsdr.lab.failover;

import dev.paymentsdr.failover.port.contract.LeaseContract;
import dev.paymentsdr.failover.port.out.Lease;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The lease contract on the lab's locked file. */
class FileLeaseContractTest extends LeaseContract {
    @TempDir
    Path dir;

    @Override
    protected Lease lease() {
        return new FileLease(dir.resolve("lease"), Clock.systemUTC());
    }

    @Override
    protected Lease sameLeaseFromAnotherProcess() {
        return new FileLease(dir.resolve("lease"), Clock.systemUTC());
    }
}
