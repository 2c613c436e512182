package dev.paymentsdr.lab.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ScenarioTest {
    @Test
    void everyScenarioOfTheIssueParsesByItsLabel() {
        assertThat(Scenario.labels()).containsExactly("region-outage", "planned-switchover", "service-crash", "db-crash",
                "db-hang", "region-hang", "replication-lag", "orchestrator-crash", "failback", "network-partition",
                "failback-after-outage");
        for (Scenario s : Scenario.values()) {
            assertThat(Scenario.parse(s.label())).isEqualTo(s);
        }
    }

    @Test
    void anUnknownScenarioIsRejectedWithTheImplementedOnes() {
        assertThatThrownBy(() -> Scenario.parse("meteor")).hasMessageStartingWith("unknown scenario 'meteor'")
                .hasMessageContaining("implemented scenarios: region-outage, planned-switchover");
    }

    @Test
    void theDrillCommandRejectsBadOptionsAsUsageErrorsBeforeStartingAnything() {
        for (String[] args : new String[][] {{"--scenario", "meteor"}, {"--scenario", "region-outage", "--rate", "0"},
                {"--scenario", "region-outage", "--replication", "semi"}, {"--scenario", "region-outage", "--report", "r.txt"},
                {"--scenario", "region-outage", "--warmup", "soon"}, {"--scenario", "region-outage", "--clients", "99"},
                {"--scenario", "region-outage", "--standby-region", "mars-north-1"}, {"--scenario", "region-outage", "--json", "d.txt"}}) {
            CommandLine cli = new CommandLine(new DrillCommand());
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err));
            assertThat(cli.execute(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString()).as(String.join(" ", args)).containsAnyOf("implemented", "rate must be",
                    "replication must be", ".html", ".json", "duration", "closed-loop clients must be 0..64", "--link-latency");
        }
    }
}
