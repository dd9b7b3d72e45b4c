import type { Table } from "../../core/table.js";
import { utility } from "../metrics/utility.js";
import { detailsTable, errorMessage, type PropertyContext, type PropertyResult } from "./property.js";

/**
 * Utility: train on synthetic, test on real, against train on real (the
 * holdout table is the test set for both when given, else a held-out 30% of
 * the real rows).
 */
export function utilityProperty(ctx: PropertyContext, options: { target: string; maxRows: number; holdout?: Table }): PropertyResult {
  const notes: string[] = [];
  try {
    const u = utility(ctx.real.select(ctx.columns), ctx.synthetic.select(ctx.columns), { target: options.target, maxRows: options.maxRows, seed: ctx.rng.spawn(1)[0]!, ...(options.holdout ? { test: options.holdout.select(ctx.columns) } : {}) });
    const model = u.model === "forest" ? `random forest ${u.task === "classification" ? "classifier" : "regressor"}, 50 trees` : u.task === "classification" ? "one-vs-rest logistic regression" : "ridge regression";
    notes.push(
      `Target '${options.target}' (${u.task}, ${model}): ${u.nTrainReal.toLocaleString("en-US")} real and ${u.nTrainSynthetic.toLocaleString("en-US")} synthetic training rows, ${u.nTest.toLocaleString("en-US")} ${options.holdout ? "" : " held-out"} real test rows${options.holdout ? " (the holdout table)" : ""}` +
        (ctx.real.nRows > options.maxRows || ctx.synthetic.nRows > options.maxRows ? ` (seeded subsample, maxRows ${options.maxRows.toLocaleString("en-US")} per table).` : "."),
    );
    const rows = [
      { m: `${u.measure} trained on real (TRTR)`, v: u.real },
      { m: `${u.measure} trained on synthetic (TSTR)`, v: u.synthetic },
    ];
    if (u.task === "classification") {
      rows.push({ m: "accuracy trained on real", v: u.realAccuracy }, { m: "accuracy trained on synthetic", v: u.syntheticAccuracy });
    }
    return {
      name: "Utility",
      score: u.score,
      details: detailsTable({ metric: [...rows.map((r) => r.m), "score: min(1, TSTR / TRTR)"], value: [...rows.map((r) => r.v), u.score], error: rows.map(() => null).concat([null]) }),
      description: "Whether a model trained on the synthetic rows predicts the real held-out rows as well as one trained on real rows.",
      notes,
    };
  } catch (e) {
    return {
      name: "Utility",
      score: NaN,
      details: detailsTable({ metric: ["utility"], value: [NaN], error: [errorMessage(e)] }),
      description: "Whether a model trained on the synthetic rows predicts the real held-out rows as well as one trained on real rows.",
      notes,
    };
  }
}
