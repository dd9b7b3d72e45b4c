/**
 * The report's verdict: one plain sentence per property, with the
 * thresholds that turn a score into "close", "fair" or "far" stated, and
 * the worst column or pair named. Internal to the quality report; its
 * result is public as `QualityReport.verdict`.
 */
import type { Table } from "../core/table.js";
import type { PairTrendsResult } from "./properties/column-pair-trends.js";
import type { PrivacyResult } from "./properties/privacy.js";
import type { PropertyName, PropertyResult } from "./properties/property.js";

/** How a verdict line reads: good, fair, poor, alert (do not release as is), info (nothing to judge). */
export type VerdictLevel = "good" | "fair" | "poor" | "alert" | "info";

/** One sentence of the verdict. */
export interface VerdictLine {
  /** What the sentence is about: `"Marginals"`, `"Pairs"`, `"Validity"`, `"Detection"`, `"Utility"`, `"Copies"`, `"Closeness"`. */
  readonly topic: string;
  /** The property it summarizes. */
  readonly property: PropertyName;
  readonly level: VerdictLevel;
  /** The plain-language sentence (without the topic). */
  readonly text: string;
  /** The worst column (`"x"`) or pair (`"x × y"`) when the sentence names one. */
  readonly worst?: string;
  /** A few words for the headline when this line is among the worst ("synthetic rows copy real rows"). */
  readonly summary: string;
}

/** The verdict of a report. */
export interface Verdict {
  /** The first line a reader sees ("Do not release as is: …", "Usable with care: …", "Good: …"). */
  readonly headline: string;
  /** The worst level of the lines. */
  readonly level: VerdictLevel;
  readonly lines: readonly VerdictLine[];
  /** The thresholds, in words. */
  readonly thresholds: string;
}

/** The thresholds behind the verdict's words. */
export const VERDICT_THRESHOLDS = {
  /** Column Shapes score: close at or above `good`, fair at or above `fair`, else far. */
  shapes: { good: 0.9, fair: 0.75 },
  /** A scored pair is lost when its score is below this (|Δr| > 0.2 for correlations). Good with no lost pair, fair with at most `fairShare` of them lost. */
  pairs: { lost: 0.9, fairShare: 0.2 },
  /** Validity score. */
  validity: { good: 0.99, fair: 0.95 },
  /** The better detector's AUC: good at or below `good`, fair at or below `fair`; an AUC below chance (see `detection`'s `belowChance`) is fair, and an alert under `symptom`. */
  detectionAuc: { good: 0.6, fair: 0.75, symptom: 0.4 },
  /** Utility score (synthetic-trained over real-trained). */
  utility: { good: 0.9, fair: 0.75 },
  /** Share of synthetic rows copying real rows beyond chance: alert above `alert`, fair above `fair`. */
  copies: { alert: 0.01, fair: 0.001 },
  /** Distance score (DCR protection): good at or above `good`, fair at or above `fair`. */
  distance: { good: 0.8, fair: 0.5 },
} as const;

const T = VERDICT_THRESHOLDS;
type Line = Omit<VerdictLine, "summary">;

/** The headline's words for a line. */
function summaryOf(l: Line): string {
  const bad = l.level === "poor" || l.level === "alert";
  switch (l.topic) {
    case "Marginals":
      return bad ? "marginals far from the real ones" : "marginals only roughly kept";
    case "Pairs":
      return bad ? "relations between columns lost" : "some relations between columns lost";
    case "Validity":
      return "invalid values";
    case "Detection":
      return l.text.includes("below chance") ? "detection below chance, a sign of near copies" : bad ? "synthetic rows easy to tell from real ones" : "synthetic rows told apart fairly often";
    case "Utility":
      return bad ? "models trained on it predict poorly" : "models trained on it predict a little worse";
    case "Copies":
      return bad ? "synthetic rows copy real rows" : "a few synthetic rows copy real rows";
    case "Closeness":
      return bad ? "synthetic rows sit too close to the training rows" : "synthetic rows sit somewhat close to the training rows";
    default:
      return l.topic.toLowerCase();
  }
}
const pct = (v: number, digits = 1): string => `${(v * 100).toFixed(digits)}%`;
const f3 = (v: number): string => v.toFixed(3);
const rank: Record<VerdictLevel, number> = { info: 0, good: 1, fair: 2, poor: 3, alert: 4 };
const tier = (v: number, good: number, fair: number): VerdictLevel => (v >= good ? "good" : v >= fair ? "fair" : "poor");

function col<T>(t: Table, name: string): T[] {
  return Array.from(t.column(name) as unknown as ArrayLike<T>);
}

function shapesLine(p: PropertyResult): Line {
  const names = col<string>(p.details, "column");
  const metric = col<string>(p.details, "metric");
  const score = col<number>(p.details, "score");
  let worst = -1;
  let missing = -1;
  score.forEach((s, i) => {
    if (!Number.isFinite(s)) return;
    if (metric[i] === "MissingValueSimilarity") {
      if (missing < 0 || s < score[missing]!) missing = i;
    } else if (worst < 0 || s < score[worst]!) worst = i;
  });
  const level = tier(p.score, T.shapes.good, T.shapes.fair);
  const word = level === "good" ? "close" : level === "fair" ? "roughly kept" : "far apart";
  let text = `${word} (Column Shapes ${f3(p.score)})`;
  if (worst >= 0 && score[worst]! < 1) text += `; ${level === "good" ? "weakest" : "worst"} column ${names[worst]} (${f3(score[worst]!)})`;
  if (missing >= 0 && score[missing]! < 0.99) text += `; missing values: ${names[missing]} off by ${pct(1 - score[missing]!)}`;
  return { topic: "Marginals", property: p.name, level, text: `${text}.`, ...(worst >= 0 && score[worst]! < 1 ? { worst: names[worst]! } : {}) };
}

function pairsLine(p: PairTrendsResult): Line {
  const c1 = col<string>(p.details, "column 1");
  const c2 = col<string>(p.details, "column 2");
  const metric = col<string>(p.details, "metric");
  const score = col<number>(p.details, "score");
  const rReal = col<number>(p.details, "real correlation");
  const rSyn = col<number>(p.details, "synthetic correlation");
  const meets = col<boolean | null>(p.details, "meets threshold");
  const scored = score.map((_, i) => i).filter((i) => Number.isFinite(score[i]!) && meets[i] === true);
  const used = scored.length ? scored : score.map((_, i) => i).filter((i) => Number.isFinite(score[i]!));
  const unscored = score.filter((s, i) => Number.isFinite(s) && meets[i] !== true).length;
  const lost = used.filter((i) => score[i]! < T.pairs.lost);
  const corr = used.filter((i) => metric[i] === "CorrelationSimilarity");
  const noun = corr.length === used.length ? "correlations" : "relations";
  if (!used.length) return { topic: "Pairs", property: p.name, level: "info", text: "no pair could be scored." };
  const worst = used.reduce((a, b) => (score[b]! < score[a]! ? b : a));
  const pair = `${c1[worst]} × ${c2[worst]}`;
  const how =
    metric[worst] === "CorrelationSimilarity"
      ? `real r ${rReal[worst]!.toFixed(2)}, synthetic ${rSyn[worst]!.toFixed(2)}`
      : `contingency score ${f3(score[worst]!)}`;
  const level: VerdictLevel = lost.length === 0 ? "good" : lost.length <= T.pairs.fairShare * used.length ? "fair" : "poor";
  const head = lost.length === 0 ? `all ${used.length} ${noun} ${scored.length ? "with a real trend " : ""}kept` : `${lost.length} of ${used.length} ${noun} lost`;
  const rest = unscored && scored.length ? `; ${unscored} more pairs with no real trend are shown in the details, not scored` : "";
  return { topic: "Pairs", property: p.name, level, text: `${head}, ${lost.length ? "worst" : "weakest"} ${pair} (${how})${rest}.`, worst: pair };
}

function validityLine(p: PropertyResult): Line {
  const names = col<string>(p.details, "column");
  const metric = col<string>(p.details, "metric");
  const score = col<number>(p.details, "score");
  let worst = -1;
  score.forEach((s, i) => {
    if (Number.isFinite(s) && (worst < 0 || s < score[worst]!)) worst = i;
  });
  const level = tier(p.score, T.validity.good, T.validity.fair);
  let text = `${pct(p.score)} of synthetic values valid (within the real range, a real category${metric.includes("MissingValueSimilarity") ? ", missing as often" : ""})`;
  if (worst >= 0 && score[worst]! < 1) text += `; worst column ${names[worst]} (${metric[worst] === "MissingValueSimilarity" ? "missing share off by " + pct(1 - score[worst]!) : pct(score[worst]!) + " valid"})`;
  return { topic: "Validity", property: p.name, level, text: `${text}.`, ...(worst >= 0 && score[worst]! < 1 ? { worst: names[worst]! } : {}) };
}

function detectionLine(p: PropertyResult): Line {
  const metric = col<string>(p.details, "metric");
  const value = col<number>(p.details, "value");
  const score = col<number>(p.details, "score");
  const det = metric.map((_, i) => i).filter((i) => metric[i]!.includes("(ROC AUC)") && Number.isFinite(value[i]!));
  if (!det.length) return { topic: "Detection", property: p.name, level: "info", text: "no detector could be fitted (see the details)." };
  const best = det.reduce((a, b) => (score[b]! < score[a]! ? b : a));
  const auc = value[best]!;
  const who = metric[best]!.startsWith("Forest") ? "a random forest" : "a logistic regression";
  const below = det.filter((i) => value[i]! < 0.5).reduce((a, b) => (value[b]! < value[a]! ? b : a), best);
  if (p.notes.some((n) => n.startsWith("Symptom")) && value[below]! < 0.5) {
    const low = value[below]!;
    const whoLow = metric[below]!.startsWith("Forest") ? "a random forest" : "a logistic regression";
    const level: VerdictLevel = low < T.detectionAuc.symptom ? "alert" : "fair";
    return {
      topic: "Detection",
      property: p.name,
      level,
      text: `${whoLow} scores AUC ${low.toFixed(2)}, ${level === "alert" ? "far " : ""}below chance (0.5): a symptom of synthetic rows that copy or nearly copy real ones (the detector meets a real row's twin on the other side), not a perfect score.`,
    };
  }
  const level: VerdictLevel = auc <= T.detectionAuc.good ? "good" : auc <= T.detectionAuc.fair ? "fair" : "poor";
  const word = level === "good" ? "hard to tell apart" : level === "fair" ? "told apart fairly often" : "easy to tell apart";
  return { topic: "Detection", property: p.name, level, text: `${word}: ${who} reaches AUC ${auc.toFixed(2)} (0.5 = cannot tell, 1 = always can).` };
}

function utilityLine(p: PropertyResult): Line {
  if (!Number.isFinite(p.score)) return { topic: "Utility", property: p.name, level: "info", text: "could not be measured (see the details)." };
  const level = tier(p.score, T.utility.good, T.utility.fair);
  return { topic: "Utility", property: p.name, level, text: `a model trained on synthetic rows reaches ${pct(p.score, 0)} of the real-trained model's score on real test rows.` };
}

function privacyLines(p: PrivacyResult): Line[] {
  const out: Line[] = [];
  const c = p.copies;
  if (c) {
    const copyText = (share: number, n: number) => `${pct(share)} of rows (${n.toLocaleString("en-US")}) are copies of real rows`;
    const expected = `expected by chance ${pct(c.expectedShare, 2)}`;
    if (c.excessShare > T.copies.alert) {
      out.push({ topic: "Copies", property: p.name, level: "alert", text: `${copyText(c.nearShare, c.nearCopies)} (${c.exactCopies.toLocaleString("en-US")} exact; ${expected}) — do not release.` });
    } else if (c.excessShare > T.copies.fair) {
      out.push({ topic: "Copies", property: p.name, level: "fair", text: `${copyText(c.nearShare, c.nearCopies)} (${expected}): remove them before release.` });
    } else {
      out.push({ topic: "Copies", property: p.name, level: "good", text: c.nearCopies ? `${copyText(c.nearShare, c.nearCopies)}, no more than chance gives (${expected}).` : `none of the ${c.nSynthetic.toLocaleString("en-US")} synthetic rows copies a real row.` });
    }
  }
  if (Number.isFinite(p.distanceScore)) {
    const holdout = col<string>(p.details, "metric").includes("DCROverfittingProtection");
    let level = tier(p.distanceScore, T.distance.good, T.distance.fair);
    let text: string;
    if (holdout) {
      text =
        level === "good"
          ? `synthetic rows are no closer to the training rows than to unseen real rows (DCROverfittingProtection ${f3(p.distanceScore)}).`
          : `synthetic rows sit closer to the training rows than to unseen real rows (DCROverfittingProtection ${f3(p.distanceScore)}): the synthesizer memorizes.`;
    } else if (level === "good") {
      text = `synthetic rows are as far from real rows as random rows are (DCRBaselineProtection ${f3(p.distanceScore)}).`;
    } else {
      // a faithful synthesizer also sits closer to real rows than uniform random rows do: without a holdout this cannot be judged
      level = "info";
      text = `synthetic rows sit closer to real rows than uniform random rows do (DCRBaselineProtection ${f3(p.distanceScore)}), as faithful data does too; pass a holdout to tell memorization from fidelity.`;
    }
    out.push({ topic: "Closeness", property: p.name, level, text });
  }
  return out;
}

/**
 * The verdict of a set of properties (those computed; each one's own rules).
 * @internal used by the quality report
 */
export function verdictOf(properties: readonly PropertyResult[]): Verdict {
  const lines: VerdictLine[] = [];
  const push = (...ls: Omit<VerdictLine, "summary">[]) => lines.push(...ls.map((l) => ({ ...l, summary: summaryOf(l) })));
  for (const p of properties) {
    switch (p.name) {
      case "Column Shapes":
        push(shapesLine(p));
        break;
      case "Column Pair Trends":
        push(pairsLine(p as PairTrendsResult));
        break;
      case "Validity":
        push(validityLine(p));
        break;
      case "Detection":
        push(detectionLine(p));
        break;
      case "Utility":
        push(utilityLine(p));
        break;
      case "Privacy":
        push(...privacyLines(p as PrivacyResult));
        break;
      default: {
        const never: never = p.name;
        throw new Error(`unknown property ${String(never)}`);
      }
    }
  }
  const level = lines.reduce<VerdictLevel>((a, l) => (rank[l.level] > rank[a] ? l.level : a), "info");
  const worst = lines.filter((l) => l.level === level).map((l) => l.summary);
  const headline =
    level === "alert"
      ? `Do not release as is: ${worst.join(" and ")}.`
      : level === "poor"
        ? `Not ready: ${worst.join("; ")} (see the red lines).`
        : level === "fair"
          ? `Usable with care: ${worst.join("; ")}.`
          : level === "good"
            ? "Good: every measured property is close to the real data."
            : "Nothing could be judged.";
  const thresholds =
    `Thresholds: marginals close at Column Shapes ≥ ${T.shapes.good}, fair ≥ ${T.shapes.fair}; a pair is lost when its score < ${T.pairs.lost} (a correlation off by more than 0.2), fair while at most ${pct(T.pairs.fairShare, 0)} of pairs are lost; ` +
    `validity good ≥ ${pct(T.validity.good, 0)}, fair ≥ ${pct(T.validity.fair, 0)}; detection good at AUC ≤ ${T.detectionAuc.good}, fair ≤ ${T.detectionAuc.fair}, and an AUC more than max(0.03, 3 standard errors) below 0.5 is a symptom (fair; an alert under ${T.detectionAuc.symptom}); ` +
    `utility good ≥ ${pct(T.utility.good, 0)}, fair ≥ ${pct(T.utility.fair, 0)}; copies beyond chance: do not release above ${pct(T.copies.alert, 0)}, remove above ${pct(T.copies.fair)}; ` +
    `closeness good at a DCR protection ≥ ${T.distance.good}, fair ≥ ${T.distance.fair} (without a holdout, a lower DCRBaselineProtection is shown but not judged).`;
  return { headline, level, lines, thresholds };
}
