package dev.paymentsdr.infra.blueprints;

/** Seed 001: the document's values in the synthesized templates. */
class Seed001BlueprintTest extends BlueprintTest {
    @Override
    protected String blueprint() {
        return "seed-001";
    }
}
