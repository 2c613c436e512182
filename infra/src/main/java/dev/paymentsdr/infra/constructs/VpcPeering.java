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

    private VpcPeering(Builder b) {
        super(b.scope, b.id);
        connection = CfnVPCPeeringConnection.Builder.create(this, "Connection")
                .vpcId(b.vpcId).peerVpcId(b.peerVpcId).peerRegion(b.peerRegion)
                .build();
        routes(this, "Route", b.routeTableIds, connection.getAttrId(), b.peerCidr);
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

    /** Builder of {@link VpcPeering}: {@code .vpc(id, routeTables).peer(vpcId, region, cidr).build()}. */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private String vpcId;
        private List<String> routeTableIds;
        private String peerVpcId;
        private String peerRegion;
        private String peerCidr;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /** Starts the peering {@code id} under {@code scope}. */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** This side's VPC and the route tables that get a route to the peer. */
        public Builder vpc(String value, List<String> routeTables) { this.vpcId = value; this.routeTableIds = List.copyOf(routeTables); return this; }
        /** The peer VPC, its region and its CIDR. */
        public Builder peer(String vpc, String region, String cidr) { this.peerVpcId = vpc; this.peerRegion = region; this.peerCidr = cidr; return this; }

        /** Requests the connection and adds this side's routes. */
        public VpcPeering build() {
            if (vpcId == null || peerVpcId == null) {
                throw new IllegalArgumentException("VpcPeering " + id + " needs vpc(..) and peer(..)");
            }
            return new VpcPeering(this);
        }
    }
}
