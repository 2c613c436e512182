package dev.paymentsdr.infra.constructs;

import dev.paymentsdr.infra.nag.Nag;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.EndpointConfiguration;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.RequestValidatorOptions;
import software.amazon.awscdk.services.apigateway.Resource;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The serverless payment API of one region: the payment API handler (Java 21, SnapStart, X-Ray) behind an API
 * Gateway REST API with {@code /payments} (IAM-signed) and {@code /health}, {@code /health/ready} (open, for health
 * checks), with access logs, execution logs and tracing.
 */
public final class PaymentFunctions extends Construct {
    /** The API handler of the aws-runtime module. */
    public static final String API_HANDLER = "dev.paymentsdr.aws.lambda.PaymentApiHandler::handleRequest";
    /** The stage name in the invoke URL. */
    public static final String STAGE = "prod";

    private final Function function;
    private final Alias alias;
    private final RestApi api;

    /** Creates function, alias and REST API from {@code props}. */
    public PaymentFunctions(Construct scope, String id, LambdaSettings props) {
        super(scope, id);
        function = javaFunction(this, "Api", API_HANDLER, "payment API and health endpoints", props, Duration.seconds(30));
        alias = Alias.Builder.create(this, "Live").aliasName("live").version(function.getCurrentVersion()).build();

        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(RetentionDays.ONE_YEAR)
                .encryptionKey(props.key())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        api = RestApi.Builder.create(this, "RestApi")
                .restApiName(props.name())
                .description("payments-dr payment API")
                .endpointConfiguration(EndpointConfiguration.builder().types(List.of(EndpointType.REGIONAL)).build())
                .cloudWatchRole(true)
                .cloudWatchRoleRemovalPolicy(RemovalPolicy.DESTROY)
                .deployOptions(StageOptions.builder()
                        .stageName(STAGE)
                        .tracingEnabled(true)
                        .metricsEnabled(true)
                        .loggingLevel(MethodLoggingLevel.INFO)
                        .dataTraceEnabled(false)
                        .accessLogDestination(new LogGroupLogDestination(accessLogs))
                        .accessLogFormat(AccessLogFormat.jsonWithStandardFields())
                        .build())
                .build();
        api.addRequestValidator("Validator", RequestValidatorOptions.builder()
                .validateRequestBody(true).validateRequestParameters(true).build());
        LambdaIntegration integration = LambdaIntegration.Builder.create(alias).build();
        MethodOptions signed = MethodOptions.builder().authorizationType(AuthorizationType.IAM).build();
        Resource payments = api.getRoot().addResource("payments");
        payments.addMethod("POST", integration, signed);
        payments.addResource("{paymentId}").addMethod("GET", integration, signed);
        Resource health = api.getRoot().addResource("health");
        health.addMethod("GET", integration);
        health.addResource("ready").addMethod("GET", integration);

        Nag.suppress(api, List.of("AwsSolutions-APIG4", "AwsSolutions-COG4"),
                "/payments requires IAM (SigV4) authorization for machine callers; /health and /health/ready stay open because Route 53 health checkers cannot sign requests.");
        Nag.suppress(api, "PCI.DSS.321-APIGWCacheEnabledAndEncrypted",
                "Responses are not cached: payment writes are idempotent by key in the ledger and /health/ready must reflect the database role live.");
        Nag.suppress(api, "PCI.DSS.321-APIGWSSLEnabled",
                "The only backend is a Lambda proxy integration inside AWS; there is no HTTP backend to present a client certificate to.");
        Nag.suppress(api, "AwsSolutions-IAM4",
                "API Gateway's account-level CloudWatch role uses the AWS managed AmazonAPIGatewayPushToCloudWatchLogs policy, as documented by API Gateway.");
    }

    /** Creates a VPC-attached Java 21 function with SnapStart, tracing and a KMS-encrypted log group. */
    static Function javaFunction(Construct scope, String id, String handler, String description, LambdaSettings props, Duration timeout) {
        LogGroup logs = LogGroup.Builder.create(scope, id + "Logs")
                .retention(RetentionDays.ONE_YEAR)
                .encryptionKey(props.key())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Function function = Function.Builder.create(scope, id + "Function")
                .description(description)
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.X86_64)
                .handler(handler)
                .code(props.code())
                .memorySize(2048)
                .timeout(timeout)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .tracing(Tracing.ACTIVE)
                .environment(props.environment())
                .environmentEncryption(props.key())
                .vpc(props.vpc())
                .vpcSubnets(props.subnets())
                .securityGroups(List.of(props.securityGroup()))
                .logGroup(logs)
                .build();
        Nag.suppress(function, "AwsSolutions-L1",
                "Java 21 is the runtime the payment handlers are built and tested for and supports SnapStart; moving to a newer Java is a separate upgrade.");
        Nag.suppress(function, "AwsSolutions-IAM4",
                "AWSLambdaBasicExecutionRole and AWSLambdaVPCAccessExecutionRole are the minimal AWS managed policies for a VPC-attached function's logs and ENIs.");
        Nag.suppress(function, "AwsSolutions-IAM5",
                "Wildcards come from CDK grants scoped to this stack's resources (KMS GenerateDataKey*, X-Ray trace segments, which have no resource ARN).");
        // Every caller invokes a published alias, which is what SnapStart snapshots.
        software.amazon.awscdk.Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "invoked through the 'live' alias of a published version");
        return function;
    }

    /** The API function. */
    public Function function() {
        return function;
    }

    /** The published alias the API invokes (SnapStart applies to published versions). */
    public Alias alias() {
        return alias;
    }

    /** The REST API. */
    public RestApi api() {
        return api;
    }

    /** Host name of the REST API's regional endpoint. */
    public String apiHost() {
        return api.getRestApiId() + ".execute-api." + software.amazon.awscdk.Stack.of(this).getRegion() + "."
                + software.amazon.awscdk.Stack.of(this).getUrlSuffix();
    }

    /** Lambda errors (sum per minute). */
    public Metric errors() {
        return function.metricErrors(MetricOptions.builder().period(Duration.minutes(1)).statistic("Sum").build());
    }

    /** Lambda throttles (sum per minute). */
    public Metric throttles() {
        return function.metricThrottles(MetricOptions.builder().period(Duration.minutes(1)).statistic("Sum").build());
    }

    /** API latency, p99 over 5 minutes. */
    public Metric latencyP99() {
        return api.metricLatency(MetricOptions.builder().period(Duration.minutes(5)).statistic("p99").build());
    }

    /** What every payment-dr function of a region shares: code, network, key and environment. */
    public record LambdaSettings(String name, Code code, Vpc vpc, SubnetSelection subnets, SecurityGroup securityGroup,
                                 IKey key, Map<String, String> environment) {
    }
}
