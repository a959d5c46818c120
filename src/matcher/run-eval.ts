import type { EvalCase } from "./eval-cases.ts";
import type { Matcher } from "./match-result.ts";

export interface EvalMiss {
  line: number;
  text: string;
  expect: string[] | null;
  predicted: string | null;
  kind: string;
  confidence: number;
  alternatives: string[];
  /** For a no-match: which kind of out of scope the matcher took the line for, and why. */
  outOfScopeKind?: string;
  note?: string;
}

export interface EvalReport {
  n: number;
  /** Share of in-scope lines whose chosen playbook is right (abstaining counts as wrong). */
  top1: number;
  /** Share of in-scope lines with a right playbook among the chosen one and its first two alternatives. */
  top3: number;
  /** Of the lines the matcher abstained on, the share that really were out of scope. */
  oosPrecision: number;
  /** Of the out-of-scope lines, the share the matcher abstained on. */
  oosRecall: number;
  perPlaybook: Record<string, { n: number; recall: number }>;
  misses: EvalMiss[];
  /** Accuracy per confidence band of the lines the matcher answered with a playbook (match or did-you-mean). */
  reliability: ReliabilityBand[];
  /** Share of all lines answered with a wrong playbook as a sure match (not a did-you-mean) at 80%+ confidence. */
  confidentWrong: number;
  /** How many lines that share counts. */
  confidentWrongCount: number;
}

export interface ReliabilityBand {
  /** Inclusive lower bound and exclusive upper bound (the last band includes 1). */
  from: number;
  to: number;
  /** Lines answered with a playbook at a confidence in this band. */
  answered: number;
  /** Of those, how many were right. */
  right: number;
  accuracy: number;
}

/** The confidence of a sure match that is wrong counts against the goal "at most 1% confident wrong". */
export const confidentLevel = 0.8;
const bandEdges = [0, 0.25, 0.5, 0.65, 0.8, 0.9, 1];

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Runs every case through the matcher and scores it; abstaining answers null. */
export function runEval(matcher: Matcher, cases: readonly EvalCase[]): EvalReport {
  let inScope = 0;
  let top1 = 0;
  let top3 = 0;
  let abstained = 0;
  let abstainedRightly = 0;
  let outOfScope = 0;
  const per = new Map<string, { n: number; hit: number }>();
  const misses: EvalMiss[] = [];
  const bands = bandEdges.slice(0, -1).map((from, i) => ({ from, to: bandEdges[i + 1]!, answered: 0, right: 0 }));
  let confidentWrong = 0;
  for (const c of cases) {
    const result = matcher.match(c.text);
    const predicted = result.playbook;
    const ranked = [predicted, ...result.alternatives.map((a) => a.playbook)].filter((p) => p !== null).slice(0, 3);
    if (predicted === null) abstained += 1;
    let right: boolean;
    if (c.expect === null) {
      outOfScope += 1;
      right = predicted === null;
      if (right) abstainedRightly += 1;
    } else {
      inScope += 1;
      right = predicted !== null && c.expect.includes(predicted);
      if (right) top1 += 1;
      if (ranked.some((p) => c.expect!.includes(p))) top3 += 1;
      const key = c.expect[0]!;
      const slot = per.get(key) ?? { n: 0, hit: 0 };
      slot.n += 1;
      if (right) slot.hit += 1;
      per.set(key, slot);
    }
    if (predicted !== null) {
      const band = bands.find((b) => result.confidence < b.to) ?? bands[bands.length - 1]!;
      band.answered += 1;
      if (right) band.right += 1;
      const sure = result.kind === "match" || result.kind === "fault-code";
      if (!right && sure && result.confidence >= confidentLevel) confidentWrong += 1;
    }
    if (!right) {
      const alternatives = result.alternatives.map((a) => a.playbook);
      misses.push({
        line: c.line,
        text: c.text,
        expect: c.expect,
        predicted,
        kind: result.kind,
        confidence: result.confidence,
        alternatives,
        ...(result.outOfScopeKind === undefined ? {} : { outOfScopeKind: result.outOfScopeKind }),
        ...(result.explanation.note === undefined ? {} : { note: result.explanation.note }),
      });
    }
  }
  const perPlaybook: EvalReport["perPlaybook"] = {};
  for (const id of [...per.keys()].sort()) {
    const { n, hit } = per.get(id)!;
    perPlaybook[id] = { n, recall: ratio(hit, n) };
  }
  return {
    n: cases.length,
    top1: ratio(top1, inScope),
    top3: ratio(top3, inScope),
    oosPrecision: ratio(abstainedRightly, abstained),
    oosRecall: ratio(abstainedRightly, outOfScope),
    perPlaybook,
    misses,
    reliability: bands.map((b) => ({ ...b, accuracy: ratio(b.right, b.answered) })),
    confidentWrong: cases.length === 0 ? 0 : confidentWrong / cases.length,
    confidentWrongCount: confidentWrong,
  };
}
