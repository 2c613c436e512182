package dev.paymentsdr.lab.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ScenarioTest {
    @Test
    void implementedScenariosParseByTheirLabel() {
        assertThat(Scenario.parse("region-outage")).isEqualTo(Scenario.REGION_OUTAGE);
        assertThat(Scenario.parse("planned-switchover")).isEqualTo(Scenario.PLANNED_SWITCHOVER);
    }

    @Test
    void aScenarioNotImplementedYetIsRejectedWithTheImplementedOnes() {
        assertThatThrownBy(() -> Scenario.parse("orchestrator-crash"))
                .hasMessageContaining("not implemented yet").hasMessageContaining("region-outage, planned-switchover");
    }

    @Test
    void anUnknownScenarioIsRejectedWithTheImplementedOnes() {
        assertThatThrownBy(() -> Scenario.parse("meteor")).hasMessageStartingWith("unknown scenario 'meteor'")
                .hasMessageContaining("region-outage");
    }

    @Test
    void theDrillCommandRejectsBadOptionsAsUsageErrorsBeforeStartingAnything() {
        for (String[] args : new String[][] {{"--scenario", "orchestrator-crash"}, {"--scenario", "region-outage", "--rate", "0"},
                {"--scenario", "region-outage", "--replication", "semi"}, {"--scenario", "region-outage", "--report", "r.txt"},
                {"--scenario", "region-outage", "--warmup", "soon"}}) {
            CommandLine cli = new CommandLine(new DrillCommand());
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err));
            assertThat(cli.execute(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString()).as(String.join(" ", args)).containsAnyOf("implemented", "rate must be",
                    "replication must be", ".html", "duration");
        }
    }
}
