import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { Matrix } from "ml-matrix";
import { computeExponentialTables, computeNormalTables, EXPONENTIAL_TABLES, NORMAL_TABLES } from "../../src/random/ziggurat.js";
import { createRng, type Rng } from "../../src/random/rng.js";

// Made by: /usr/bin/python3 test/fixtures/numpy_streams.py > test/fixtures/numpy_streams.json (numpy 1.24.2)
interface Case {
  method: string;
  args: (number | boolean)[];
  values: number[];
}
const fx = JSON.parse(readFileSync(new URL("../fixtures/numpy_streams.json", import.meta.url), "utf8")) as {
  n: number;
  seeds: Record<string, { cases: Case[]; extras: Record<string, number[] | number[][]> }>;
};

/**
 * Methods whose draws go through a transcendental function (log, exp, pow,
 * cos, acos) differ from numpy in the last bit now and then: V8's Math
 * functions and glibc's libm round differently. The draws themselves are the
 * same (same words consumed, same branches); values agree to 1e-12 relative.
 * Every other method is compared with ===.
 */
const LIBM = new Set(["lognormal", "gamma", "beta", "noncentralChisquare", "laplace", "logistic", "gumbel", "weibull", "pareto", "power", "vonmises", "standardGamma", "chisquare", "f", "noncentralF", "standardT", "rayleigh", "wald"]);

const pcg = (seed: string): Rng => createRng(Number(seed), { bitGenerator: "pcg64" });
const flat = (m: Matrix | ArrayLike<number>): number[] => ("to2DArray" in m ? m.to2DArray().flat() : Array.from(m as ArrayLike<number>));

function assertClose(got: ArrayLike<number>, want: readonly number[], rel: number, what: string): void {
  assert.equal(got.length, want.length, what);
  for (let i = 0; i < want.length; i++) {
    const ok = rel === 0 ? got[i] === want[i] : Math.abs(got[i]! - want[i]!) <= rel * Math.max(1, Math.abs(want[i]!));
    assert.ok(ok, `${what}[${i}]: got ${got[i]}, numpy ${want[i]}`);
  }
}

describe("pcg64 streams equal numpy's default_rng", () => {
  for (const [seed, data] of Object.entries(fx.seeds)) {
    for (const c of data.cases) {
      const exact = !LIBM.has(c.method);
      it(`seed ${seed}: ${c.method}(${c.args.join(", ")}) ${exact ? "===" : "to 1e-12"}`, () => {
        const r = pcg(seed) as unknown as Record<string, (...a: unknown[]) => Float64Array>;
        const got = c.method === "integers" && c.args.length === 3 ? r.integers!(c.args[0], c.args[1], fx.n, c.args[2]) : r[c.method]!(...c.args, fx.n);
        assertClose(got, c.values, exact ? 0 : 1e-12, c.method);
      });
    }
    it(`seed ${seed}: scalar calls read the same stream as array calls`, () => {
      for (const c of data.cases.slice(0, 12)) {
        const r = pcg(seed) as unknown as Record<string, (...a: unknown[]) => number>;
        if (c.method === "integers" && c.args.length === 3) continue;
        const got = Array.from({ length: 5 }, () => r[c.method]!(...c.args));
        assertClose(got, c.values.slice(0, 5), LIBM.has(c.method) ? 1e-12 : 0, c.method);
      }
    });
    const e = data.extras;
    it(`seed ${seed}: mixed 32-bit and 64-bit draws follow numpy's buffered next_uint32`, () => {
      const r = pcg(seed);
      const seq: number[] = [];
      for (let i = 0; i < 5; i++) seq.push(r.integers(0, 7), r.random(), ...r.integers(0, 100, 3), r.normal());
      assertClose(seq, e.interleaved as number[], 0, "interleaved");
    });
    it(`seed ${seed}: permutation, choice (all four paths), multinomial, multivariate hypergeometric, spawn ===`, () => {
      assertClose(pcg(seed).permutation(30), e.permutation as number[], 0, "permutation");
      assertClose(pcg(seed).choice(50, 20), e.choice_replace as number[], 0, "choice");
      assertClose(pcg(seed).choice(5, 20, true, [0.1, 0.2, 0.3, 0.25, 0.15]), e.choice_p as number[], 0, "choice p");
      assertClose(pcg(seed).choice(100, 10, false), e.choice_noreplace as number[], 0, "choice Floyd");
      assertClose(pcg(seed).choice(20000, 1000, false).slice(0, 50), e.choice_noreplace_tail as number[], 0, "choice tail shuffle");
      assertClose(pcg(seed).choice(6, 3, false, [0.1, 0.2, 0.3, 0.2, 0.1, 0.1]), e.choice_noreplace_p as number[], 0, "choice p no replace");
      assertClose(flat(pcg(seed).multinomial(100, [0.2, 0.3, 0.5], 5)), (e.multinomial as number[][]).flat(), 0, "multinomial");
      assertClose(flat(pcg(seed).multivariateHypergeometric([10, 20, 30], 25, 5)), (e.mvhg_marginals as number[][]).flat(), 0, "mvhg marginals");
      assertClose(flat(pcg(seed).multivariateHypergeometric([10, 20, 30], 25, 5, "count")), (e.mvhg_count as number[][]).flat(), 0, "mvhg count");
      assertClose(pcg(seed).spawn(2).flatMap((c) => Array.from(c.random(3))), (e.spawn as number[][]).flat(), 0, "spawn");
    });
    it(`seed ${seed}: dirichlet (both methods) and multivariateNormal (cholesky) to 1e-12`, () => {
      assertClose(flat(pcg(seed).dirichlet([0.5, 2, 3], 4)), (e.dirichlet as number[][]).flat(), 1e-12, "dirichlet");
      assertClose(flat(pcg(seed).dirichlet([0.05, 0.02, 0.08], 4)), (e.dirichlet_small as number[][]).flat(), 1e-12, "dirichlet small alpha");
      assertClose(flat(pcg(seed).multivariateNormal([1, -1], [[2, 0.5], [0.5, 1]], 5)), (e.mvn_cholesky as number[][]).flat(), 1e-12, "mvn");
    });
  }
});

describe("ziggurat tables", () => {
  it("numpy's stored tables agree with a recomputation from the tail points and layer areas", () => {
    for (const [stored, computed] of [
      [NORMAL_TABLES, computeNormalTables()],
      [EXPONENTIAL_TABLES, computeExponentialTables()],
    ] as const) {
      for (const key of ["k", "w", "f"] as const) {
        for (let i = 0; i < 256; i++) {
          const a = stored[key][i]!;
          const b = computed[key][i]!;
          assert.ok(Math.abs(a - b) <= 1e-9 * Math.abs(a), `${key}[${i}]: ${a} vs ${b}`);
        }
      }
    }
  });
});
