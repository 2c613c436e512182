package dev.paymentsdr.service.health;

/** Checks whether the service may take payments now; must be cheap (load balancers call it every second). */
public interface ReadinessProbe {
    /** Never throws: an unreachable database is a not-ready report with the reason. */
    ReadinessReport check();
}
