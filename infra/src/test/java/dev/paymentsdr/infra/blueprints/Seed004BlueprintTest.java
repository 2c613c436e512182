package dev.paymentsdr.infra.blueprints;

/** Seed 004: the document's values in the synthesized templates. */
class Seed004BlueprintTest extends BlueprintTest {
    @Override
    protected String blueprint() {
        return "seed-004";
    }
}
