package dev.paymentsdr.aws.adapter.secrets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * The fields of an RDS-style database secret ({@code username}, {@code password}, {@code engine}, {@code host},
 * {@code port}, {@code dbname}); {@link #toString()} never shows the password.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatabaseSecret(
        @JsonProperty("username") String username,
        @JsonProperty("password") String password,
        @JsonProperty("host") String host,
        @JsonProperty("port") Integer port,
        @JsonProperty("dbname") String dbname,
        @JsonProperty("engine") String engine) {

    /**
     * The JDBC URL the secret points at, when it names a host; Aurora endpoints go through the AWS JDBC Wrapper.
     * A MySQL secret ({@code engine} mysql or aurora-mysql) without a database name means the stacks' "payments".
     */
    public Optional<String> jdbcUrl() {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        boolean mysql = engine != null && engine.toLowerCase(java.util.Locale.ROOT).contains("mysql");
        String database = dbname != null && !dbname.isBlank() ? dbname : mysql ? "payments" : "postgres";
        int resolvedPort = port != null ? port : mysql ? 3306 : 5432;
        return Optional.of("jdbc:aws-wrapper:" + (mysql ? "mysql" : "postgresql") + "://" + host + ":" + resolvedPort
                + "/" + database);
    }

    @Override
    public String toString() {
        return "DatabaseSecret[username=" + username + ", engine=" + engine + ", host=" + host + ", port=" + port + ", dbname=" + dbname
                + ", password=***]";
    }
}
