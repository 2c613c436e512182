package dev.paymentsdr.infra.constructs;

import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.backup.BackupPlan;
import software.amazon.awscdk.services.backup.BackupPlanCopyActionProps;
import software.amazon.awscdk.services.backup.BackupPlanRule;
import software.amazon.awscdk.services.backup.BackupPlanRuleProps;
import software.amazon.awscdk.services.backup.BackupResource;
import software.amazon.awscdk.services.backup.BackupSelectionOptions;
import software.amazon.awscdk.services.backup.BackupVault;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

/**
 * AWS Backup of one region: a KMS-encrypted vault and, when resources are selected, a daily plan (35-day retention)
 * whose copy rule puts every recovery point into the vault of the same name in the other region.
 */
public final class RegionalBackup extends Construct {
    private final BackupVault vault;
    private final String vaultName;
    private BackupPlan plan;

    /** Creates vault {@code vaultName}; call {@link #backUp} to add the plan. */
    public RegionalBackup(Construct scope, String id, String vaultName, IKey key) {
        super(scope, id);
        this.vaultName = vaultName;
        vault = BackupVault.Builder.create(this, "Vault")
                .backupVaultName(vaultName)
                .encryptionKey(key)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }

    /** Backs up the resources with these ARNs daily and copies each recovery point to {@code copyRegion}. */
    public BackupPlan backUp(List<String> resourceArns, String copyRegion) {
        Stack stack = Stack.of(this);
        String copyVaultArn = stack.formatArn(ArnComponents.builder().service("backup").region(copyRegion)
                .resource("backup-vault").resourceName(vaultName).arnFormat(software.amazon.awscdk.ArnFormat.COLON_RESOURCE_NAME).build());
        plan = BackupPlan.Builder.create(this, "Plan")
                .backupPlanName(vaultName)
                .backupVault(vault)
                .backupPlanRules(List.of(new BackupPlanRule(BackupPlanRuleProps.builder()
                        .ruleName("daily-with-copy-to-" + copyRegion)
                        .scheduleExpression(Schedule.cron(software.amazon.awscdk.services.events.CronOptions.builder()
                                .minute("0").hour("5").build()))
                        .startWindow(Duration.hours(1))
                        .completionWindow(Duration.hours(4))
                        .deleteAfter(Duration.days(35))
                        .copyActions(List.of(BackupPlanCopyActionProps.builder()
                                .destinationBackupVault(BackupVault.fromBackupVaultArn(this, "CopyVault", copyVaultArn))
                                .deleteAfter(Duration.days(35))
                                .build()))
                        .build())))
                .build();
        plan.addSelection("Selection", BackupSelectionOptions.builder()
                .resources(resourceArns.stream().map(BackupResource::fromArn).toList())
                .allowRestores(true)
                .build());
        dev.paymentsdr.infra.nag.Nag.suppress(plan, "AwsSolutions-IAM4",
                "AWS Backup's selection role uses AWSBackupServiceRolePolicyForBackup/ForRestores, the policies AWS maintains for the service's own API calls.");
        return plan;
    }

    /** The vault of this region (the copy target of the other region's plan). */
    public BackupVault vault() {
        return vault;
    }
}
