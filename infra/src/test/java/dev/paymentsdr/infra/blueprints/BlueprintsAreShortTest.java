package dev.paymentsdr.infra.blueprints;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every registered blueprint is a short composition: its compose method fits in 40 lines and it is registered by name. */
class BlueprintsAreShortTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/paymentsdr/infra/blueprints");

    @Test
    void everyBlueprintsComposeMethodIsAtMostFortyLines() throws Exception {
        assertThat(Blueprints.names()).containsExactly("flagship", "seed-000", "seed-001", "seed-002", "seed-003", "seed-004");
        for (String name : Blueprints.names()) {
            String className = Blueprints.named(name).getClass().getSimpleName();
            List<String> lines = Files.readAllLines(SOURCES.resolve(className + ".java"));
            int start = -1;
            int end = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("public List<String> compose(")) {
                    start = i;
                } else if (start >= 0 && end < 0 && lines.get(i).equals("    }")) {
                    end = i;
                }
            }
            assertThat(start).as(className + " has a compose method").isNotNegative();
            assertThat(end - start + 1).as(className + ".compose lines").isBetween(3, 40);
        }
    }

    @Test
    void anUnknownBlueprintNameListsTheKnownOnes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Blueprints.named("seed-9"))
                .hasMessageContaining("unknown blueprint 'seed-9'").hasMessageContaining("seed-000, seed-001, seed-002, seed-003, seed-004");
    }
}
