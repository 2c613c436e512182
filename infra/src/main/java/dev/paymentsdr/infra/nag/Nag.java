package dev.paymentsdr.infra.nag;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.PCIDSS321Checks;
import java.util.List;
import software.amazon.awscdk.Aspects;
import software.constructs.IConstruct;

/** Applies the cdk-nag rule packs and records suppressions, each with a rule id and a design-specific reason. */
public final class Nag {
    private Nag() {
    }

    /** Adds AwsSolutions and PCI DSS 3.2.1 checks to every stack under {@code scope}. */
    public static void applyChecks(IConstruct scope) {
        Aspects.of(scope).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
        Aspects.of(scope).add(PCIDSS321Checks.Builder.create().verbose(true).build());
    }

    /** Suppresses {@code ruleId} on {@code resource} and its children, with the reason shown in the nag report. */
    public static void suppress(IConstruct resource, String ruleId, String reason) {
        NagSuppressions.addResourceSuppressions(resource,
                List.of(NagPackSuppression.builder().id(ruleId).reason(reason).build()), true);
    }

    /** Suppresses several rules that share one reason. */
    public static void suppress(IConstruct resource, List<String> ruleIds, String reason) {
        NagSuppressions.addResourceSuppressions(resource, ruleIds.stream()
                .map(id -> NagPackSuppression.builder().id(id).reason(reason).build()).toList(), true);
    }
}
