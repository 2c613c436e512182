package dev.paymentsdr.infra.constructs;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.wafv2.CfnLoggingConfiguration;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/** A regional WAF web ACL (AWS managed common and bad-input rules plus a per-IP rate limit) for the payment entry points. */
public final class WebFirewall extends Construct {
    private final CfnWebACL acl;
    private int associations;

    /** Creates the web ACL named {@code name}, logging to a CloudWatch log group. */
    public WebFirewall(Construct scope, String id, String name, software.amazon.awscdk.services.kms.IKey key) {
        super(scope, id);
        acl = CfnWebACL.Builder.create(this, "Acl")
                .name(name)
                .scope("REGIONAL")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder().allow(CfnWebACL.AllowActionProperty.builder().build()).build())
                .visibilityConfig(visibility(name))
                .rules(List.of(
                        managedRule("AWSManagedRulesCommonRuleSet", 1),
                        managedRule("AWSManagedRulesKnownBadInputsRuleSet", 2),
                        CfnWebACL.RuleProperty.builder()
                                .name("rate-limit-per-ip")
                                .priority(3)
                                .action(CfnWebACL.RuleActionProperty.builder().block(CfnWebACL.BlockActionProperty.builder().build()).build())
                                .statement(CfnWebACL.StatementProperty.builder()
                                        .rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                                                .limit(2000).aggregateKeyType("IP").build())
                                        .build())
                                .visibilityConfig(visibility("rate-limit-per-ip"))
                                .build()))
                .build();
        // WAF requires the log group name to start with aws-waf-logs-.
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("aws-waf-logs-" + name)
                .retention(RetentionDays.ONE_YEAR)
                .encryptionKey(key)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        CfnLoggingConfiguration.Builder.create(this, "Logging")
                .resourceArn(acl.getAttrArn())
                .logDestinationConfigs(List.of(logs.getLogGroupArn()))
                .build();
    }

    /** Protects the resource (ALB or API Gateway stage) with this ARN. */
    public void protect(String resourceArn) {
        associations++;
        CfnWebACLAssociation.Builder.create(this, "Association" + associations)
                .resourceArn(resourceArn)
                .webAclArn(acl.getAttrArn())
                .build();
    }

    /** The web ACL. */
    public CfnWebACL acl() {
        return acl;
    }

    private static CfnWebACL.RuleProperty managedRule(String ruleGroup, int priority) {
        return CfnWebACL.RuleProperty.builder()
                .name(ruleGroup)
                .priority(priority)
                .overrideAction(CfnWebACL.OverrideActionProperty.builder().none(java.util.Map.of()).build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .managedRuleGroupStatement(CfnWebACL.ManagedRuleGroupStatementProperty.builder()
                                .vendorName("AWS").name(ruleGroup).build())
                        .build())
                .visibilityConfig(visibility(ruleGroup))
                .build();
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metricName) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .cloudWatchMetricsEnabled(true)
                .metricName(metricName)
                .sampledRequestsEnabled(true)
                .build();
    }
}
