package dev.paymentsdr.infra.blueprints;

/** Seed 000: the document's values in the synthesized templates. */
class Seed000BlueprintTest extends BlueprintTest {
    @Override
    protected String blueprint() {
        return "seed-000";
    }
}
