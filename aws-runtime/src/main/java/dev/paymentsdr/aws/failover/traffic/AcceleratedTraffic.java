package dev.paymentsdr.aws.failover.traffic;

import dev.paymentsdr.aws.failover.AwsFailoverException;
import dev.paymentsdr.aws.failover.Waiter;
import dev.paymentsdr.aws.failover.Waiter.Check;
import dev.paymentsdr.aws.failover.config.FailoverResources.Accelerator;
import dev.paymentsdr.aws.failover.traffic.GlobalAcceleratorApi.EndpointGroup;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.out.Traffic;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The traffic port where a Global Accelerator stands beside Route 53: Route 53 moves as {@link Route53Traffic} does,
 * then the accelerator's endpoint groups are dialled (the target's to 100 first, then the old region's to 0, so the
 * accelerator never has every region dialled off during a switch) and the accelerator is awaited until DEPLOYED.
 * The active region is the one both agree on; when they disagree there is none, and the disagreement is logged and
 * named by {@link #disagreement()} (a failover request then falls back to Aurora's writer, and the monitor reports
 * "no region is selected" instead of failing over on a confused reading; rerunning the traffic switch repairs it).
 */
public final class AcceleratedTraffic implements Traffic {
    private static final Logger LOG = LoggerFactory.getLogger(AcceleratedTraffic.class);
    /** A dial set this way sends the region all of its share of the listener's traffic. */
    static final double ON = 100;
    static final double OFF = 0;

    private final Route53Traffic route53;
    private final GlobalAcceleratorApi api;
    private final Accelerator accelerator;
    private final Waiter waiter;
    private final Duration deployTimeout;

    public AcceleratedTraffic(Route53Traffic route53, GlobalAcceleratorApi api, Accelerator accelerator, Waiter waiter,
                              Duration deployTimeout) {
        this.route53 = route53;
        this.api = api;
        this.accelerator = accelerator;
        this.waiter = waiter;
        this.deployTimeout = deployTimeout;
        for (RegionId region : route53.regions()) {
            group(region);
        }
    }

    @Override
    public List<RegionId> regions() {
        return route53.regions();
    }

    @Override
    public Optional<RegionId> activeRegion() {
        Optional<RegionId> dns = route53.activeRegion();
        Optional<String> disagreement = disagreement(dns, dials());
        if (disagreement.isPresent()) {
            LOG.warn("traffic: {}", disagreement.get());
            return Optional.empty();
        }
        return dns;
    }

    /** What is wrong when Route 53 and the accelerator's dials do not pick the same region; empty when they agree. */
    public Optional<String> disagreement() {
        return disagreement(route53.activeRegion(), dials());
    }

    /** Each region's traffic dial as Global Accelerator reports it. */
    public Map<RegionId, Double> dials() {
        Map<RegionId, Double> dials = new LinkedHashMap<>();
        for (RegionId region : regions()) {
            dials.put(region, api.describeEndpointGroup(group(region)).trafficDial());
        }
        return dials;
    }

    private Optional<String> disagreement(Optional<RegionId> dns, Map<RegionId, Double> dials) {
        List<RegionId> dialled = dials.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
        String reading = "Route 53 selects " + dns.map(RegionId::name).orElse("no region") + ", the accelerator dials "
                + describe(dials);
        if (dialled.isEmpty()) {
            return Optional.of(reading + ": the accelerator sends no region any traffic");
        }
        if (dialled.size() == 1 && !dns.equals(Optional.of(dialled.get(0)))) {
            return Optional.of(reading + ": they disagree, so no region counts as active; rerun the traffic switch");
        }
        // every region dialled up: the accelerator moves traffic by health, and Route 53 names the region that serves
        return Optional.empty();
    }

    @Override
    public String block(RegionId region) {
        String dns = route53.block(region);
        EndpointGroup group = api.updateTrafficDial(group(region), OFF);
        awaitDeployed();
        return dns + "; Global Accelerator dials " + region + " (" + group.arn() + ") to 0 and is DEPLOYED";
    }

    @Override
    public String routeTo(RegionId target, RegionId previous) {
        String dns = route53.routeTo(target, previous);
        // raise the target before lowering the old region: in between both take traffic, never neither
        api.updateTrafficDial(group(target), ON);
        api.updateTrafficDial(group(previous), OFF);
        awaitDeployed();
        Map<RegionId, Double> dials = dials();
        if (dials.get(target) != ON || dials.get(previous) != OFF) {
            throw new AwsFailoverException("Global Accelerator " + accelerator.acceleratorArn() + " reports the dials "
                    + describe(dials) + " after setting " + target + " to 100 and " + previous + " to 0; another change may "
                    + "be running: rerun the failover to set them again");
        }
        return dns + "; Global Accelerator dials " + target + " to 100 and " + previous + " to 0 (DEPLOYED)";
    }

    private void awaitDeployed() {
        waiter.until("Global Accelerator " + accelerator.acceleratorArn() + " reaching DEPLOYED", deployTimeout, () -> {
            try {
                String status = api.acceleratorStatus(accelerator.acceleratorArn());
                return "DEPLOYED".equals(status) ? Check.done(status) : Check.notYet(status);
            } catch (AwsFailoverException e) {
                return Check.notYet(e.getMessage());
            }
        });
    }

    private String group(RegionId region) {
        String group = accelerator.endpointGroups().get(region);
        if (group == null) {
            throw new IllegalArgumentException("no Global Accelerator endpoint group is configured for " + region
                    + "; regions with one are " + accelerator.endpointGroups().keySet());
        }
        return group;
    }

    private static String describe(Map<RegionId, Double> dials) {
        return dials.entrySet().stream().map(e -> e.getKey() + " " + Math.round(e.getValue()) + "%")
                .collect(Collectors.joining(", "));
    }
}
