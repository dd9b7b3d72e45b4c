import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { applyTree, applyTreeColumns, growTree, rankFeature, treeFromJSON, treeToJSON, type Tree, type TreeFeature } from "../../src/fit/decision-tree.js";

const fx = JSON.parse(readFileSync(new URL("../fixtures/sklearn_tree.json", import.meta.url), "utf8")) as Record<string, any>;

function leaves(t: Tree): number {
  let k = 0;
  for (const f of t.feature) if (f < 0) k++;
  return k;
}

function depth(t: Tree, k = 0): number {
  return t.feature[k]! < 0 ? 0 : 1 + Math.max(depth(t, t.left[k]!), depth(t, t.right[k]!));
}

const X = Float64Array.from(fx.X as number[]);
const n = fx.n as number;
const d = fx.d as number;
const Xq = Float64Array.from(fx.Xq as number[]);
const nq = Xq.length / d;
const feats: TreeFeature[] = Array.from({ length: d }, (_, f) => rankFeature(Array.from({ length: n }, (_, i) => X[i * d + f]!)));

for (const leaf of [1, 5, 20]) {
  test(`growTree = scikit-learn's DecisionTreeRegressor (min_samples_leaf=${leaf})`, () => {
    const t = growTree(feats, Float64Array.from(fx.y_reg), { task: "regression", nClasses: 1, maxDepth: 1000, minLeaf: leaf, minSplit: 2, cp: 0 });
    const want = fx[`reg_${leaf}`];
    assert.equal(leaves(t), want.leaves, "leaf count");
    assert.equal(depth(t), want.depth, "depth");
    const at = applyTree(t, Xq, nq, d);
    let same = 0;
    for (let i = 0; i < nq; i++) if (Math.abs(t.value[t.left[at[i]!]!]! - want.pred[i]) < 1e-9) same++;
    // grown to single rows, equally good splits tie (scikit-learn breaks ties by a random feature order)
    if (leaf >= 5) assert.equal(same, nq, "every prediction equal");
    else {
      // single-row leaves: every training row predicts itself (where its query routing may tie)
      const self = applyTree(t, X, n, d);
      for (let i = 0; i < n; i++) assert.equal(t.value[t.left[self[i]!]!], fx.y_reg[i], `training row ${i}`);
    }
  });
  test(`growTree = scikit-learn's DecisionTreeClassifier (min_samples_leaf=${leaf})`, () => {
    const t = growTree(feats, Float64Array.from(fx.y_cls), { task: "classification", nClasses: 3, maxDepth: 1000, minLeaf: leaf, minSplit: 2, cp: 0 });
    const want = fx[`cls_${leaf}`];
    assert.equal(leaves(t), want.leaves, "leaf count");
    const at = applyTree(t, Xq, nq, d);
    let same = 0;
    for (let i = 0; i < nq; i++) {
      let ok = true;
      for (let c = 0; c < 3; c++) if (Math.abs(t.value[t.left[at[i]!]! + c]! - want.proba[i * 3 + c]) >= 1e-9) ok = false;
      if (ok) same++;
    }
    // Gini scores of class counts tie often; scikit-learn breaks ties by a random feature order, so a few query rows differ
    assert.ok(same >= 0.9 * nq, `${same} of ${nq} probability rows equal`);
  });
}

test("rankFeature: distinct values ranked, NaN last, thresholds at midpoints, +Infinity after the largest", () => {
  const f = rankFeature([3, 1, NaN, 2, 3, 1]);
  assert.deepEqual(Array.from(f.codes), [2, 0, 3, 1, 2, 0]);
  assert.equal(f.nCodes, 4);
  assert.deepEqual(Array.from(f.thresholds), [1.5, 2.5, Infinity, Infinity]);
});

test("categorical splits group levels by the target's mean; unseen levels follow the heavier side", () => {
  // levels 0 and 2 are high, 1 and 3 low: one split separates them
  const codes = Int32Array.from({ length: 80 }, (_, i) => i % 4);
  const y = Float64Array.from(codes, (c) => (c % 2 === 0 ? 10 : 0));
  const t = growTree([{ kind: "categorical", codes, nCodes: 5 }], y, { task: "regression", nClasses: 1, maxDepth: 5, minLeaf: 1, minSplit: 2, cp: 0, recordLeaves: true });
  assert.equal(leaves(t), 2, "one split");
  const at = applyTreeColumns(t, [Float64Array.from([0, 1, 2, 3])], 4);
  assert.equal(at[0], at[2], "levels 0 and 2 together");
  assert.equal(at[1], at[3], "levels 1 and 3 together");
  assert.notEqual(at[0], at[1], "apart from 1 and 3");
  // level 4 never seen, level 9 out of range: both go the same (heavier or tied) way
  const unseen = applyTreeColumns(t, [Float64Array.from([4, 9])], 2);
  assert.equal(unseen[0], unseen[1], "unseen levels together");
});

test("minLeaf holds in every leaf; cp stops weak splits; leaves recorded for every row", () => {
  const y = Float64Array.from(fx.y_reg as number[]);
  const t = growTree(feats, y, { task: "regression", nClasses: 1, maxDepth: 30, minLeaf: 7, minSplit: 21, cp: 0, recordLeaves: true });
  const count = new Map<number, number>();
  for (const l of t.leafOfRow!) count.set(l, (count.get(l) ?? 0) + 1);
  for (const [leaf, c] of count) assert.ok(c >= 7, `leaf ${leaf} holds ${c} rows`);
  const again = applyTree(t, X, n, d);
  assert.deepEqual(Array.from(again), Array.from(t.leafOfRow!), "applyTree sends each training row to its recorded leaf");
  const pruned = growTree(feats, y, { task: "regression", nClasses: 1, maxDepth: 30, minLeaf: 7, minSplit: 21, cp: 0.05 });
  assert.ok(leaves(pruned) < leaves(t) && leaves(pruned) >= 2, `cp 0.05 leaves ${leaves(pruned)} of ${leaves(t)}`);
});

test("the sort path (few rows, many codes) finds the same splits as the histogram path", () => {
  // 4 features with 3000 codes, grown on 100 rows: nodes sort; the same rows with 100 codes use histograms
  const m = 100;
  const rows = Int32Array.from({ length: m }, (_, i) => i * 30);
  const N = 3000;
  const big: TreeFeature[] = [];
  const small: TreeFeature[] = [];
  for (let f = 0; f < 4; f++) {
    const x = Float64Array.from({ length: N }, (_, i) => Math.sin(i * (f + 1) * 0.7) * 100 + i * 1e-6);
    big.push(rankFeature(x));
    small.push(rankFeature(Float64Array.from(rows, (i) => x[i]!)));
  }
  const yBig = Float64Array.from({ length: N }, (_, i) => Math.cos(i * 0.3) + (i % 7));
  const ySmall = Float64Array.from(rows, (i) => yBig[i]!);
  const a = growTree(big, yBig, { task: "regression", nClasses: 1, rows, maxDepth: 30, minLeaf: 2, minSplit: 4, cp: 0 });
  const b = growTree(small, ySmall, { task: "regression", nClasses: 1, maxDepth: 30, minLeaf: 2, minSplit: 4, cp: 0 });
  assert.deepEqual(Array.from(a.feature), Array.from(b.feature), "same split features");
  // thresholds differ (midpoints among 3000 values or among the 100), the partition of the rows does not
  const colsBig = big.map((f) => Float64Array.from(rows, (i) => (f as { thresholds: Float64Array }).thresholds[f.codes[i]!]!));
  const colsSmall = small.map((f) => Float64Array.from({ length: m }, (_, k) => (f as { thresholds: Float64Array }).thresholds[f.codes[k]!]!));
  assert.deepEqual(Array.from(applyTreeColumns(a, colsBig, m)), Array.from(applyTreeColumns(b, colsSmall, m)), "same leaves for every row");
  assert.deepEqual(Array.from(a.value), Array.from(b.value), "same leaf values");
});

test("treeToJSON / treeFromJSON round trip (Infinity thresholds too)", () => {
  const t = growTree([rankFeature([1, 2, 3, NaN, 5, 6])], Float64Array.from([0, 0, 0, 1, 1, 1]), { task: "classification", nClasses: 2, maxDepth: 5, minLeaf: 1, minSplit: 2, cp: 0 });
  const back = treeFromJSON(JSON.parse(JSON.stringify(treeToJSON(t))));
  assert.deepEqual(Array.from(back.threshold), Array.from(t.threshold), "thresholds");
  assert.deepEqual(Array.from(back.feature), Array.from(t.feature), "features");
});
