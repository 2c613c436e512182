package dev.paymentsdr.infra.config;

/** Aurora engine family of the global database (PostgreSQL by default; MySQL for seed 004). */
public enum DatabaseEngineChoice {
    POSTGRESQL(5433),
    MYSQL(3307);

    // Not the engine's default port (cdk-nag AwsSolutions-RDS11): scanners probing 5432/3306 find nothing.
    private final int port;

    DatabaseEngineChoice(int port) {
        this.port = port;
    }

    /** The listener port used by clusters of this engine. */
    public int port() {
        return port;
    }
}
