package dev.paymentsdr.infra.contract;

import dev.paymentsdr.aws.lambda.RuntimeSettings;
import dev.paymentsdr.contract.Component;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/**
 * The configuration contract seen from the stacks: every container and Java function environment of a synthesized
 * app goes through the runtime's own parser for its component (a function's component is its handler's), and every
 * failover function must find each resource it needs in its environment and the stacks' outputs.
 */
public final class RuntimeEnvironments {
    /** What a container or function would start with, and its component. */
    public record Checked(String where, Component component, Map<String, String> environment) {
    }

    private final List<Checked> checked = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private RuntimeEnvironments() {
    }

    /** Checks every environment of {@code assembly}. */
    public static RuntimeEnvironments of(CloudAssembly assembly) {
        RuntimeEnvironments all = new RuntimeEnvironments();
        Map<String, Map<String, String>> outputs = new LinkedHashMap<>();
        for (CloudFormationStackArtifact stack : assembly.getStacks()) {
            outputs.put(stack.getStackName(), all.outputs(stack));
        }
        for (CloudFormationStackArtifact stack : assembly.getStacks()) {
            all.check(stack, outputs);
        }
        return all;
    }

    public List<Checked> checked() {
        return checked;
    }

    /** One line per environment a runtime would refuse, naming the stack, the resource and the runtime's message. */
    public List<String> problems() {
        return problems;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resources(CloudFormationStackArtifact stack) {
        Map<String, Object> template = (Map<String, Object>) stack.getTemplate();
        return (Map<String, Object>) template.getOrDefault("Resources", Map.of());
    }

    private static String region(CloudFormationStackArtifact stack) {
        String region = stack.getEnvironment().getRegion();
        return region == null || region.startsWith("unknown") ? "us-east-1" : region;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> outputs(CloudFormationStackArtifact stack) {
        TemplateValues values = new TemplateValues(resources(stack), region(stack));
        Map<String, Object> declared = (Map<String, Object>) ((Map<String, Object>) stack.getTemplate()).getOrDefault("Outputs", Map.of());
        Map<String, String> resolved = new LinkedHashMap<>();
        declared.forEach((key, output) -> resolved.put(key, values.resolve(((Map<String, Object>) output).get("Value"))));
        return resolved;
    }

    @SuppressWarnings("unchecked")
    private void check(CloudFormationStackArtifact stack, Map<String, Map<String, String>> outputs) {
        String region = region(stack);
        TemplateValues values = new TemplateValues(resources(stack), region);
        resources(stack).forEach((id, resource) -> {
            Map<String, Object> r = (Map<String, Object>) resource;
            Map<String, Object> properties = (Map<String, Object>) r.getOrDefault("Properties", Map.of());
            String where = stack.getStackName() + "/" + id;
            if ("AWS::Lambda::Function".equals(r.get("Type")) && String.valueOf(properties.get("Runtime")).startsWith("java")) {
                String handler = String.valueOf(properties.get("Handler"));
                Map<String, String> environment = new LinkedHashMap<>();
                environment.put("AWS_REGION", region);
                Map<String, Object> variables = (Map<String, Object>) ((Map<String, Object>) properties.getOrDefault("Environment",
                        Map.of())).getOrDefault("Variables", Map.of());
                variables.forEach((k, v) -> environment.put(k, values.resolve(v)));
                Component.ofHandler(handler).ifPresentOrElse(component -> run(where + " (" + handler + ")", component, environment,
                        outputs), () -> problems.add(where + ": handler " + handler + " is no component of the runtime contract"));
            }
            if ("AWS::ECS::TaskDefinition".equals(r.get("Type"))) {
                for (Object container : (List<Object>) properties.getOrDefault("ContainerDefinitions", List.of())) {
                    Map<String, Object> c = (Map<String, Object>) container;
                    Map<String, String> environment = new LinkedHashMap<>();
                    for (Object e : (List<Object>) c.getOrDefault("Environment", List.of())) {
                        Map<String, Object> entry = (Map<String, Object>) e;
                        environment.put((String) entry.get("Name"), values.resolve(entry.get("Value")));
                    }
                    for (Object s : (List<Object>) c.getOrDefault("Secrets", List.of())) {
                        // ECS injects the secret's value at start; here it stands as a value of the right kind
                        environment.put((String) ((Map<String, Object>) s).get("Name"), "from-the-secret");
                    }
                    run(where + " container " + c.get("Name"), Component.PAYMENT_SERVICE, environment, outputs);
                }
            }
        });
    }

    private void run(String where, Component component, Map<String, String> environment, Map<String, Map<String, String>> outputs) {
        checked.add(new Checked(where, component, environment));
        try {
            RuntimeSettings.parse(component, environment);
            if (component == Component.FAILOVER_TRIGGER || component == Component.HEALTH_MONITOR
                    || component == Component.READINESS_TESTER) {
                RuntimeSettings.failoverResources(environment, (r, name) -> outputs.getOrDefault(name, Map.of()));
            }
        } catch (RuntimeException e) {
            problems.add(where + ": " + e.getMessage());
        }
    }
}
