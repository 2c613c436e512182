package dev.paymentsdr.infra.contract;

import dev.paymentsdr.aws.adapter.dynamodb.LedgerTable;
import dev.paymentsdr.contract.RuntimeVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * The DynamoDB ledger's table seen from both sides: every table a synthesized runtime is given ({@code PAYMENTS_TABLE})
 * must be created by a stack of the app with the key schema, attributes, indexes and stream the runtime's own
 * {@link LedgerTable#definition} declares, or its listing and relay queries would fail on the deployed table.
 */
public final class LedgerTableCheck {
    private LedgerTableCheck() {
    }

    /** One line per table a runtime is given that no stack creates, or that a stack creates otherwise than declared. */
    @SuppressWarnings("unchecked")
    public static List<String> problems(CloudAssembly assembly, List<RuntimeEnvironments.Checked> environments) {
        Set<String> given = new TreeSet<>();
        environments.forEach(c -> {
            String table = c.environment().get(RuntimeVariable.PAYMENTS_TABLE.name());
            if (table != null && !table.isBlank()) {
                given.add(table);
            }
        });
        List<String> problems = new ArrayList<>();
        Set<String> created = new TreeSet<>();
        for (CloudFormationStackArtifact stack : assembly.getStacks()) {
            Map<String, Object> resources = (Map<String, Object>) ((Map<String, Object>) stack.getTemplate()).getOrDefault("Resources", Map.of());
            TemplateValues values = new TemplateValues(resources, "us-east-1");
            resources.forEach((id, resource) -> {
                Map<String, Object> r = (Map<String, Object>) resource;
                if (!"AWS::DynamoDB::GlobalTable".equals(r.get("Type"))) {
                    return;
                }
                Map<String, Object> properties = (Map<String, Object>) r.get("Properties");
                String name = values.resolve(properties.get("TableName"));
                if (given.contains(name)) {
                    created.add(name);
                    compare(stack.getStackName() + "/" + id + " (" + name + ")", properties, LedgerTable.definition(name), problems);
                }
            });
        }
        given.stream().filter(t -> !created.contains(t))
                .forEach(t -> problems.add("the runtime is given table " + t + ", which no stack of the app creates"));
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static void compare(String where, Map<String, Object> properties, CreateTableRequest declared, List<String> problems) {
        Map<String, String> expectedAttributes = new TreeMap<>();
        declared.attributeDefinitions().forEach(a -> expectedAttributes.put(a.attributeName(), a.attributeTypeAsString()));
        Map<String, String> attributes = new TreeMap<>();
        list(properties.get("AttributeDefinitions")).forEach(a -> attributes.put((String) a.get("AttributeName"), (String) a.get("AttributeType")));
        same(where, "attribute definitions", attributes, expectedAttributes, problems);
        same(where, "key schema", keys(properties.get("KeySchema")), declared.keySchema().stream()
                .map(k -> k.attributeName() + " " + k.keyTypeAsString()).toList(), problems);
        Map<String, String> expectedIndexes = new TreeMap<>();
        declared.globalSecondaryIndexes().forEach(i -> expectedIndexes.put(i.indexName(), i.keySchema().stream()
                .map(k -> k.attributeName() + " " + k.keyTypeAsString()).toList() + " projecting " + i.projection().projectionTypeAsString()));
        Map<String, String> indexes = new TreeMap<>();
        list(properties.get("GlobalSecondaryIndexes")).forEach(i -> indexes.put((String) i.get("IndexName"),
                keys(i.get("KeySchema")) + " projecting " + ((Map<String, Object>) i.getOrDefault("Projection", Map.of())).get("ProjectionType")));
        same(where, "global secondary indexes", indexes, expectedIndexes, problems);
        Object stream = ((Map<String, Object>) properties.getOrDefault("StreamSpecification", Map.of())).get("StreamViewType");
        same(where, "stream view type", stream, declared.streamSpecification().streamViewTypeAsString(), problems);
    }

    private static void same(String where, String what, Object actual, Object expected, List<String> problems) {
        if (!expected.equals(actual)) {
            problems.add(where + ": " + what + " are " + actual + ", the runtime declares " + expected);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private static List<String> keys(Object keySchema) {
        return list(keySchema).stream().map(k -> k.get("AttributeName") + " " + k.get("KeyType")).toList();
    }
}
