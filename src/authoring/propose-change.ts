import type { EvalCase } from "../matcher/eval-cases.ts";
import type { Matcher } from "../matcher/match-result.ts";
import { runEval } from "../matcher/run-eval.ts";
import { normaliseTrigger } from "../playbooks/lint-playbooks.ts";
import type { Playbook } from "../playbooks/playbook-schema.ts";
import type { QuestionGroup } from "./group-questions.ts";
import { maskPersonalData } from "./mask-personal-data.ts";
import { groupNotAQuestion, type NotAQuestion } from "./not-a-question.ts";

export interface EvalSet {
  name: string;
  cases: EvalCase[];
}

export interface SetScore {
  set: string;
  top1: number;
  oosPrecision: number;
  oosRecall: number;
}

/** What the inbox proposes for one group. It never edits a playbook: the author applies it, or not. */
export type Proposal =
  | {
      kind: "trigger";
      playbook: string;
      phrase: string;
      /** How many of the group's askings the matcher answers with `playbook` before and after the change. */
      covers: { before: number; after: number; of: number };
      /** The project's eval sets before and after: none may be lower. */
      eval: { before: SetScore; after: SetScore }[];
    }
  /** The playbooks changed since these were asked, and the matcher now answers all of them. */
  | { kind: "answered-now"; playbook: string }
  | { kind: "new-topic"; reason: string }
  /** Chatter or keyboard mashes: not questions, so there is nothing to write. */
  | { kind: "not-a-question"; what: NotAQuestion };

export interface ProposalContext {
  playbooks: readonly Playbook[];
  /** The matcher over today's playbooks. */
  matcher: Matcher;
  /** Builds a matcher over a changed catalogue (the same options as `matcher`). */
  build: (playbooks: readonly Playbook[]) => Matcher;
  sets: readonly EvalSet[];
  /** The sets scored with `matcher`, in the order of `sets`. */
  baseline: readonly SetScore[];
}

/**
 * How strongly a playbook must be leaned to before a trigger is proposed for it: a guess recorded when the
 * question was asked may be weak (that is why it is in the inbox), but the matcher reading the group's
 * wordings together now must reach its own answer threshold, or the group is a new topic.
 */
const minLean = 0.1;
const minLeanNow = 0.25;
const maxPhraseWords = 14;

export function scoreSets(matcher: Matcher, sets: readonly EvalSet[]): SetScore[] {
  return sets.map((s) => {
    const r = runEval(matcher, s.cases);
    return { set: s.name, top1: r.top1, oosPrecision: r.oosPrecision, oosRecall: r.oosRecall };
  });
}

/**
 * Proposes a trigger phrase for the playbook the group leans to, but only if adding it makes the group's
 * questions match that playbook and lowers none of the project's eval figures; otherwise "a new topic",
 * saying why. Deterministic: candidates are tried in a fixed order.
 */
export function proposeChange(group: QuestionGroup, ctx: ProposalContext): Proposal {
  const chatter = groupNotAQuestion(group);
  if (chatter) return { kind: "not-a-question", what: chatter };
  if (group.questions.every((q) => q.kind === "out-of-scope")) {
    return { kind: "new-topic", reason: "the matcher reads these as outside the guide's articles" };
  }
  const phrase = phraseFor(group);
  if (!phrase) return { kind: "new-topic", reason: "the questions have no words a trigger could use" };
  const rejections: string[] = [];
  const candidates = leanings(group, ctx.matcher);
  const first = candidates[0];
  if (first && covered(group, ctx.matcher, first) === group.asked) return { kind: "answered-now", playbook: first };
  for (const playbook of candidates) {
    const target = ctx.playbooks.find((p) => p.id === playbook);
    if (!target) continue;
    if (target.triggers.phrases.some((t) => normaliseTrigger(t) === normaliseTrigger(phrase))) continue;
    const changed = ctx.playbooks.map((p) =>
      p.id === playbook ? { ...p, triggers: { ...p.triggers, phrases: [...p.triggers.phrases, phrase] } } : p,
    );
    const after = ctx.build(changed);
    const covers = {
      before: covered(group, ctx.matcher, playbook),
      after: covered(group, after, playbook),
      of: group.asked,
    };
    const scores = scoreSets(after, ctx.sets);
    const lowered = scores.filter((s, i) => lowerThan(s, ctx.baseline[i]!)).map((s) => s.set);
    if (lowered.length > 0) {
      rejections.push(`a trigger on ${playbook} would lower ${lowered.join(", ")}`);
      continue;
    }
    if (covers.after <= covers.before) {
      rejections.push(`a trigger on ${playbook} would not change what these questions match`);
      continue;
    }
    const evalChange = scores.map((s, i) => ({ before: ctx.baseline[i]!, after: s }));
    return { kind: "trigger", playbook, phrase, covers, eval: evalChange };
  }
  const why = rejections.length > 0 ? rejections.join("; ") : "no playbook is close to these questions";
  return { kind: "new-topic", reason: why };
}

/** The playbooks to try, most likely first: what the matcher guessed when they were asked, then what it thinks now. */
function leanings(group: QuestionGroup, matcher: Matcher): string[] {
  const votes = new Map<string, number>();
  for (const q of group.questions) {
    if (q.bestGuess && (q.confidence ?? 1) >= minLean) votes.set(q.bestGuess, (votes.get(q.bestGuess) ?? 0) + q.count);
  }
  const voted = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([p]) => p);
  const now = matcher.match(group.representatives.map((q) => q.text).join(". "));
  const ranked = [
    now.playbook !== null ? { playbook: now.playbook, confidence: now.confidence } : undefined,
    ...now.alternatives,
  ]
    .filter((c) => c !== undefined && c.confidence >= minLeanNow)
    .map((c) => c!.playbook);
  return [...new Set([...voted, ...ranked])].slice(0, 3);
}

function covered(group: QuestionGroup, matcher: Matcher, playbook: string): number {
  let n = 0;
  for (const q of group.questions) {
    const r = matcher.match(q.text);
    if (r.kind !== "no-match" && r.kind !== "ambiguous" && r.playbook === playbook) n += q.count;
  }
  return n;
}

const epsilon = 1e-9;
function lowerThan(after: SetScore, before: SetScore): boolean {
  return (
    after.top1 < before.top1 - epsilon ||
    after.oosPrecision < before.oosPrecision - epsilon ||
    after.oosRecall < before.oosRecall - epsilon
  );
}

/** The most asked question, masked and trimmed to a trigger's length: a phrase the author edits, not a verdict. */
function phraseFor(group: QuestionGroup): string | undefined {
  const text = maskPersonalData(group.representatives[0]?.text ?? "");
  const words = normaliseTrigger(text.replace(/\[[a-z ]+\]/g, " "))
    .split(" ")
    .filter(Boolean);
  return words.length > 0 ? words.slice(0, maxPhraseWords).join(" ") : undefined;
}
