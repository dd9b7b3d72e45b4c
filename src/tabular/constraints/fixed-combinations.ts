/**
 * fixedCombinations: only the combinations of `columns` seen in the real
 * rows occur, SDV's FixedCombinations (e.g. city and country).
 *
 * The model learns ONE categorical column `${columns.join("#")}` in place of
 * the first of them (the others are dropped), whose levels are the seen
 * combinations, labelled as JSON arrays of the values (`["Oslo","Norway"]`).
 * Reverse splits it back into the original columns with their kinds and
 * category lists. Columns may be categorical, boolean, or integer with at
 * most {@link MAX_INTEGER_LEVELS} distinct values. A missing value is part of
 * a combination: a row passes `isValid` only when its combination, missing
 * values included, was seen.
 */
import type { Column } from "../../core/column.js";
import { ParamError, ParamTypeError, show } from "../../core/errors.js";
import { Table } from "../../core/table.js";
import type { ColumnMetadata, Constraint } from "../types.js";
import type { FittedConstraint } from "./constraint.js";
import { ConstraintBase, MAX_INTEGER_LEVELS, q, replaceMetadata, requireKind, stateObject, type BaseState } from "./shared.js";

type FixedCombinationsSpec = Extract<Constraint, { type: "fixedCombinations" }>;

/** One column of the group as the real table had it. */
interface Part {
  name: string;
  kind: "categorical" | "boolean" | "integer";
  /** categorical: the real category list (codes index it). */
  categories: string[] | null;
}

interface FixedCombinationsState extends BaseState {
  parts: Part[];
  /** The seen combinations: per column a code (categorical / boolean, -1 missing) or a value (integer, null missing). */
  combinations: (number | null)[][];
}

/**
 * Per row, the values of the parts as numbers comparable with the stored
 * combinations: categorical codes mapped through the labels (unknown label
 * -2), booleans as 0 / 1 / -1, integers as values (NaN missing).
 */
function partValues(table: Table, parts: readonly Part[]): Float64Array[] {
  return parts.map((p) => {
    const c = table.columnInfo(p.name);
    if (p.kind === "categorical") {
      if (c.kind !== "categorical") throw new ParamError("fixedCombinations", p.name, c.kind, `column ${q(p.name)} is ${c.kind}, expected categorical.`);
      const index = new Map(p.categories!.map((s, i) => [s, i]));
      const map = c.categories.map((s) => index.get(s) ?? -2);
      return Float64Array.from(c.values, (v) => (v < 0 ? -1 : map[v]!));
    }
    if (c.kind === "categorical") throw new ParamError("fixedCombinations", p.name, c.kind, `column ${q(p.name)} is categorical, expected ${p.kind}.`);
    return Float64Array.from(c.values as ArrayLike<number>, (v) => (c.kind === "boolean" && v < 0 ? -1 : v));
  });
}

/** A key for row i: the values joined (NaN for a missing integer). */
function rowKey(vals: readonly Float64Array[], i: number): string {
  let k = "";
  for (let j = 0; j < vals.length; j++) k += (j ? "," : "") + vals[j]![i]!;
  return k;
}

function comboKey(combo: readonly (number | null)[]): string {
  return combo.map((v) => (v === null ? NaN : v)).join(",");
}

class FixedCombinationsConstraint extends ConstraintBase<FixedCombinationsState, FixedCombinationsSpec> {
  private readonly index: Map<string, number>;

  constructor(spec: FixedCombinationsSpec, state: FixedCombinationsState) {
    super(spec, state);
    this.index = new Map(state.combinations.map((c, i) => [comboKey(c), i]));
  }

  get columns(): readonly string[] {
    return this.spec.columns;
  }

  private get combinedName(): string {
    return this.spec.columns.join("#");
  }

  /** The labels of the seen combinations (the combined column's categories). */
  get labels(): string[] {
    const { parts } = this.state;
    return this.state.combinations.map((combo) =>
      JSON.stringify(
        combo.map((v, j) => {
          const p = parts[j]!;
          if (p.kind === "integer") return v;
          if (v === null || v < 0) return null;
          return p.kind === "categorical" ? p.categories![v]! : v === 1;
        }),
      ),
    );
  }

  /** Per row, the index of its combination (-1 when not seen). */
  private codes(table: Table): Int32Array {
    const vals = partValues(table, this.state.parts);
    const out = new Int32Array(table.nRows);
    for (let i = 0; i < table.nRows; i++) out[i] = this.index.get(rowKey(vals, i)) ?? -1;
    return out;
  }

  isValid(table: Table): Uint8Array {
    return Uint8Array.from(this.codes(table), (c) => (c >= 0 ? 1 : 0));
  }

  transform(table: Table, columns: Record<string, ColumnMetadata>): { table: Table; columns: Record<string, ColumnMetadata> } {
    if (!ConstraintBase.hasAll(table, this.spec.columns)) return { table, columns };
    this.remember(table);
    const members = new Set(this.spec.columns);
    const first = table.columns.find((c) => members.has(c.name))!.name;
    const combined: Column = { name: this.combinedName, kind: "categorical", values: this.codes(table), categories: this.labels };
    const cols = table.columns.flatMap((c) => (c.name === first ? [combined] : members.has(c.name) ? [] : [c]));
    let meta = replaceMetadata(columns, first, { [this.combinedName]: { sdtype: "categorical" } });
    meta = Object.fromEntries(Object.entries(meta).filter(([k]) => !members.has(k) || k === this.combinedName));
    return { table: new Table(cols), columns: meta };
  }

  reverse(table: Table): Table {
    if (!this.canReverse(table, [this.combinedName])) return table;
    const src = table.columnInfo(this.combinedName);
    const n = table.nRows;
    // Combination index per row, read through the labels (the model's category list may differ in order).
    let idx: Int32Array;
    if (src.kind === "categorical") {
      const byLabel = new Map(this.labels.map((s, i) => [s, i]));
      const map = src.categories.map((s) => byLabel.get(s) ?? -1);
      idx = Int32Array.from(src.values, (v) => (v < 0 ? -1 : map[v]!));
    } else {
      const m = this.state.combinations.length;
      idx = Int32Array.from(src.values as ArrayLike<number>, (v) => (Number.isInteger(v) && v >= 0 && v < m ? v : -1));
    }
    const parts: Column[] = this.state.parts.map((p, j) => {
      const get = (i: number) => (idx[i]! < 0 ? null : this.state.combinations[idx[i]!]![j]!);
      if (p.kind === "integer") {
        return { name: p.name, kind: "integer", values: Float64Array.from({ length: n }, (_, i) => get(i) ?? NaN) };
      }
      if (p.kind === "boolean") return { name: p.name, kind: "boolean", values: Int8Array.from({ length: n }, (_, i) => get(i) ?? -1) };
      return { name: p.name, kind: "categorical", values: Int32Array.from({ length: n }, (_, i) => get(i) ?? -1), categories: p.categories! };
    });
    const cols = table.columns.flatMap((c) => (c.name === this.combinedName ? parts : [c]));
    return this.ordered(cols);
  }
}

/** The distinct present values of an integer column, up to `limit + 1`. */
function countLevels(values: Float64Array, limit: number): number {
  const seen = new Set<number>();
  for (let i = 0; i < values.length && seen.size <= limit; i++) if (values[i] === values[i]) seen.add(values[i]!);
  return seen.size;
}

/** Fits a fixedCombinations constraint (see the file comment). */
export function fitFixedCombinations(spec: FixedCombinationsSpec, table: Table, where: string): FittedConstraint {
  const what = `categorical, boolean or integer (at most ${MAX_INTEGER_LEVELS} distinct values) columns`;
  const parts: Part[] = spec.columns.map((name) => {
    const c = requireKind(where, table, "columns", name, ["categorical", "boolean", "integer"], what, "fixedCombinations");
    if (c.kind === "integer" && countLevels(c.values, MAX_INTEGER_LEVELS) > MAX_INTEGER_LEVELS) {
      throw new ParamError(
        where,
        "columns",
        name,
        `fixedCombinations needs ${what}, but column ${q(name)} has more than ${MAX_INTEGER_LEVELS} distinct values; leave it out of the group.`,
      );
    }
    return { name, kind: c.kind as Part["kind"], categories: c.kind === "categorical" ? [...c.categories] : null };
  });
  const vals = partValues(table, parts);
  const seen = new Set<string>();
  const combinations: (number | null)[][] = [];
  for (let i = 0; i < table.nRows; i++) {
    const key = rowKey(vals, i);
    if (seen.has(key)) continue;
    seen.add(key);
    combinations.push(vals.map((v) => (v[i]! !== v[i]! ? null : v[i]!)));
  }
  return new FixedCombinationsConstraint(spec, { layout: table.columnNames, applied: false, parts, combinations });
}

/** Rebuilds a fitted fixedCombinations constraint from its JSON state. */
export function fixedCombinationsFromState(spec: FixedCombinationsSpec, json: unknown, where: string): FittedConstraint {
  const s = stateObject(where, json);
  const parts = s.parts as Part[];
  const okParts =
    Array.isArray(parts) &&
    parts.length === spec.columns.length &&
    parts.every(
      (p, j) =>
        p !== null &&
        typeof p === "object" &&
        p.name === spec.columns[j] &&
        ["categorical", "boolean", "integer"].includes(p.kind) &&
        (p.kind === "categorical" ? Array.isArray(p.categories) : p.categories === null),
    );
  if (!okParts) throw new ParamTypeError(where, "state.parts", s.parts, `'state.parts' must list { name, kind, categories } for ${spec.columns.join(", ")}, got ${show(s.parts)}.`);
  const combos = s.combinations as (number | null)[][];
  if (!Array.isArray(combos) || !combos.every((c) => Array.isArray(c) && c.length === parts.length && c.every((v) => v === null || typeof v === "number"))) {
    throw new ParamTypeError(where, "state.combinations", combos, `'state.combinations' must be arrays of ${parts.length} numbers or nulls, got ${show(combos)}.`);
  }
  return new FixedCombinationsConstraint(spec, {
    layout: [...(s.layout as string[])],
    applied: s.applied as boolean,
    parts: parts.map((p) => ({ name: p.name, kind: p.kind, categories: p.categories ? [...p.categories] : null })),
    combinations: combos.map((c) => [...c]),
  });
}
