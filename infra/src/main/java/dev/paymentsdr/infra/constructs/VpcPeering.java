package dev.paymentsdr.infra.constructs;

import java.util.List;
import software.amazon.awscdk.services.ec2.CfnRoute;
import software.amazon.awscdk.services.ec2.CfnVPCPeeringConnection;
import software.constructs.Construct;

/**
 * A cross-region VPC peering connection requested from this region's VPC to the other region's, with routes from
 * this side's private and isolated route tables to the peer's CIDR. The peer side adds its routes with
 * {@link #routes}, in a stack of its region deployed after this one (the connection id crosses regions).
 */
public final class VpcPeering extends Construct {
    private final CfnVPCPeeringConnection connection;

    /** Requests peering of {@code vpcId} with {@code peerVpcId} in {@code peerRegion}; routes {@code routeTableIds} to {@code peerCidr}. */
    public VpcPeering(Construct scope, String id, String vpcId, List<String> routeTableIds, String peerVpcId, String peerRegion,
                      String peerCidr) {
        super(scope, id);
        connection = CfnVPCPeeringConnection.Builder.create(this, "Connection")
                .vpcId(vpcId).peerVpcId(peerVpcId).peerRegion(peerRegion)
                .build();
        routes(this, "Route", routeTableIds, connection.getAttrId(), peerCidr);
    }

    /** Routes {@code cidr} through peering connection {@code peeringId} from each of {@code routeTableIds}. */
    public static void routes(Construct scope, String idPrefix, List<String> routeTableIds, String peeringId, String cidr) {
        for (int i = 0; i < routeTableIds.size(); i++) {
            CfnRoute.Builder.create(scope, idPrefix + (i + 1))
                    .routeTableId(routeTableIds.get(i))
                    .destinationCidrBlock(cidr)
                    .vpcPeeringConnectionId(peeringId)
                    .build();
        }
    }

    /** Id of the peering connection. */
    public String connectionId() {
        return connection.getAttrId();
    }
}
