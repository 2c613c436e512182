package dev.paymentsdr.infra.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a synthesized template's values become once deployed, for the runtime's parsers: literal strings stay, and
 * each intrinsic function ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Join}, {@code Fn::Sub}, ...) becomes a value of
 * the shape CloudFormation would give it (a bucket name, a topic ARN, a load balancer's DNS name), so a format the
 * runtime refuses shows up here as it would on the deployed stack.
 */
public final class TemplateValues {
    static final String ACCOUNT = "123456789012";
    private static final Pattern SUB = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Map<String, Object> resources;
    private final String region;

    /** The values of the template whose {@code Resources} these are, deployed in {@code region}. */
    public TemplateValues(Map<String, Object> resources, String region) {
        this.resources = resources;
        this.region = region;
    }

    /** The deployed string value of {@code value}. */
    @SuppressWarnings("unchecked")
    public String resolve(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<String, Object> fn = ((Map<String, Object>) map).entrySet().iterator().next();
            Object arg = fn.getValue();
            switch (fn.getKey()) {
                case "Ref":
                    return ref((String) arg);
                case "Fn::GetAtt":
                    List<Object> att = arg instanceof List<?> l ? (List<Object>) l : List.of(((String) arg).split("\\.", 2));
                    return getAtt((String) att.get(0), (String) att.get(1));
                case "Fn::Join":
                    List<Object> join = (List<Object>) arg;
                    List<String> parts = new ArrayList<>();
                    for (Object part : list(join.get(1))) {
                        parts.add(resolve(part));
                    }
                    return String.join((String) join.get(0), parts);
                case "Fn::Sub":
                    String template = arg instanceof List<?> l ? (String) l.get(0) : (String) arg;
                    Matcher m = SUB.matcher(template);
                    StringBuilder out = new StringBuilder();
                    while (m.find()) {
                        String name = m.group(1);
                        m.appendReplacement(out, Matcher.quoteReplacement(name.contains(".")
                                ? getAtt(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1)) : ref(name)));
                    }
                    m.appendTail(out);
                    return out.toString();
                case "Fn::Select":
                    List<Object> select = (List<Object>) arg;
                    List<Object> from = list(select.get(1));
                    int index = Integer.parseInt(resolve(select.get(0)));
                    return index < from.size() ? resolve(from.get(index)) : "sample";
                case "Fn::If":
                    return resolve(((List<Object>) arg).get(1));
                case "Fn::ImportValue":
                    return "imported-" + resolve(arg).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
                default:
                    return "sample";
            }
        }
        return "sample";
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object value) {
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        if (value instanceof Map<?, ?> map && map.containsKey("Fn::Split")) {
            List<Object> split = (List<Object>) map.get("Fn::Split");
            return new ArrayList<>(List.of(resolve(split.get(1)).split(Pattern.quote((String) split.get(0)), -1)));
        }
        if (value instanceof Map<?, ?> map && map.containsKey("Fn::GetAZs")) {
            return List.of(region + "a", region + "b", region + "c");
        }
        return List.of(resolve(value));
    }

    private String ref(String name) {
        switch (name) {
            case "AWS::Region": return region;
            case "AWS::AccountId": return ACCOUNT;
            case "AWS::Partition": return "aws";
            case "AWS::URLSuffix": return "amazonaws.com";
            case "AWS::StackName": return "sample-stack";
            case "AWS::NoValue": return "";
            default: break;
        }
        String type = type(name);
        String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String shortId = id.length() > 20 ? id.substring(0, 20) : id;
        return switch (type) {
            case "AWS::S3::Bucket" -> "sample-bucket-" + shortId;
            case "AWS::DynamoDB::GlobalTable", "AWS::DynamoDB::Table" -> "sample-table-" + shortId;
            case "AWS::SNS::Topic" -> "arn:aws:sns:" + region + ":" + ACCOUNT + ":sample-topic-" + shortId;
            case "AWS::SecretsManager::Secret" -> "arn:aws:secretsmanager:" + region + ":" + ACCOUNT + ":secret:sample-" + shortId + "-AbCdEf";
            case "AWS::SQS::Queue" -> "https://sqs." + region + ".amazonaws.com/" + ACCOUNT + "/sample-queue-" + shortId;
            case "AWS::Route53::HostedZone" -> "Z0SAMPLE" + shortId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
            case "AWS::Route53::HealthCheck" -> "11111111-2222-3333-4444-555555555555";
            case "AWS::ApiGateway::RestApi" -> "abc123def4";
            case "AWS::ApiGateway::Stage" -> "prod";
            case "AWS::KMS::Key" -> "11111111-2222-3333-4444-555555555555";
            case "AWS::ElasticLoadBalancingV2::LoadBalancer" -> "arn:aws:elasticloadbalancing:" + region + ":" + ACCOUNT
                    + ":loadbalancer/app/sample/0123456789abcdef";
            case "" -> "sample-parameter";
            default -> "sample-" + shortId;
        };
    }

    private String getAtt(String logicalId, String attribute) {
        return switch (attribute) {
            case "Endpoint.Address", "ReadEndpoint.Address" -> "sample.cluster-abc123." + region + ".rds.amazonaws.com";
            case "Endpoint.Port" -> "5432";
            case "DNSName" -> "sample-alb-1234567890." + region + ".elb.amazonaws.com";
            case "CanonicalHostedZoneID" -> "Z35SXDOTRQ7X7K";
            case "RegionalDomainName" -> "d-abc123." + "execute-api." + region + ".amazonaws.com";
            case "RegionalHostedZoneId" -> "Z1UJRXOUMOOFQ8";
            case "FunctionUrl" -> "https://abc123.lambda-url." + region + ".on.aws/";
            case "TopicName" -> "sample-topic";
            case "HealthCheckId" -> "11111111-2222-3333-4444-555555555555";
            // Global Accelerator ARNs have no region; both endpoint groups belong to one accelerator's listener
            case "EndpointGroupArn" -> "arn:aws:globalaccelerator::" + ACCOUNT + ":accelerator/0a1b2c3d-0000-1111-2222-333344445555"
                    + "/listener/0a1b2c3d/endpoint-group/" + logicalId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            case "QueueName" -> "sample-queue";
            case "Name" -> "sample-" + logicalId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            default -> attribute.endsWith("Arn") || attribute.equals("Arn")
                    ? "arn:aws:" + service(type(logicalId)) + ":" + region + ":" + ACCOUNT + ":sample-" + logicalId.toLowerCase(Locale.ROOT)
                    : "sample-" + attribute.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        };
    }

    @SuppressWarnings("unchecked")
    private String type(String logicalId) {
        Object resource = resources.get(logicalId);
        return resource instanceof Map<?, ?> r ? String.valueOf(((Map<String, Object>) r).get("Type")) : "";
    }

    private static String service(String type) {
        String[] parts = type.split("::");
        return parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "sample";
    }
}
