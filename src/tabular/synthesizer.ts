/**
 * The interface every table synthesizer shares (SDV's BaseSingleTableSynthesizer):
 * `fit(table)`, `sample(n, { seed, conditions, onProgress })` → a Table with
 * every real column, `toJSON()` / `loadSynthesizer(json)`. This base class
 * owns the pipeline; a method only learns and draws model columns:
 *
 * fit:    table → metadata (detected unless given, then validated) → canonical
 *         storage (storage.ts) → ids and personal data set aside → constraints'
 *         transforms → column transforms (transformer.ts) → `fitModel`
 * sample: `sampleModel` block by block → column transforms reversed →
 *         constraints reversed → rows that break a constraint or a condition
 *         dropped and redrawn → ids and personal data generated → the user's
 *         storage and column order.
 *
 * Row blocks: draws come in blocks of {@link BLOCK_ROWS} rows, block b from its
 * own stream derived from (seed, b), so without rejections the rows are a
 * function of (model, seed, row index).
 */
import { type Cell, type Column } from "../core/column.js";
import { DataError, ParamError, ParamTypeError, show } from "../core/errors.js";
import { checkProgress, type ProgressCallback } from "../core/progress.js";
import { asTable, Table, type TableInput } from "../core/table.js";
import { checkBoolean, checkInteger, mergeOptions } from "../core/validate.js";
import { createRng, Rng } from "../random/rng.js";
import { checkSeed, entropySeed, type SeedValue } from "../random/seed.js";
import { checkConstraintSpec, constraintFromJSON, fitConstraint, type FittedConstraint } from "./constraints/constraint.js";
import { maxDecimals } from "./constraints/shared.js";
import { compileDatetimeFormat } from "./datetime-format.js";
import { detectMetadata } from "./detect-metadata.js";
import { fitGenerated, generateColumn, type GeneratedState } from "./generated-columns.js";
import { Metadata } from "./metadata.js";
import { RealValueFilter, type RealValueFilterJSON } from "./real-value-filter.js";
import { fromCanonical, storageSpec, toCanonical, type StorageSpec } from "./storage.js";
import { roundTo, TableTransformer, levelOf, type CategoricalEncoding, type ColumnState, type Encoded, type TransformerOptions } from "./transformer.js";
import { isPiiSdtype, type ColumnMetadata, type Constraint } from "./types.js";

/** Rows per sampling block (each block has its own random stream). */
export const BLOCK_ROWS = 16_384;

/** Options every synthesizer takes. */
export interface BaseSynthesizerOptions {
  /** Column kinds and details; detected from the data at `fit` when absent (see `detectMetadata`). */
  metadata?: Metadata | ReturnType<Metadata["toJSON"]> | undefined;
  /** Seed of the synthesizer's own stream (fit, and `sample` calls without a seed). */
  seed?: SeedValue | undefined;
  /** Rules every synthetic row keeps (API.md's list). @defaultValue [] */
  constraints?: readonly Constraint[];
  /** Keep synthetic numbers and dates inside the real [min, max]. @defaultValue true */
  enforceMinMax?: boolean;
  /** Round synthetic numbers to the real column's decimals. @defaultValue true */
  enforceRounding?: boolean;
  /**
   * Reject (and redraw) synthetic rows whose learned columns all equal some real row's, so no real record
   * is reproduced. Kept as salted 64-bit hashes of the real rows (in `toJSON()` too); a table with few
   * possible rows (a handful of categories) may then be unable to produce enough rows, and says so.
   * @defaultValue false
   */
  avoidCopies?: boolean;
}

/** Options of `sample`. */
export interface SampleOptions {
  /** Seed of this draw: the same seed gives the same rows (also after `loadSynthesizer(s.toJSON())`). */
  seed?: SeedValue | Rng | undefined;
  /** `{ column: value }`: every row has these values. */
  conditions?: Readonly<Record<string, Cell>> | undefined;
  onProgress?: ProgressCallback | undefined;
  /**
   * Rows drawn at most, as a multiple of the rows asked, when rows are rejected (constraints
   * enforced by rejection, rare conditions), counted for each block of {@link BLOCK_ROWS} rows (and at
   * least 8 blocks' worth); past it `sample` throws, saying how many rows it got.
   * @defaultValue 100
   */
  maxTriesPerRow?: number;
}

/** A condition on one model column: its values must lie in [lo, hi] (model units). */
export interface ModelCondition {
  readonly column: number;
  readonly lo: number;
  readonly hi: number;
}

/** The saved form of a synthesizer. */
export interface SynthesizerJSON {
  format: "synthlab.synthesizer";
  version: 1;
  method: string;
  options: Record<string, unknown>;
  metadata: ReturnType<Metadata["toJSON"]>;
  columnOrder: string[];
  modelled: string[];
  storage: StorageSpec[];
  generated: GeneratedState[];
  constraints: unknown[];
  transformer: ReturnType<TableTransformer["toJSON"]>;
  model: unknown;
  nRealRows: number;
  realRows?: RealValueFilterJSON;
}

const BASE_DEFAULTS: Required<Omit<BaseSynthesizerOptions, "metadata" | "seed">> & Pick<BaseSynthesizerOptions, "metadata" | "seed"> = {
  metadata: undefined,
  seed: undefined,
  constraints: [],
  enforceMinMax: true,
  enforceRounding: true,
  avoidCopies: false,
};

interface Fitted {
  metadata: Metadata;
  columnOrder: string[];
  /** Learned (not generated) columns, in order. */
  modelled: string[];
  storage: StorageSpec[];
  generated: GeneratedState[];
  constraints: FittedConstraint[];
  transformer: TableTransformer;
  nRealRows: number;
  /** With `avoidCopies`: hashes of the real rows' learned columns. */
  realRows?: RealValueFilter | undefined;
}

/**
 * Block `b`'s stream of a draw seeded with `seed` (`stream` 0: the model's rows, 1 + g: generated column g).
 * `attempt` > 0: the redraws that refill block `b` after rejections (attempt 0 is the block's first draw).
 */
export function blockRng(seed: SeedValue, stream: number, b: number, attempt = 0): Rng {
  return new Rng(seed, attempt === 0 ? [0x5e7ab1e, stream, b] : [0x5e7ab1e, stream, b, attempt], "xoshiro128**");
}

/**
 * The base of every table synthesizer. Subclasses set `method` and
 * `encoding` and implement `fitModel`, `sampleModel` and the model's JSON.
 */
export abstract class TableSynthesizer<O extends object = object> {
  /** The method's name in `createSynthesizer`. */
  abstract readonly method: string;
  /** How categorical columns reach the model. */
  protected abstract readonly encoding: CategoricalEncoding;
  /** One-hot: levels kept per column. */
  protected maxLevels = 50;
  /** Whether `sampleModel` honours `ModelCondition`s exactly (else conditions are met by rejection). */
  protected readonly exactConditions: boolean = false;
  protected readonly baseOptions: typeof BASE_DEFAULTS;
  /** The method's own options (defaults merged). */
  readonly params: Required<O>;
  private fitted: Fitted | undefined;
  private rng: Rng;

  protected constructor(where: string, defaults: Required<O>, options: (BaseSynthesizerOptions & Partial<O>) | undefined) {
    const all = mergeOptions(where, { ...BASE_DEFAULTS, ...defaults }, options ?? {}) as typeof BASE_DEFAULTS & Required<O>;
    const { metadata, seed, constraints, enforceMinMax, enforceRounding, avoidCopies, ...own } = all;
    if (seed !== undefined) checkSeed(where, seed);
    checkBoolean(where, "enforceMinMax", enforceMinMax);
    checkBoolean(where, "enforceRounding", enforceRounding);
    checkBoolean(where, "avoidCopies", avoidCopies);
    if (!Array.isArray(constraints)) throw new ParamTypeError(where, "constraints", constraints, `'constraints' must be an array of constraint objects, got ${show(constraints)}.`);
    const specs = constraints.map((c) => checkConstraintSpec(c, where));
    if (metadata !== undefined && !(metadata instanceof Metadata)) Metadata.fromJSON(metadata);
    this.baseOptions = { metadata, seed, constraints: specs, enforceMinMax, enforceRounding, avoidCopies };
    this.params = own as unknown as Required<O>;
    this.rng = createRng(seed ?? entropySeed());
  }

  /** The metadata in use (detected at fit when none was given). */
  get metadata(): Metadata {
    if (this.fitted) return this.fitted.metadata;
    const m = this.baseOptions.metadata;
    if (m === undefined) throw new ParamError(`${this.constructor.name}.metadata`, "metadata", undefined, "no metadata yet: call fit(data) first, or pass { metadata }.");
    return m instanceof Metadata ? m : Metadata.fromJSON(m);
  }

  /** True after `fit`. */
  get isFitted(): boolean {
    return this.fitted !== undefined;
  }

  /** Constraints in force (validated). */
  get constraints(): readonly Constraint[] {
    return this.baseOptions.constraints;
  }

  protected abstract fitModel(enc: Encoded, rng: Rng, onProgress: ProgressCallback | undefined): void;
  /** Draws `n` rows of model columns (one Float64Array per model column). */
  protected abstract sampleModel(n: number, rng: Rng, conditions: readonly ModelCondition[]): Float64Array[];
  protected abstract modelToJSON(): unknown;
  protected abstract modelFromJSON(json: unknown): void;

  /** The real table's learned (modelled) and generated (id, personal data) column names (after fit). */
  protected get fittedColumns(): { readonly modelled: readonly string[]; readonly generated: readonly string[] } {
    const f = this.state("fittedColumns");
    return { modelled: f.modelled, generated: f.generated.map((g) => g.name) };
  }

  /** The model columns' transforms (after fit). */
  protected get transformer(): TableTransformer {
    return this.state("transformer").transformer;
  }

  private state(what: string): Fitted {
    if (!this.fitted) throw new ParamError(`${this.constructor.name}.${what}`, "this", undefined, `the synthesizer is not fitted yet: call fit(data) first.`);
    return this.fitted;
  }

  /**
   * Learns the table.
   * @param data - a Table, a danfo DataFrame or an array of records
   * @param options - `onProgress(done, total, note)` for long fits
   * @returns this
   * @throws DataError for an empty table, a column that is all missing, a metadata kind that does not fit, a constraint the real rows break
   */
  fit(data: TableInput, options: { onProgress?: ProgressCallback } = {}): this {
    const where = `${this.constructor.name}.fit`;
    const onProgress = checkProgress(where, options.onProgress);
    const table = asTable(data, where);
    if (table.nRows === 0 || table.nColumns === 0) throw new DataError(where, "data", table.shape, `the table is empty (${table.nRows} rows × ${table.nColumns} columns); a synthesizer needs rows to learn from.`);
    const m = this.baseOptions.metadata;
    const metadata = m === undefined ? detectMetadata(table) : m instanceof Metadata ? m.copy() : Metadata.fromJSON(m);
    metadata.validate(table, where);
    const rng = this.rng.spawn(1)[0]!;
    const storage: StorageSpec[] = [];
    const generated: GeneratedState[] = [];
    const modelled: Column[] = [];
    const columnsMeta: Record<string, ColumnMetadata> = {};
    for (const col of table.columns) {
      const meta = metadata.columns[col.name]!;
      const spec = storageSpec(col, meta);
      storage.push(spec);
      if (meta.sdtype === "id" || isPiiSdtype(meta.sdtype)) {
        generated.push(fitGenerated(col, meta, rng));
        continue;
      }
      const canon = toCanonical(col, meta, spec, where);
      modelled.push(canon);
      columnsMeta[col.name] = { ...meta, ...numericSummary(canon, meta) };
    }
    if (modelled.length === 0) {
      throw new DataError(where, "data", table.columnNames, "every column is an id or personal data, so there is nothing to learn; declare some column numerical or categorical with metadata.update.");
    }
    const canonical = new Table(modelled);
    // every constraint is fitted (and checked against the real rows) on the canonical table, then the
    // transforms run in order; a constraint whose columns an earlier one replaced is enforced by rejection
    const constraints: FittedConstraint[] = this.baseOptions.constraints.map((spec) => {
      for (const c of constraintColumns(spec)) {
        if (!(c in columnsMeta) && table.columnNames.includes(c)) {
          throw new ParamError(where, "constraints", spec, `constraint ${show(spec.type)} uses column '${c}', which is ${metadata.columns[c]!.sdtype} (generated, not learned); constraints apply to numerical, datetime, categorical and boolean columns.`);
        }
      }
      return fitConstraint(spec, canonical, columnsMeta, where);
    });
    let modelTable = canonical;
    let cols = columnsMeta;
    for (const fc of constraints) {
      const out = fc.transform(modelTable, cols);
      modelTable = out.table;
      cols = out.columns;
    }
    const transformer = TableTransformer.fit(modelTable, cols, this.transformerOptions(), where);
    const enc = transformer.transform(modelTable, rng);
    const realRows = this.baseOptions.avoidCopies ? RealValueFilter.fromValues(rowKeys(canonical, canonical.columnNames), rng) : undefined;
    this.fitted = { metadata, columnOrder: table.columnNames, modelled: canonical.columnNames, storage, generated, constraints, transformer, nRealRows: table.nRows, realRows };
    this.fitModel(enc, rng, onProgress);
    if (this.encoding === "onehot") {
      // decode missing indicators and one-hot blocks at the real rates (see TableTransformer.calibrate)
      const n = Math.min(20_000, Math.max(2_000, 4 * table.nRows));
      transformer.calibrate({ n, columns: this.sampleModel(n, rng.spawn(1)[0]!, []) });
    }
    return this;
  }

  private transformerOptions(): TransformerOptions {
    return {
      encoding: this.encoding,
      enforceMinMax: this.baseOptions.enforceMinMax,
      enforceRounding: this.baseOptions.enforceRounding,
      maxLevels: this.maxLevels,
      standardize: true,
    };
  }

  /**
   * Draws `n` synthetic rows with every real column, stored as the real ones.
   * Rows [0, n) of the draw {@link sampleChunks} describes: `sample(n, { seed })` is a prefix of
   * `sample(m > n, { seed })`, and equals `sampleRows(0, n, { seed })`.
   * @param n - rows (integer >= 0)
   * @param options - `seed`, `conditions`, `onProgress`, `maxTriesPerRow`
   * @returns a Table
   * @throws ParamError for a condition on an unknown column or with a value the real data never has; DataError when rejection cannot produce `n` rows
   */
  sample(n: number, options: SampleOptions = {}): Table {
    const where = `${this.constructor.name}.sample`;
    this.state("sample");
    checkInteger(where, "n", n, 0);
    const draw = this.prepareDraw(where, options, n, false);
    const parts: Column[][] = [];
    for (const part of this.drawBlocks(where, 0, n, draw)) parts.push(part);
    return this.storedTable(parts.length === 1 ? parts[0]! : this.fitted!.columnOrder.map((_, j) => concatColumns(parts.map((p) => p[j]!), n)));
  }

  /**
   * Rows [start, start + count) of the draw seeded with `seed`: the same rows as
   * `sample(start + count, { seed }).slice(start)`, computed without the rows before `start`
   * (beyond the rest of their block). Shards of a large table, on any number of processes or
   * machines, concatenate to the single draw.
   * @param start - first row index (integer >= 0)
   * @param count - rows (integer >= 0)
   * @param options - as `sample`'s; `seed` is required (a shard must know the draw it belongs to)
   * @returns a Table of `count` rows
   * @throws ParamError without a seed, and as `sample`
   * @example
   * const s = createSynthesizer("gaussian-copula", { seed: 1 }).fit(loadIris().frame);
   * const all = s.sample(30, { seed: 7 }).toRecords();
   * const tail = s.sampleRows(20, 10, { seed: 7 }).toRecords();
   * JSON.stringify(tail) === JSON.stringify(all.slice(20)); // => true
   */
  sampleRows(start: number, count: number, options: SampleOptions): Table {
    const where = `${this.constructor.name}.sampleRows`;
    const parts = [...this.sampleChunks(start, count, options, where)];
    if (parts.length === 1) return parts[0]!;
    return Table.concat(parts);
  }

  /**
   * Rows [start, start + count) of the draw seeded with `seed`, as one Table per block of
   * {@link BLOCK_ROWS} rows (or the part of a block inside the range): the streaming form of
   * {@link sampleRows}, holding one block in memory at a time.
   *
   * Each row is a function of (model, seed, row index) only, with every method and also with
   * constraints, conditions and `avoidCopies`: output block b (rows b·BLOCK_ROWS onwards) is
   * filled from its own streams (seed, b, attempt 0, 1, ...) — accepted rows in draw order —
   * so no block depends on another, and ids and personal data come from (seed, column, b) and
   * the row index.
   * @param start - first row index (integer >= 0)
   * @param count - rows (integer >= 0)
   * @param options - as `sample`'s; `seed` is required; `onProgress(done, count)` after each block
   * @returns an iterator of Tables whose row counts add up to `count`
   * @throws ParamError without a seed, and as `sample`
   * @example
   * const s = createSynthesizer("gaussian-copula", { seed: 1 }).fit(loadIris().frame);
   * [...s.sampleChunks(16000, 1000, { seed: 7 })].map((t) => t.nRows); // => [384, 616]
   */
  *sampleChunks(start: number, count: number, options: SampleOptions, where = `${this.constructor.name}.sampleChunks`): Generator<Table> {
    this.state(where.slice(where.lastIndexOf(".") + 1));
    checkInteger(where, "start", start, 0);
    checkInteger(where, "count", count, 0);
    const draw = this.prepareDraw(where, options ?? {}, count, true);
    for (const part of this.drawBlocks(where, start, start + count, draw)) yield this.storedTable(part);
  }

  /** Checks `sample`'s options: the draw's seed, translated conditions and limits. */
  private prepareDraw(where: string, options: SampleOptions, n: number, needSeed: boolean): Draw {
    const o = mergeOptions(where, { seed: undefined, conditions: undefined, onProgress: undefined, maxTriesPerRow: 100 } as SampleOptions, options);
    const onProgress = checkProgress(where, o.onProgress);
    checkInteger(where, "maxTriesPerRow", o.maxTriesPerRow, 1);
    if (needSeed && (o.seed === undefined || o.seed instanceof Rng)) {
      throw new ParamError(where, "seed", o.seed, "a row range needs the seed (a number or string) of the draw it belongs to: every shard of one table passes the same seed.");
    }
    const seed: SeedValue =
      o.seed === undefined ? this.rng.integers(0, 2 ** 53 - 1) : o.seed instanceof Rng ? o.seed.integers(0, 2 ** 53 - 1) : checkSeed(where, o.seed);
    const cond = this.translateConditions(where, o.conditions ?? {});
    return { seed, cond, onProgress, maxTriesPerRow: o.maxTriesPerRow!, conditions: o.conditions, n, got: 0, drawn: 0 };
  }

  /**
   * Canonical columns (in the real column order) of rows [start, end), one array per block piece.
   * Block b's rows are the first accepted rows of its draws (seed, b, attempt 0, 1, ...), so they
   * depend on nothing but (model, seed, b); generated columns on (seed, column, b) and the row index.
   */
  private *drawBlocks(where: string, start: number, end: number, draw: Draw): Generator<Column[]> {
    const fitted = this.fitted!;
    const seedNumber = typeof draw.seed === "number" ? draw.seed : 0;
    for (let b = Math.floor(start / BLOCK_ROWS); b * BLOCK_ROWS < end || (start === end && b === Math.floor(start / BLOCK_ROWS)); b++) {
      const base = b * BLOCK_ROWS;
      const lo = Math.max(0, start - base);
      const hi = Math.max(lo, Math.min(BLOCK_ROWS, end - base));
      const modelled = this.fillBlock(where, draw, b, lo, hi);
      const byName = new Map<string, Column>();
      fitted.modelled.forEach((name, j) => byName.set(name, modelled[j]!));
      fitted.generated.forEach((g, k) => {
        const fixed = draw.cond.generated.find((c) => c.name === g.name);
        if (fixed) {
          const kind = g.type === "id" && g.numeric ? "integer" : "categorical";
          byName.set(g.name, constantColumn(g.name, fixed.value, hi - lo, kind));
          return;
        }
        const col = generateColumn(g, base, hi, blockRng(draw.seed, 1 + k, b), seedNumber);
        byName.set(g.name, lo === 0 ? col : sliceColumn(col, lo, hi));
      });
      yield fitted.columnOrder.map((name) => {
        const col = byName.get(name);
        if (!col) throw new DataError(where, name, null, `internal: column '${name}' was not produced.`);
        return col;
      });
      draw.onProgress?.(Math.min(end, base + hi) - start, end - start, `${(Math.min(end, base + hi) - start).toLocaleString("en-US")} of ${(end - start).toLocaleString("en-US")} rows`);
      if (start === end) break;
    }
  }

  /**
   * Model columns (canonical) of rows [lo, hi) of output block `b`: the first `hi` accepted rows of
   * the block's draws (seed, b, attempt), each attempt a whole block so its rows never depend on `hi`.
   */
  private fillBlock(where: string, draw: Draw, b: number, lo: number, hi: number): Column[] {
    const fitted = this.fitted!;
    const { cond } = draw;
    const parts: Column[][] = [];
    let got = 0;
    const maxAttempts = Math.max(8, Math.ceil((draw.maxTriesPerRow * hi) / BLOCK_ROWS));
    for (let attempt = 0; got < hi || attempt === 0; attempt++) {
      if (attempt >= maxAttempts) {
        const what = [
          cond.all.length ? `conditions ${show(Object.fromEntries(cond.all.map((c) => [c.name, c.label])))}` : "",
          fitted.constraints.length ? "the constraints" : "",
          fitted.realRows ? "avoidCopies (no copy of a real row)" : "",
        ].filter(Boolean).join(" and ");
        const n = draw.n;
        const total = draw.got + got;
        throw new DataError(where, "conditions", draw.conditions, `drew ${draw.drawn.toLocaleString("en-US")} rows but only ${total.toLocaleString("en-US")} of the ${n.toLocaleString("en-US")} requested met ${what} (acceptance ${(total / draw.drawn).toPrecision(2)}); the model rarely produces such rows. Relax them or raise maxTriesPerRow${cond.rejection.length && !this.exactConditions ? "; the gaussian-copula method meets conditions on single columns exactly" : ""}.`);
      }
      const rng = blockRng(draw.seed, 0, b, attempt);
      const raw = this.sampleModel(BLOCK_ROWS, rng, cond.exact);
      let t = fitted.transformer.reverse({ n: BLOCK_ROWS, columns: raw }, rng);
      for (let k = fitted.constraints.length - 1; k >= 0; k--) t = fitted.constraints[k]!.reverse(t);
      const keep = this.acceptMask(t, cond, fitted.constraints);
      let rows: Table;
      if (keep) {
        const idx: number[] = [];
        for (let i = 0; i < BLOCK_ROWS && got + idx.length < hi; i++) if (keep[i]) idx.push(i);
        rows = t.take(idx);
      } else rows = t.slice(0, hi - got);
      draw.drawn += BLOCK_ROWS;
      if (rows.nRows > 0 || parts.length === 0) {
        rows = applyExactValues(rows, cond);
        parts.push(fitted.modelled.map((c) => rows.columnInfo(c)));
        got += rows.nRows;
      }
    }
    draw.got += hi - lo;
    return fitted.modelled.map((_, j) => {
      const col = concatColumns(parts.map((p) => p[j]!).filter((c, i) => i === 0 || c.values.length > 0), got);
      return lo === 0 ? col : sliceColumn(col, lo, hi);
    });
  }

  /** Canonical columns in the real order → a Table in the user's storage. */
  private storedTable(columns: readonly Column[]): Table {
    const storage = this.fitted!.storage;
    return new Table(columns.map((c, j) => fromCanonical(c, storage[j]!)));
  }

  /** Rows that keep every constraint and rejection condition (undefined: all rows). */
  private acceptMask(t: Table, cond: TranslatedConditions, constraints: readonly FittedConstraint[]): Uint8Array | undefined {
    const realRows = this.fitted!.realRows;
    if (constraints.length === 0 && cond.rejection.length === 0 && !realRows) return undefined;
    const n = t.nRows;
    const keep = new Uint8Array(n).fill(1);
    if (realRows) {
      const keys = rowKeys(t, this.fitted!.modelled);
      for (let i = 0; i < n; i++) if (realRows.has(keys[i]!)) keep[i] = 0;
    }
    for (const c of constraints) {
      const ok = c.isValid(t);
      for (let i = 0; i < n; i++) keep[i]! &= ok[i]!;
    }
    for (const c of cond.rejection) {
      const col = t.columnInfo(c.name);
      const v = col.values;
      if (col.kind === "categorical") {
        const code = c.value === null ? -1 : col.categories.indexOf(String(c.value));
        for (let i = 0; i < n; i++) if (v[i] !== code) keep[i] = 0;
      } else if (col.kind === "boolean") {
        const want = c.value === null ? -1 : c.value ? 1 : 0;
        for (let i = 0; i < n; i++) if (v[i] !== want) keep[i] = 0;
      } else {
        const want = c.value as number | null;
        const tol = c.tolerance;
        for (let i = 0; i < n; i++) {
          const x = v[i]!;
          if (want === null ? x === x : !(Math.abs(x - want) <= tol)) keep[i] = 0;
        }
      }
    }
    return keep;
  }

  /** Conditions in canonical values, split into exact model conditions and rejection. */
  private translateConditions(where: string, conditions: Readonly<Record<string, Cell>>): TranslatedConditions {
    if (conditions === null || typeof conditions !== "object" || Array.isArray(conditions)) {
      throw new ParamTypeError(where, "conditions", conditions, `'conditions' must be an object { column: value }, got ${show(conditions)}.`);
    }
    const fitted = this.fitted!;
    const out: TranslatedConditions = { exact: [], rejection: [], generated: [], all: [], fixed: [] };
    const modelNames = fitted.transformer.states.map((s) => s.name);
    for (const [name, raw] of Object.entries(conditions)) {
      const j = fitted.columnOrder.indexOf(name);
      if (j < 0) throw new ParamError(where, "conditions", name, `condition on unknown column '${name}'. Columns: ${fitted.columnOrder.join(", ")}.`);
      const meta = fitted.metadata.columns[name]!;
      const spec = fitted.storage[j]!;
      out.all.push({ name, label: raw });
      if (meta.sdtype === "id") throw new ParamError(where, "conditions", name, `column '${name}' is an id (unique in every row), so it cannot be fixed for all rows.`);
      if (isPiiSdtype(meta.sdtype)) {
        out.generated.push({ name, value: raw });
        continue;
      }
      const value = canonicalValue(where, name, raw, meta, spec);
      const k = modelNames.indexOf(name);
      const st = k >= 0 ? fitted.transformer.states[k]! : undefined;
      // the column as the constraints left it: present unchanged → check the value against its fitted state
      const tolerance = st?.type === "numerical" ? numericTolerance(st) : 0;
      if (st) checkConditionValue(where, name, value, st, this.baseOptions.enforceMinMax);
      else checkAgainstReal(where, name, value, fitted);
      const exact = st && this.exactConditions ? modelConditions(st, k, value, fitted.transformer) : undefined;
      if (exact) {
        out.exact.push(...exact);
        out.fixed.push({ name, value });
      } else out.rejection.push({ name, value, tolerance });
    }
    return out;
  }

  /** Plain JSON: options, metadata, transforms, constraints and the fitted model. */
  toJSON(): SynthesizerJSON {
    const f = this.state("toJSON");
    return {
      format: "synthlab.synthesizer",
      version: 1,
      method: this.method,
      options: { ...this.params, seed: this.baseOptions.seed, enforceMinMax: this.baseOptions.enforceMinMax, enforceRounding: this.baseOptions.enforceRounding, avoidCopies: this.baseOptions.avoidCopies, constraints: this.baseOptions.constraints },
      metadata: f.metadata.toJSON(),
      columnOrder: f.columnOrder,
      modelled: f.modelled,
      storage: f.storage,
      generated: f.generated,
      constraints: f.constraints.map((c) => c.toJSON()),
      transformer: f.transformer.toJSON(),
      model: this.modelToJSON(),
      nRealRows: f.nRealRows,
      ...(f.realRows ? { realRows: f.realRows.toJSON() } : {}),
    };
  }

  /** @internal restores the fitted state from {@link toJSON}'s output (used by `loadSynthesizer`). */
  restore(json: SynthesizerJSON): this {
    this.fitted = {
      metadata: Metadata.fromJSON(json.metadata),
      columnOrder: json.columnOrder,
      modelled: json.modelled,
      storage: json.storage,
      generated: json.generated,
      constraints: json.constraints.map((c) => constraintFromJSON(c)),
      transformer: TableTransformer.fromJSON(json.transformer),
      nRealRows: json.nRealRows,
      realRows: json.realRows ? RealValueFilter.fromJSON(json.realRows) : undefined,
    };
    this.modelFromJSON(json.model);
    return this;
  }

  /** A one-line description. */
  toString(): string {
    const f = this.fitted;
    return `${this.constructor.name}(${f ? `fitted on ${f.nRealRows} rows × ${f.columnOrder.length} columns` : "not fitted"})`;
  }
}

/** One draw's settings and running counts (for the rejection message). */
interface Draw {
  seed: SeedValue;
  cond: TranslatedConditions;
  onProgress: ProgressCallback | undefined;
  maxTriesPerRow: number;
  conditions: SampleOptions["conditions"];
  /** Rows requested. */
  n: number;
  got: number;
  drawn: number;
}

interface TranslatedConditions {
  exact: ModelCondition[];
  rejection: { name: string; value: Cell; tolerance: number }[];
  generated: { name: string; value: Cell }[];
  fixed: { name: string; value: Cell }[];
  all: { name: string; label: unknown }[];
}

function constraintColumns(spec: Constraint): string[] {
  switch (spec.type) {
    case "inequality":
      return [spec.lowColumn, spec.highColumn];
    case "range":
      return [spec.lowColumn, spec.middleColumn, spec.highColumn];
    case "fixedCombinations":
      return [...spec.columns];
    case "linear":
      return [spec.column, spec.from];
    default:
      return [spec.column];
  }
}

/** decimals, min, max and representation of a canonical numerical column (what constraints need). */
function numericSummary(col: Column, meta: ColumnMetadata): Partial<ColumnMetadata> {
  if (col.kind !== "numeric" && col.kind !== "integer" && col.kind !== "datetime") return {};
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < col.values.length; i++) {
    const v = col.values[i]!;
    if (v !== v) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const dec = col.kind === "numeric" && meta.decimals === undefined ? Math.min(15, maxDecimals(col.values)) : 0;
  if (col.kind === "datetime") return { min, max };
  return { min, max, decimals: meta.decimals ?? (col.kind === "integer" ? 0 : dec), representation: col.kind === "integer" ? "integer" : "decimal" };
}

function numericTolerance(st: ColumnState): number {
  if (st.type !== "numerical") return 0;
  if (st.kind === "datetime") return st.resolution / 2;
  const d = st.kind === "integer" ? 0 : st.decimals;
  return d < 0 ? 1e-9 * Math.max(1, Math.abs(st.max), Math.abs(st.min)) : 0.5 * 10 ** -d * (1 + 1e-9);
}

/** A user's condition value in canonical form (booleans, epoch ms, numbers, category labels). */
function canonicalValue(where: string, name: string, raw: Cell, meta: ColumnMetadata, spec: StorageSpec): Cell {
  if (raw === null || raw === undefined || (typeof raw === "number" && Number.isNaN(raw))) return null;
  const bad = (what: string): never => {
    throw new ParamError(where, "conditions", raw, `condition on '${name}': ${show(raw)} is not ${what}.`);
  };
  switch (meta.sdtype) {
    case "boolean": {
      if (typeof raw === "boolean") return raw;
      if (raw === 0 || raw === 1) return raw === 1;
      if (typeof raw === "string" && spec.boolLabels) {
        if (raw === spec.boolLabels[1]) return true;
        if (raw === spec.boolLabels[0]) return false;
        return bad(`one of ${show(spec.boolLabels)}`);
      }
      return bad("true or false");
    }
    case "numerical": {
      const v = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN;
      return Number.isFinite(v) ? v : bad("a number");
    }
    case "datetime": {
      if (raw instanceof Date) return raw.getTime();
      if (typeof raw === "number") return spec.epochUnit === "s" ? raw * 1000 : raw;
      if (typeof raw === "string") {
        const t = spec.datetimeFormat ? compileDatetimeFormat(spec.datetimeFormat).parse(raw) : Date.parse(raw);
        return Number.isNaN(t) ? bad(`a date${spec.datetimeFormat ? ` in the format ${show(spec.datetimeFormat)}` : ""}`) : t;
      }
      return bad("a date");
    }
    default:
      return raw instanceof Date ? raw.toISOString() : String(raw);
  }
}

function checkConditionValue(where: string, name: string, value: Cell, st: ColumnState, enforceMinMax: boolean): void {
  if (st.type === "discrete") {
    if (levelOf(st, value) < 0) {
      const real = st.levels.filter((l) => l !== null);
      throw new ParamError(where, "conditions", value, `condition on '${name}': ${show(value)} never occurs in the real column${st.levels.includes(null) ? "" : " (which has no missing values)"}; real values: ${show(real)}.`);
    }
    return;
  }
  if (value === null) {
    if (st.missingRate === 0) throw new ParamError(where, "conditions", value, `condition on '${name}': the real column has no missing values, so null is impossible.`);
    return;
  }
  const v = value as number;
  if (enforceMinMax && (v < st.min || v > st.max)) {
    const fmt = (x: number) => (st.kind === "datetime" ? new Date(x).toISOString() : String(x));
    throw new ParamError(where, "conditions", value, `condition on '${name}': ${fmt(v)} is outside the real range [${fmt(st.min)}, ${fmt(st.max)}] (pass enforceMinMax: false to the synthesizer to allow it).`);
  }
  if (st.kind !== "datetime" && st.decimals >= 0) {
    const d = st.kind === "integer" ? 0 : st.decimals;
    if (roundTo(v, d) !== v) throw new ParamError(where, "conditions", value, `condition on '${name}': ${v} has more decimals than the real column (${d}), so no synthetic row can have it.`);
  }
}

function checkAgainstReal(where: string, name: string, value: Cell, fitted: Fitted): void {
  // a column replaced by a constraint's transform: check the value's kind and range from the metadata
  const meta = fitted.metadata.columns[name]!;
  if (value === null) return;
  if ((meta.sdtype === "numerical" || meta.sdtype === "datetime") && typeof value !== "number") {
    throw new ParamError(where, "conditions", value, `condition on '${name}': ${show(value)} is not a number.`);
  }
}

/** Exact model conditions for one column's value, or undefined when the method cannot condition on it exactly. */
function modelConditions(st: ColumnState, k: number, value: Cell, transformer: TableTransformer): ModelCondition[] | undefined {
  let j = 0;
  for (let s = 0; s < k; s++) {
    const o = transformer.states[s]!;
    j += o.type === "numerical" ? (o.missingRate > 0 ? 2 : 1) : 1;
  }
  if (transformer.options.encoding !== "uniform") return undefined;
  if (st.type === "discrete") {
    const lvl = levelOf(st, value);
    let lo = 0;
    for (let q = 0; q < lvl; q++) lo += st.frequencies[q]!;
    return [{ column: j, lo, hi: lo + st.frequencies[lvl]! }];
  }
  const present = 1 - st.missingRate;
  if (value === null) return [{ column: j + 1, lo: present, hi: 1 }];
  const half = numericTolerance(st);
  const conds: ModelCondition[] = [{ column: j, lo: (value as number) - half, hi: (value as number) + half }];
  if (st.missingRate > 0) conds.push({ column: j + 1, lo: 0, hi: present });
  return conds;
}

/** Overwrites exactly-conditioned columns with the requested value (the model put them within rounding of it). */
function applyExactValues(t: Table, cond: TranslatedConditions): Table {
  let out = t;
  for (const f of cond.fixed) {
    const col = out.columnInfo(f.name);
    if (col.kind === "numeric" || col.kind === "integer" || col.kind === "datetime") {
      const v = new Float64Array(out.nRows).fill(f.value === null ? NaN : (f.value as number));
      out = out.withColumn(f.name, v, col.kind);
    }
  }
  return out;
}

function constantColumn(name: string, value: Cell, n: number, kind: Column["kind"]): Column {
  if (kind === "integer" || kind === "numeric") return { name, kind, values: new Float64Array(n).fill(value === null ? NaN : Number(value)) };
  const codes = new Int32Array(n).fill(value === null ? -1 : 0);
  return { name, kind: "categorical", values: codes, categories: value === null ? [] : [String(value)] };
}

/** Rows [lo, hi) of a column (views of its arrays). */
function sliceColumn(col: Column, lo: number, hi: number): Column {
  return { ...col, values: col.values.subarray(lo, hi) } as Column;
}

/** Concatenates columns of one name and kind (categoricals merged by label) into `n` rows. */
export function concatColumns(parts: readonly Column[], n: number): Column {
  const first = parts[0];
  if (!first) return { name: "", kind: "numeric", values: new Float64Array(0) };
  if (parts.length === 1) return first;
  const name = first.name;
  if (first.kind === "categorical") {
    const categories: string[] = [];
    const index = new Map<string, number>();
    const codes = new Int32Array(n);
    let o = 0;
    for (const p of parts) {
      const c = p as Column & { kind: "categorical" };
      const lut = c.categories.map((s) => {
        let k = index.get(s);
        if (k === undefined) {
          k = categories.push(s) - 1;
          index.set(s, k);
        }
        return k;
      });
      for (let i = 0; i < c.values.length; i++) codes[o++] = c.values[i]! < 0 ? -1 : lut[c.values[i]!]!;
    }
    return { name, kind: "categorical", values: codes, categories };
  }
  if (first.kind === "boolean") {
    const v = new Int8Array(n);
    let o = 0;
    for (const p of parts) (v.set(p.values as Int8Array, o), (o += p.values.length));
    return { name, kind: "boolean", values: v };
  }
  const v = new Float64Array(n);
  let o = 0;
  for (const p of parts) (v.set(p.values as Float64Array, o), (o += p.values.length));
  return { name, kind: first.kind, values: v };
}

/** One text key per row of the named columns (cells as labels, missing as an empty mark), for copy checks. */
function rowKeys(t: Table, names: readonly string[]): string[] {
  const cols = names.map((c) => t.columnInfo(c));
  const keys: string[] = new Array(t.nRows).fill("");
  for (const col of cols) {
    const v = col.values;
    for (let i = 0; i < t.nRows; i++) {
      const x = v[i]!;
      let cell: string;
      if (col.kind === "categorical") cell = x < 0 ? "\u0000" : col.categories[x]!;
      else if (col.kind === "boolean") cell = x < 0 ? "\u0000" : x ? "1" : "0";
      else cell = x !== x ? "\u0000" : String(x);
      keys[i] += cell + "\u0001";
    }
  }
  return keys;
}
