package dev.paymentsdr.infra.blueprints;

/** Seed 002: the document's values in the synthesized templates. */
class Seed002BlueprintTest extends BlueprintTest {
    @Override
    protected String blueprint() {
        return "seed-002";
    }
}
