package dev.paymentsdr.infra.blueprints;

import dev.paymentsdr.infra.config.DrSettings;
import java.util.List;
import software.amazon.awscdk.TagProps;
import software.amazon.awscdk.Tags;
import software.constructs.IConstruct;

/** The cost-allocation tags every blueprint puts on its resources. */
public final class ProjectTags {
    // cfn-lint's resource schema does not know Tags on AWS::CloudWatch::Dashboard yet (E3002), so dashboards stay untagged.
    private static final TagProps PROPS = TagProps.builder().excludeResourceTypes(List.of("AWS::CloudWatch::Dashboard")).build();

    private ProjectTags() {
    }

    /** Tags everything under {@code scope} with project and environment. */
    public static void apply(IConstruct scope, DrSettings settings) {
        Tags.of(scope).add("project", "payments-dr", PROPS);
        Tags.of(scope).add("environment", settings.environmentSuffix(), PROPS);
    }
}
