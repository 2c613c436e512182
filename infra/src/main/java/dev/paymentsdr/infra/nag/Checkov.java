package dev.paymentsdr.infra.nag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.constructs.IConstruct;

/**
 * Records checkov skips in the template, as checkov reads them: resource {@code Metadata: {checkov: {skip: [{id,
 * comment}]}}}. Each skip names the check and a reason specific to this design; checks that can be met are met.
 */
public final class Checkov {
    private Checkov() {
    }

    /** Skips {@code checkId} on {@code resource} (an L1 resource, or the default resource of an L2 construct). */
    public static void skip(IConstruct resource, String checkId, String reason) {
        CfnResource cfn = resource instanceof CfnResource r ? r : (CfnResource) resource.getNode().getDefaultChild();
        if (cfn == null) {
            throw new IllegalArgumentException(resource.getNode().getPath() + " has no CloudFormation resource to skip " + checkId + " on");
        }
        add(cfn, checkId, reason);
    }

    /** Skips {@code checkId} on every resource of {@code cfnType} (e.g. AWS::Lambda::Function) under {@code scope}. */
    public static void skipAll(IConstruct scope, String cfnType, String checkId, String reason) {
        for (IConstruct child : scope.getNode().findAll()) {
            if (child instanceof CfnResource cfn && cfnType.equals(cfn.getCfnResourceType())) {
                add(cfn, checkId, reason);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void add(CfnResource cfn, String checkId, String reason) {
        Object existing = cfn.getMetadata("checkov");
        Map<String, Object> checkov = existing instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
        List<Object> skips = new ArrayList<>((List<Object>) checkov.getOrDefault("skip", List.of()));
        boolean present = skips.stream().anyMatch(s -> s instanceof Map<?, ?> map && checkId.equals(map.get("id")));
        if (!present) {
            skips.add(Map.of("id", checkId, "comment", reason));
        }
        checkov.put("skip", skips);
        cfn.addMetadata("checkov", checkov);
    }
}
