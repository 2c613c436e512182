package dev.paymentsdr.infra;

import dev.paymentsdr.infra.blueprints.Artifacts;
import dev.paymentsdr.infra.config.ProjectLayout;
import java.util.Map;

/** Entry point for a CDK CLI that runs the app with {@code java} directly (cdk.json uses {@code ./drctl synth}). */
public final class PaymentsDrApp {
    private PaymentsDrApp() {
    }

    /** Synthesizes the blueprint named by context into CDK_OUTDIR. */
    public static void main(String[] args) {
        Synthesizer.Result result = Synthesizer.synthesize(Map.of(), null, () -> Artifacts.fromProject(ProjectLayout.locate()));
        result.notes().forEach(note -> System.err.println("note: " + note));
    }
}
