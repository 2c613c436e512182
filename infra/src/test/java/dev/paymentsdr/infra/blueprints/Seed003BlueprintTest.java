package dev.paymentsdr.infra.blueprints;

/** Seed 003: the document's values in the synthesized templates. */
class Seed003BlueprintTest extends BlueprintTest {
    @Override
    protected String blueprint() {
        return "seed-003";
    }
}
