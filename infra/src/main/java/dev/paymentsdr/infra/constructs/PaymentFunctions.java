package dev.paymentsdr.infra.constructs;

import dev.paymentsdr.contract.Handlers;
import dev.paymentsdr.infra.nag.Checkov;
import dev.paymentsdr.infra.nag.Nag;
import dev.paymentsdr.infra.spec.FunctionsSpec.FrontDoor;
import java.util.List;
import java.util.Optional;
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
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionUrl;
import software.amazon.awscdk.services.lambda.FunctionUrlAuthType;
import software.amazon.awscdk.services.lambda.FunctionUrlOptions;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The payment API of one region: the payment API handler (Java 21, SnapStart, X-Ray) with reserved concurrency,
 * reached through a front door: an API Gateway REST API ({@code /payments} IAM-signed, {@code /health} and
 * {@code /health/ready} open for health checkers), function URLs (IAM-signed payments URL, open health URL on a
 * health function of its own) or none; and, for a load balancer, a target function with the ALB handler.
 */
public final class PaymentFunctions extends Construct {
    /** The API handler of the aws-runtime module. */
    public static final String API_HANDLER = Handlers.PAYMENT_API;
    /** The stage name in the invoke URL. */
    public static final String STAGE = "prod";
    /** Reserved executions of the health function: health checkers poll a few times a minute. */
    static final int HEALTH_CONCURRENCY = 10;

    private final Function function;
    private final Alias alias;
    private final RestApi api;
    private final FunctionUrl paymentsUrl;
    private final FunctionUrl healthUrl;
    private final Function healthFunction;
    private final Function loadBalancerFunction;
    private final Alias loadBalancerAlias;

    private PaymentFunctions(Builder b) {
        super(b.scope, b.id);
        // One function has one handler, and each front door sends its own event shape.
        String handler = b.frontDoor == FrontDoor.FUNCTION_URLS ? Handlers.PAYMENT_FUNCTION_URL : API_HANDLER;
        function = javaFunction(this, "Api", b.functionName, handler, "payment API and health endpoints", b.settings,
                Duration.seconds(30), b.reservedConcurrency);
        Checkov.skip(function, "CKV_AWS_116", "Invoked synchronously (API Gateway, function URL, the failover workflow): a failure "
                + "returns to the caller, who retries with the same idempotency key; there is no asynchronous event to dead-letter.");
        alias = Alias.Builder.create(this, "Live").aliasName("live").version(function.getCurrentVersion()).build();
        Alias healthAlias = null;
        if (b.healthFunction || b.frontDoor == FrontDoor.FUNCTION_URLS) {
            // Behind the open health URL only the health paths are served; behind the REST API only /health* reaches it.
            String healthHandler = b.frontDoor == FrontDoor.FUNCTION_URLS ? Handlers.HEALTH_FUNCTION_URL : API_HANDLER;
            healthFunction = javaFunction(this, "Health", b.healthFunctionName, healthHandler, "health endpoint for Route 53 health checks",
                    b.settings, Duration.seconds(10), HEALTH_CONCURRENCY);
            Checkov.skip(healthFunction, "CKV_AWS_116", "Invoked synchronously by health checkers; a failed check is the signal "
                    + "itself, there is nothing to dead-letter.");
            healthAlias = Alias.Builder.create(this, "HealthLive").aliasName("live").version(healthFunction.getCurrentVersion()).build();
        } else {
            healthFunction = null;
        }
        if (b.loadBalancerFunctionName != null) {
            // An ALB sends events of its own shape, so its target is a function of its own with the ALB handler.
            loadBalancerFunction = javaFunction(this, "Entry", b.loadBalancerFunctionName, Handlers.PAYMENT_LOAD_BALANCER,
                    "payment API and health endpoints behind the region's load balancer", b.settings, Duration.seconds(30),
                    b.reservedConcurrency);
            Checkov.skip(loadBalancerFunction, "CKV_AWS_116", "Invoked synchronously by the load balancer: a failure returns to "
                    + "the client, who retries with the same idempotency key; there is no asynchronous event to dead-letter.");
            loadBalancerAlias = Alias.Builder.create(this, "EntryLive").aliasName("live")
                    .version(loadBalancerFunction.getCurrentVersion()).build();
        } else {
            loadBalancerFunction = null;
            loadBalancerAlias = null;
        }
        if (b.frontDoor == FrontDoor.REST_API) {
            api = restApi(b, healthAlias == null ? alias : healthAlias);
            paymentsUrl = null;
            healthUrl = null;
        } else if (b.frontDoor == FrontDoor.FUNCTION_URLS) {
            api = null;
            paymentsUrl = alias.addFunctionUrl(FunctionUrlOptions.builder().authType(FunctionUrlAuthType.AWS_IAM).build());
            healthUrl = healthAlias.addFunctionUrl(FunctionUrlOptions.builder().authType(FunctionUrlAuthType.NONE).build());
            String open = "Route 53 health checkers cannot sign requests; this URL serves only the health function (10 reserved "
                    + "executions), whose handler answers GET /health and /health/ready and 404 to anything else, so it neither "
                    + "takes nor reads payments. The payments URL requires AWS_IAM.";
            Checkov.skip(healthUrl, "CKV_AWS_258", open);
            Nag.suppress(healthAlias, "PCI.DSS.321-LambdaFunctionPublicAccessProhibited", open);
        } else {
            api = null;
            paymentsUrl = null;
            healthUrl = null;
        }
    }

    private RestApi restApi(Builder b, Alias healthTarget) {
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(RetentionDays.ONE_YEAR)
                .encryptionKey(b.settings.key())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        RestApi rest = RestApi.Builder.create(this, "RestApi")
                .restApiName(b.apiName)
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
        rest.addRequestValidator("Validator", RequestValidatorOptions.builder()
                .validateRequestBody(true).validateRequestParameters(true).build());
        LambdaIntegration integration = LambdaIntegration.Builder.create(alias).build();
        MethodOptions signed = MethodOptions.builder().authorizationType(AuthorizationType.IAM).build();
        Resource payments = rest.getRoot().addResource("payments");
        payments.addMethod("POST", integration, signed);
        payments.addResource("{paymentId}").addMethod("GET", integration, signed);
        Resource health = rest.getRoot().addResource("health");
        LambdaIntegration healthIntegration = healthTarget == alias ? integration : LambdaIntegration.Builder.create(healthTarget).build();
        var healthGet = health.addMethod("GET", healthIntegration);
        var readyGet = health.addResource("ready").addMethod("GET", healthIntegration);
        for (var open : List.of(healthGet, readyGet)) {
            Checkov.skip(open, "CKV_AWS_59", "Health endpoint for Route 53 / Global Accelerator health checkers, which cannot sign "
                    + "requests; it answers region readiness only. Every /payments method requires AWS_IAM.");
        }
        Checkov.skip(rest.getDeploymentStage(), "CKV_AWS_120", "Responses are not cached: payment writes are idempotent by key in "
                + "the ledger and /health/ready must reflect the database role live, or failover would follow stale answers.");
        Nag.suppress(rest, List.of("AwsSolutions-APIG4", "AwsSolutions-COG4"),
                "/payments requires IAM (SigV4) authorization for machine callers; /health and /health/ready stay open because Route 53 health checkers cannot sign requests.");
        Nag.suppress(rest, "PCI.DSS.321-APIGWCacheEnabledAndEncrypted",
                "Responses are not cached: payment writes are idempotent by key in the ledger and /health/ready must reflect the database role live.");
        Nag.suppress(rest, "PCI.DSS.321-APIGWSSLEnabled",
                "The only backend is a Lambda proxy integration inside AWS; there is no HTTP backend to present a client certificate to.");
        Nag.suppress(rest, "AwsSolutions-IAM4",
                "API Gateway's account-level CloudWatch role uses the AWS managed AmazonAPIGatewayPushToCloudWatchLogs policy, as documented by API Gateway.");
        return rest;
    }

    /**
     * Creates a Java 21 function with SnapStart, tracing, reserved concurrency and a KMS-encrypted log group, in the
     * VPC when the settings place it there.
     */
    static Function javaFunction(Construct scope, String id, String name, String handler, String description,
                                 FunctionSettings settings, Duration timeout, Number reservedConcurrency) {
        return javaFunction(scope, id, name, handler, description, settings, timeout, reservedConcurrency, true,
                "This design has no VPC: the function reaches only DynamoDB, S3, Secrets Manager and SNS, over TLS with "
                        + "IAM-scoped permissions; there is no private resource to reach and no NAT to pay for.");
    }

    /**
     * The same, choosing SnapStart (off where a snapshot's random state or connections would be shared by every
     * restored environment) and giving the reason the function runs outside a VPC when the settings place it there.
     */
    static Function javaFunction(Construct scope, String id, String name, String handler, String description,
                                 FunctionSettings settings, Duration timeout, Number reservedConcurrency, boolean snapStart,
                                 String outsideVpcReason) {
        LogGroup logs = LogGroup.Builder.create(scope, id + "Logs")
                .retention(settings.logRetention())
                .encryptionKey(settings.key())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Function.Builder builder = Function.Builder.create(scope, id + "Function")
                .functionName(name)
                .description(description)
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.X86_64)
                .handler(handler)
                .code(settings.code())
                .memorySize(2048)
                .timeout(timeout)
                .reservedConcurrentExecutions(reservedConcurrency)
                .tracing(Tracing.ACTIVE)
                .environment(settings.environment())
                .environmentEncryption(settings.key())
                .logGroup(logs);
        if (snapStart) {
            builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        settings.placement().ifPresent(p -> builder.vpc(p.vpc()).vpcSubnets(p.subnets()).securityGroups(List.of(p.securityGroup())));
        Function function = builder.build();
        Nag.suppress(function, "AwsSolutions-L1",
                "Java 21 is the runtime the payment handlers are built and tested for and supports SnapStart; moving to a newer Java is a separate upgrade.");
        Nag.suppress(function, "AwsSolutions-IAM4", settings.placement().isPresent()
                ? "AWSLambdaBasicExecutionRole and AWSLambdaVPCAccessExecutionRole are the minimal AWS managed policies for a VPC-attached function's logs and ENIs."
                : "AWSLambdaBasicExecutionRole is the minimal AWS managed policy for a function's own log stream.");
        Nag.suppress(function, "AwsSolutions-IAM5",
                "Wildcards come from CDK grants scoped to this stack's resources (KMS GenerateDataKey*, X-Ray trace segments, which have no resource ARN).");
        if (settings.placement().isEmpty()) {
            Nag.suppress(function, "PCI.DSS.321-LambdaInsideVPC", outsideVpcReason);
            Checkov.skip(function, "CKV_AWS_117", outsideVpcReason);
        }
        if (snapStart) {
            // Every caller invokes a published alias, which is what SnapStart snapshots.
            software.amazon.awscdk.Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                    "invoked through the 'live' alias of a published version");
        }
        return function;
    }

    /**
     * Serves the REST API under {@code domainName} (regional custom domain, TLS 1.2) with {@code certificate}; the
     * returned domain is what a Route 53 alias record points to.
     */
    public software.amazon.awscdk.services.apigateway.DomainName addCustomDomain(String domainName,
            software.amazon.awscdk.services.certificatemanager.ICertificate certificate) {
        RestApi rest = api().orElseThrow(() -> new IllegalStateException("a custom domain needs the REST API front door"));
        return rest.addDomainName("CustomDomain", software.amazon.awscdk.services.apigateway.DomainNameOptions.builder()
                .domainName(domainName)
                .certificate(certificate)
                .endpointType(EndpointType.REGIONAL)
                .securityPolicy(software.amazon.awscdk.services.apigateway.SecurityPolicy.TLS_1_2)
                .build());
    }

    /** The payment function. */
    public Function function() {
        return function;
    }

    /** The published alias callers invoke (SnapStart applies to published versions). */
    public Alias alias() {
        return alias;
    }

    /** The load balancer's target function, when the functions have one. */
    public Optional<Function> loadBalancerFunction() {
        return Optional.ofNullable(loadBalancerFunction);
    }

    /** The published alias of the load balancer's target function (what the target group invokes). */
    public Optional<Alias> loadBalancerAlias() {
        return Optional.ofNullable(loadBalancerAlias);
    }

    /** The REST API, when that is the front door. */
    public Optional<RestApi> api() {
        return Optional.ofNullable(api);
    }

    /** The payments function URL (AWS_IAM), when function URLs are the front door. */
    public Optional<FunctionUrl> paymentsUrl() {
        return Optional.ofNullable(paymentsUrl);
    }

    /** The open health function URL, when function URLs are the front door. */
    public Optional<FunctionUrl> healthUrl() {
        return Optional.ofNullable(healthUrl);
    }

    /** The health function, when function URLs are the front door. */
    public Optional<Function> healthFunction() {
        return Optional.ofNullable(healthFunction);
    }

    /** Host name of the REST API's regional endpoint. */
    public String apiHost() {
        RestApi rest = api().orElseThrow(() -> new IllegalStateException("these payment functions have no REST API"));
        return rest.getRestApiId() + ".execute-api." + software.amazon.awscdk.Stack.of(this).getRegion() + "."
                + software.amazon.awscdk.Stack.of(this).getUrlSuffix();
    }

    /** Lambda errors (sum per {@code period}). */
    public Metric errors(Duration period) {
        return function.metricErrors(MetricOptions.builder().period(period).statistic("Sum").build());
    }

    /** Lambda throttles (sum per {@code period}). */
    public Metric throttles(Duration period) {
        return function.metricThrottles(MetricOptions.builder().period(period).statistic("Sum").build());
    }

    /** Lambda invocations (sum per 5 minutes), for dashboards. */
    public Metric invocations() {
        return function.metricInvocations(MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build());
    }

    /** API latency, p99 over 5 minutes. */
    public Metric latencyP99() {
        RestApi rest = api().orElseThrow(() -> new IllegalStateException("these payment functions have no REST API"));
        return rest.metricLatency(MetricOptions.builder().period(Duration.minutes(5)).statistic("p99").build());
    }

    /** Builder of {@link PaymentFunctions}. */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private FunctionSettings settings;
        private FrontDoor frontDoor = FrontDoor.REST_API;
        private Number reservedConcurrency = 100;
        private boolean healthFunction;
        private String functionName;
        private String healthFunctionName;
        private String apiName;
        private String loadBalancerFunctionName;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /** Starts the functions {@code id} under {@code scope}. */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** Code, key, environment, logs and VPC placement. */
        public Builder settings(FunctionSettings value) { this.settings = value; return this; }
        /** How clients reach the function (default REST API). */
        public Builder frontDoor(FrontDoor value) { this.frontDoor = value; return this; }
        /** Serves health requests from a health function of its own (always so with function URLs). */
        public Builder healthFunction(boolean value) { this.healthFunction = value; return this; }
        /** Reserved concurrent executions of the payment function (default 100). */
        public Builder reservedConcurrency(Number value) { this.reservedConcurrency = value; return this; }
        /** Physical names: payment function, health function (function URLs only), REST API (REST API only). */
        public Builder names(String function, String healthFunction, String restApi) {
            this.functionName = function;
            this.healthFunctionName = healthFunction;
            this.apiName = restApi;
            return this;
        }

        /** Adds a function named {@code name} with the ALB handler, for a load balancer's target group. */
        public Builder loadBalancerTarget(String name) { this.loadBalancerFunctionName = name; return this; }

        /** Creates the functions. */
        public PaymentFunctions build() {
            if (settings == null) {
                throw new IllegalArgumentException("PaymentFunctions " + id + " needs settings(..)");
            }
            return new PaymentFunctions(this);
        }
    }
}
