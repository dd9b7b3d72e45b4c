/**
 * Rule-based generators: a typed spec of fields in, a `Table` out. Columns
 * are drawn a whole column at a time into typed arrays (seed 003's
 * million-row loop is three typed-array fills), then `derive` columns are
 * computed row by row from the columns before them, and row rules (`where`,
 * the tabular constraints) keep or redraw candidate rows.
 *
 * Streams (stable, pinned by test/rules/rules.test.ts): a run's root Rng
 * (the call's `seed`, else a child of the generator's own stream) spawns
 * child 0 for the copula's normals, child 1 for the run key (unique
 * patterns), and child 2 + i for the i-th field in spec order. Appending a
 * field leaves the other columns as they were; chunked sampling continues
 * each field's stream, so without row rules the chunks of `chunks(n)` put
 * together equal `sample(n)`.
 */
import { cellAt, type Column } from "../core/column.js";
import { DataError, ParamError, ParamTypeError, show } from "../core/errors.js";
import { Table } from "../core/table.js";
import { checkInteger, checkSize, mergeOptions } from "../core/validate.js";
import { createRng, Rng } from "../random/rng.js";
import type { SeedValue } from "../random/seed.js";
import { checkConstraintSpec, fitConstraint, type FittedConstraint } from "../tabular/constraints/constraint.js";
import type { Constraint } from "../tabular/types.js";
import { compileCorrelation, copulaUniforms, type Copula, type CorrelationSpec } from "./copula.js";
import { columnOfValues, field as fieldFns, fieldImpl, type DrawnColumn, type Field, type FieldImpl, type FieldValue, type RuleRow } from "./field.js";

/** A spec: column names to fields, in output order. */
export type RuleSpec = Readonly<Record<string, Field<unknown>>>;

/** The row type a spec produces. */
export type RowOf<S extends RuleSpec> = { -readonly [K in keyof S]: FieldValue<S[K]> };

type Simplify<T> = { [K in keyof T]: T[K] } & {};

export type { CorrelationSpec } from "./copula.js";

/** Options of {@link rules}. */
export interface RulesOptions<R> {
  /** A row rule: rows where it returns false are redrawn (the columns of a row are drawn again together). @defaultValue undefined */
  where?: ((row: R) => boolean) | undefined;
  /** The tabular synthesizers' constraints (`inequality`, `range`, `scalarRange`, `positive`, `negative`, `fixedIncrements`, `linear`), held on every row by redrawing rows that break them. @defaultValue [] */
  constraints?: readonly Constraint[];
  /** Target correlations between fields through a Gaussian copula. @defaultValue undefined (fields independent) */
  correlation?: CorrelationSpec | undefined;
  /** Candidate rows drawn per output row before sampling gives up with an error naming the rules that reject. @defaultValue 1000 */
  maxTries?: number;
  /** Seed of the generator's own stream (used by calls without a seed). @defaultValue fresh entropy, recorded in `generator.seed` */
  seed?: SeedValue | Rng | undefined;
}

/** Options of {@link RuleGenerator.sample}. */
export interface RuleSampleOptions {
  /** The run's seed: the same seed gives the same table. @defaultValue the next child of the generator's stream */
  seed?: SeedValue | Rng | undefined;
}

/** Options of {@link RuleGenerator.chunks}. */
export interface RuleChunkOptions extends RuleSampleOptions {
  /** Rows a chunk (the last may be shorter). @defaultValue 100000 */
  chunkSize?: number;
}

interface Compiled {
  readonly names: readonly string[];
  readonly fields: readonly FieldImpl<unknown>[];
  readonly where: ((row: RuleRow) => boolean) | undefined;
  readonly constraints: readonly Constraint[];
  readonly copula: Copula | undefined;
  readonly maxTries: number;
}

const DEFAULTS: RulesOptions<RuleRow> = { where: undefined, constraints: [], correlation: undefined, maxTries: 1000, seed: undefined };

/** Most candidate rows drawn in one round. */
const ROUND_CAP = 1 << 20;
/** Candidates tried without a single accepted row before the rules are called impossible. */
const IMPOSSIBLE_AFTER = 10_000;

function compile(where: string, spec: unknown, options: unknown): { compiled: Compiled; seed: SeedValue | Rng | undefined } {
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) {
    throw new ParamTypeError(where, "spec", spec, `'spec' must be an object of fields such as { age: field.integers(18, 70) }, got ${show(spec)}.`);
  }
  const names = Object.keys(spec);
  if (names.length === 0) throw new ParamError(where, "spec", spec, "'spec' must have at least one field.");
  const fields = names.map((n) => fieldImpl(where, n, (spec as Record<string, unknown>)[n]));
  const o = mergeOptions(where, DEFAULTS, options);
  if (o.where !== undefined && typeof o.where !== "function") throw new ParamTypeError(where, "where", o.where, `'where' must be a function (row) => boolean, got ${show(o.where)}.`);
  if (!Array.isArray(o.constraints)) throw new ParamTypeError(where, "constraints", o.constraints, `'constraints' must be an array of constraint specs, got ${show(o.constraints)}.`);
  const constraints = o.constraints.map((c, i) => {
    const s = checkConstraintSpec(c, `${where}: constraints[${i}]`);
    if (s.type === "fixedCombinations") {
      throw new ParamError(where, `constraints[${i}]`, c, `constraints[${i}]: fixedCombinations learns its combinations from real rows, which a rules spec has none of; derive one column from the others instead (field.derive).`);
    }
    const used = [s.type === "inequality" ? [s.lowColumn, s.highColumn] : s.type === "range" ? [s.lowColumn, s.middleColumn, s.highColumn] : s.type === "linear" ? [s.column, s.from] : [s.column]].flat();
    for (const col of used) {
      if (!names.includes(col)) throw new ParamError(where, `constraints[${i}]`, col, `constraints[${i}] (${s.type}) names ${show(col)}, which is not in the spec. Columns: ${names.join(", ")}.`);
    }
    return s;
  });
  const maxTries = checkInteger(where, "maxTries", o.maxTries, 1);
  const copula = compileCorrelation(where, o.correlation, names, fields);
  return { compiled: { names, fields, where: o.where, constraints, copula, maxTries }, seed: o.seed };
}

function describeConstraint(c: Constraint): string {
  switch (c.type) {
    case "inequality":
      return `inequality ${c.lowColumn} ${c.strict ? "<" : "<="} ${c.highColumn}`;
    case "range":
      return `range ${c.lowColumn} <= ${c.middleColumn} <= ${c.highColumn}`;
    case "scalarRange":
      return `scalarRange ${c.low} <= ${c.column} <= ${c.high}`;
    case "positive":
    case "negative":
      return `${c.type} ${c.column}`;
    case "fixedIncrements":
      return `fixedIncrements ${c.column} by ${c.increment}`;
    case "linear":
      return `linear ${c.column} = round(${c.slope} × ${c.from} + ${c.intercept}, ${c.decimals})`;
    default:
      return c.type;
  }
}

/** One sampling run: the streams, the fitted constraints, and acceptance counts. */
class Run {
  readonly copulaRng: Rng;
  readonly runKey: number;
  readonly fieldRngs: Rng[];
  fitted: FittedConstraint[] | null = null;
  tried = 0;
  accepted = 0;
  readonly rejectedBy: number[];

  constructor(readonly c: Compiled, root: Rng) {
    const children = root.spawn(2 + c.fields.length);
    this.copulaRng = children[0]!;
    this.runKey = children[1]!.integers(0, 2 ** 32);
    this.fieldRngs = children.slice(2);
    this.rejectedBy = new Array(1 + c.constraints.length).fill(0);
  }
}

function makeRows(columns: readonly Column[], m: number): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = new Array(m);
  for (let r = 0; r < m; r++) rows[r] = {};
  for (const col of columns) addToRows(rows, col);
  return rows;
}

function addToRows(rows: Record<string, unknown>[], col: Column): void {
  for (let r = 0; r < rows.length; r++) rows[r]![col.name] = cellAt(col, r);
}

/**
 * A rule-based generator: {@link rules}' result. `sample(n)` gives a
 * `Table`, `records(n)` typed rows, `chunks(n)` tables of `chunkSize` rows
 * for millions of rows; `derive` and `where` return a new generator with a
 * typed row.
 *
 * @example
 * const g = rules({ age: field.integers(18, 70) }).derive("adult", (row) => row.age >= 21).where((row) => row.age < 65);
 * g.columnNames; // => ["age", "adult"]
 * g.records(100, { seed: 1 }).every((row) => row.age < 65 && row.adult === row.age >= 21); // => true
 */
export class RuleGenerator<R extends object> {
  /** The seed of the generator's own stream (drawn from entropy when none was given). */
  readonly seed: SeedValue;
  private readonly rng: Rng;

  /** @internal use {@link rules}. */
  constructor(
    private readonly c: Compiled,
    seed: SeedValue | Rng | undefined,
  ) {
    this.rng = createRng(seed);
    this.seed = this.rng.seed;
  }

  /** The output columns, in order. */
  get columnNames(): string[] {
    return [...this.c.names];
  }

  /**
   * The spec, one line per column: its name and field.
   * @example
   * String(rules({ age: field.integers(18, 70), id: field.sequence({ prefix: "C-" }) })); // => 'age: integers(18, 70)\nid: sequence({prefix: "C-"})'
   */
  toString(): string {
    return this.c.names.map((n, i) => `${n}: ${this.c.fields[i]!.description}`).join("\n");
  }

  /**
   * A new generator with one more column computed from the row so far
   * (typed), added at the end.
   * @param name - the new column's name (not already in the spec)
   * @param fn - `(row, rng) => value`: numbers, strings, booleans or Dates (null for missing)
   * @returns a new generator (this one is unchanged)
   * @throws ParamError when the name is taken
   */
  derive<K extends string, V>(name: K, fn: (row: R, rng: Rng) => V): RuleGenerator<Simplify<R & { [P in K]: V }>> {
    const where = "RuleGenerator.derive";
    if (typeof name !== "string" || name === "") throw new ParamTypeError(where, "name", name, `'name' must be a non-empty string, got ${show(name)}.`);
    if (this.c.names.includes(name)) throw new ParamError(where, "name", name, `column ${show(name)} is already in the spec. Columns: ${this.c.names.join(", ")}.`);
    const f = fieldImpl(where, name, fieldFns.derive(fn as unknown as (row: RuleRow, rng: Rng) => V));
    return new RuleGenerator({ ...this.c, names: [...this.c.names, name], fields: [...this.c.fields, f] }, this.rng.spawn(1)[0]!);
  }

  /**
   * A new generator that also keeps only rows where `fn` is true (with the
   * rules already there), redrawing the others.
   * @param fn - `(row) => boolean`
   * @returns a new generator
   */
  where(fn: (row: R) => boolean): RuleGenerator<R> {
    if (typeof fn !== "function") throw new ParamTypeError("RuleGenerator.where", "fn", fn, `'fn' must be a function (row) => boolean, got ${show(fn)}.`);
    const prev = this.c.where;
    const f = fn as unknown as (row: RuleRow) => boolean;
    const both = prev ? (row: RuleRow) => prev(row) && f(row) : f;
    return new RuleGenerator({ ...this.c, where: both }, this.rng.spawn(1)[0]!);
  }

  private root(where: string, options: RuleSampleOptions | undefined): Rng {
    const o = mergeOptions(where, { seed: undefined } as RuleSampleOptions, options);
    return o.seed === undefined ? this.rng.spawn(1)[0]! : o.seed instanceof Rng ? o.seed : createRng(o.seed);
  }

  /**
   * `n` rows as a `Table` (integer, numeric, boolean, categorical and
   * datetime columns, in spec order).
   * @param n - rows, an integer >= 0
   * @param options - `seed`: the same seed gives the same table (default: the generator's next stream)
   * @returns the table
   * @throws DataError when a `derive` or `where` throws (naming the column and row), or when the row rules reject nearly every candidate (naming the rules)
   * @example
   * const g = rules({ age: field.integers(18, 70), purchased: field.choice([0, 1]) });
   * const t = g.sample(1000, { seed: 7 });
   * t.shape; // => [1000, 2]
   * g.sample(1000, { seed: 7 }).column("age").every((v, i) => v === t.column("age")[i]); // => true
   */
  sample(n: number, options?: RuleSampleOptions): Table {
    const where = "RuleGenerator.sample";
    checkSize(where, n, "n");
    const run = new Run(this.c, this.root(where, options));
    return this.chunk(where, run, 0, n);
  }

  /**
   * `n` rows as typed records (`{ column: value }`; datetimes as `Date`,
   * missing values `null`).
   * @param n - rows
   * @param options - `seed`
   * @returns the rows
   * @example
   * const rows = rules({ id: field.sequence(), tier: field.choice(["a", "b"]) }).records(2, { seed: 1 });
   * rows.map((r) => r.id); // => [1, 2]
   */
  records(n: number, options?: RuleSampleOptions): R[] {
    return this.sample(n, options).toRecords() as unknown as R[];
  }

  /**
   * `n` rows in tables of `chunkSize` rows, drawn one chunk at a time (for
   * millions of rows: write each chunk out, or reduce it, and let it go).
   * Each field's stream continues from chunk to chunk, so without row rules
   * the chunks together equal `sample(n)` with the same seed.
   * @param n - total rows
   * @param options - `chunkSize` (default 100,000), `seed`
   * @returns an iterator of tables
   * @example
   * const g = rules({ x: field.normal(0, 1) });
   * [...g.chunks(250, { chunkSize: 100, seed: 3 })].map((t) => t.nRows); // => [100, 100, 50]
   */
  *chunks(n: number, options?: RuleChunkOptions): Generator<Table, void, undefined> {
    const where = "RuleGenerator.chunks";
    const o = mergeOptions(where, { chunkSize: 100_000, seed: undefined } as RuleChunkOptions, options);
    checkSize(where, n, "n");
    const size = checkInteger(where, "chunkSize", o.chunkSize, 1);
    const run = new Run(this.c, this.root(where, { seed: o.seed }));
    for (let s = 0; s < n; s += size) yield this.chunk(where, run, s, Math.min(size, n - s));
  }

  /** Rows start .. start + n − 1 of a run. */
  private chunk(where: string, run: Run, start: number, n: number): Table {
    const c = this.c;
    const rowRules = c.where !== undefined || c.constraints.length > 0;
    let pending = new Float64Array(n);
    for (let i = 0; i < n; i++) pending[i] = start + i;
    if (!rowRules) return new Table(this.drawBatch(where, run, pending).columns);
    const parts: { table: Table; positions: Float64Array }[] = [];
    const filled = new Uint8Array(n);
    let triedHere = 0;
    while (pending.length > 0) {
      const P = pending.length;
      const rate = run.tried === 0 ? 1 : run.accepted / run.tried;
      let reps = rate > 0 ? Math.ceil(1.2 / rate) : 64;
      reps = Math.max(1, Math.min(reps, 64, Math.floor(ROUND_CAP / P)));
      const candidates = new Float64Array(P * reps);
      for (let k = 0; k < reps; k++) candidates.set(pending, k * P);
      const { columns, rows } = this.drawBatch(where, run, candidates);
      const m = candidates.length;
      const mask = this.ruleMask(where, run, columns, rows, candidates);
      const keep: number[] = [];
      for (let r = 0; r < m; r++) {
        const off = candidates[r]! - start;
        if (mask[r] && !filled[off]) {
          filled[off] = 1;
          keep.push(r);
        }
      }
      run.tried += m;
      run.accepted += keep.length;
      triedHere += m;
      if (keep.length > 0) {
        const table = new Table(columns).take(keep);
        parts.push({ table, positions: Float64Array.from(keep, (r) => candidates[r]!) });
      }
      pending = pending.filter((p) => !filled[p - start]);
      if (pending.length > 0 && ((run.accepted === 0 && run.tried >= IMPOSSIBLE_AFTER) || triedHere > c.maxTries * n + IMPOSSIBLE_AFTER)) {
        throw this.tooRare(where, run);
      }
    }
    if (parts.length === 0) return new Table(this.drawBatch(where, run, new Float64Array(0)).columns);
    const table = Table.concat(parts.map((p) => p.table));
    if (parts.length === 1) return table;
    const order = new Int32Array(n);
    let k = 0;
    for (const p of parts) for (const pos of p.positions) order[pos - start] = k++;
    return table.take(order);
  }

  private tooRare(where: string, run: Run): DataError {
    const c = this.c;
    const rules = [c.where ? `where(row) rejected ${run.rejectedBy[0]!.toLocaleString("en-US")}` : "", ...c.constraints.map((s, i) => `constraints[${i}] (${describeConstraint(s)}) rejected ${run.rejectedBy[i + 1]!.toLocaleString("en-US")}`)].filter(Boolean);
    return new DataError(
      where,
      "where",
      run.accepted,
      `only ${run.accepted.toLocaleString("en-US")} of ${run.tried.toLocaleString("en-US")} candidate rows satisfied the row rules (${rules.join("; ")}). ${
        run.accepted === 0 ? "The rules look impossible for these fields: check their ranges against the rules" : "The rules are too rare to meet by redrawing: raise maxTries, or"
      } or make the rule hold by construction (derive one column from the other).`,
    );
  }

  /** 1 where a candidate row passes `where` and every constraint. */
  private ruleMask(where: string, run: Run, columns: Column[], rows: Record<string, unknown>[] | null, positions: Float64Array): Uint8Array {
    const c = this.c;
    const m = positions.length;
    const mask = new Uint8Array(m).fill(1);
    if (c.where) {
      const rs = rows ?? makeRows(columns, m);
      for (let r = 0; r < m; r++) {
        let ok: unknown;
        try {
          ok = c.where(rs[r]!);
        } catch (e) {
          throw new DataError(where, "where", rs[r], `where(row) threw on row ${positions[r]}: ${(e as Error)?.message ?? show(e)} (row: ${show(rs[r])}).`);
        }
        if (!ok) {
          mask[r] = 0;
          run.rejectedBy[0]!++;
        }
      }
    }
    if (c.constraints.length > 0) {
      const table = new Table(columns);
      run.fitted ??= c.constraints.map((s, i) => fitConstraint(s, table.slice(0, 0), {}, `${where}: constraints[${i}]`));
      run.fitted.forEach((f, i) => {
        const valid = f.isValid(table);
        for (let r = 0; r < m; r++) {
          if (!valid[r]) {
            mask[r] = 0;
            run.rejectedBy[i + 1]!++;
          }
        }
      });
    }
    return mask;
  }

  /** Draws every column for the candidate positions (copula, fields, derives in spec order). */
  private drawBatch(where: string, run: Run, positions: Float64Array): { columns: Column[]; rows: Record<string, unknown>[] | null } {
    const c = this.c;
    const m = positions.length;
    const fromCopula = new Map<string, DrawnColumn>();
    if (c.copula) {
      const u = copulaUniforms(c.copula, run.copulaRng, m);
      c.copula.columns.forEach((name, i) => fromCopula.set(name, c.fields[c.names.indexOf(name)]!.quantile!(u[i]!)));
    }
    const columns: Column[] = [];
    let rows: Record<string, unknown>[] | null = null;
    c.fields.forEach((f, i) => {
      const name = c.names[i]!;
      const rng = run.fieldRngs[i]!;
      let drawn: DrawnColumn;
      if (f.derive) {
        rows ??= makeRows(columns, m);
        const values: unknown[] = new Array(m);
        for (let r = 0; r < m; r++) {
          try {
            values[r] = f.derive(rows[r]!, rng);
          } catch (e) {
            throw new DataError(where, name, rows[r], `derive of column '${name}' threw on row ${positions[r]}: ${(e as Error)?.message ?? show(e)} (row: ${show(rows[r])}).`);
          }
        }
        drawn = columnOfValues(where, name, values);
      } else {
        drawn = fromCopula.get(name) ?? f.draw!({ rng, positions, runKey: run.runKey });
      }
      const col = { name, ...drawn } as Column;
      columns.push(col);
      if (rows) addToRows(rows, col);
    });
    if (c.where && !rows) rows = makeRows(columns, m);
    return { columns, rows };
  }
}

/**
 * A rule-based generator from a spec of fields (see {@link field}): each
 * column drawn by its rule, `derive` columns computed from the ones before
 * them, rows kept only where `where` and the constraints hold, fields
 * correlated through a Gaussian copula on request. Types flow from the spec
 * to the rows (`records()`, `where`, chained `derive`).
 *
 * Seed 003's generator (`random.randint(18, 70)`, `random.randint(30000, 150000)`,
 * `random.choice([0, 1])`) is
 * `rules({ age: field.integers(18, 70), income: field.integers(30000, 150000), purchased: field.choice([0, 1]) })`.
 *
 * @param spec - `{ column: field }`, in output order
 * @param options - `where`, `constraints`, `correlation`, `maxTries` (default 1000), `seed`
 * @returns a {@link RuleGenerator}
 * @throws ParamError for an empty spec, a value that is not a field, an unknown option, a constraint or correlation naming a column not in the spec, or an impossible correlation matrix
 * @example
 * const customers = rules(
 *   {
 *     age: field.integers(18, 70),
 *     income: field.distribution("lognormal", { mean: 10.8, sigma: 0.4 }, { decimals: 0 }),
 *     tier: field.derive((row: { income: number }) => (row.income > 60000 ? "gold" : "standard")),
 *   },
 *   { correlation: { columns: ["age", "income"], matrix: [[1, 0.5], [0.5, 1]] }, where: (row) => row.income >= 15000 },
 * );
 * const t = customers.sample(500, { seed: 3 });
 * t.columnNames; // => ["age", "income", "tier"]
 * (t.column("income") as Float64Array).every((v) => v >= 15000); // => true
 */
export function rules<const S extends RuleSpec>(spec: S, options?: RulesOptions<Simplify<RowOf<S>>>): RuleGenerator<Simplify<RowOf<S>>> {
  const { compiled, seed } = compile("rules", spec, options);
  return new RuleGenerator(compiled, seed);
}
