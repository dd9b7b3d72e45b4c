import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gallery, gallerySchema } from "../../src/index.js";

describe("gallery schemas", () => {
  for (const name of ["customers", "transactions", "sensorReadings", "patients"] as const) {
    it(`${name}: samples reproducibly, every column filled`, () => {
      const a = gallerySchema(name, { seed: 3 }).sample(400);
      const b = gallery[name]({ seed: 3 }).sample(400);
      assert.deepEqual(a.toRecords(), b.toRecords(), "same seed, same rows");
      assert.equal(a.nRows, 400, "rows");
      for (const [col, k] of Object.entries(a.missingCounts())) assert.equal(k, 0, `column ${col} has no missing value`);
    });
  }

  it("keeps each schema's rules on every row", () => {
    const c = gallery.customers({ seed: 1 }).records(2000);
    assert.ok(c.every((r) => r.tier === (r.income < 40_000 ? "bronze" : r.income < 90_000 ? "silver" : "gold")), "customers: tier from income");
    const t = gallery.transactions({ seed: 1 }).records(2000);
    assert.ok(t.every((r) => r.amount > 0 && Number.isInteger(r.quantity) && r.quantity >= 1), "transactions: positive amounts, whole quantities");
    assert.equal(new Set(t.map((r) => r.orderId)).size, 2000, "transactions: unique order ids");
    const p = gallery.patients({ seed: 1 }).records(2000);
    assert.ok(p.every((r) => r.admitted.getTime() <= r.discharged.getTime()), "patients: admitted before discharged");
    assert.ok(p.every((r) => Math.abs(r.bmi - r.weightKg / (r.heightCm / 100) ** 2) < 0.051), "patients: bmi from height and weight");
    const s = gallery.sensorReadings({ seed: 1 }).records(2000);
    assert.ok(s.every((r) => r.status === (r.fault ? "fault" : r.temperature > 27 ? "warning" : "ok")), "sensors: status from fault and temperature");
  });

  it("refuses an unknown schema, listing the known ones", () => {
    assert.throws(() => gallerySchema("orders" as never), /unknown schema "orders"\. Schemas: customers, transactions, sensorReadings, patients/);
  });
});
