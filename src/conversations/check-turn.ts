import { buildReport } from "../analytics/build-report.ts";
import type { Store } from "../store/store.ts";
import type { DriverOutput } from "./conversation-driver.ts";
import type { ScriptTurn } from "./conversation-schema.ts";
import type { Shown } from "./shown-card.ts";

const many = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** One line per card: "overview “Relay Stuck Closed” [Start walkthrough, Escalate]". */
export function describeShown(cards: readonly Shown[]): string {
  if (cards.length === 0) return "no card";
  return cards
    .map(
      (c) =>
        `${c.kind ?? "card"} “${c.title}”${c.buttons.length ? ` [${c.buttons.map((b) => b.label).join(", ")}]` : ""}`,
    )
    .join("; ");
}

/** What in the reply contradicts the turn's `expect` and `posted`; empty when all holds. */
export function checkReply(turn: ScriptTurn, out: DriverOutput, knowsKinds = true): string[] {
  const problems: string[] = [];
  const e = turn.expect;
  if (e) {
    const cards = out.replies;
    const text = cards.map((c) => c.text).join("\n");
    const labels = cards.flatMap((c) => c.buttons.map((b) => b.label));
    const got = `got ${describeShown(cards)}`;
    if (e.cards !== undefined && cards.length !== e.cards) problems.push(`expected ${e.cards} card(s), ${got}`);
    if (knowsKinds && e.kind && !cards.some((c) => c.kind === e.kind))
      problems.push(`expected a ${e.kind} card, ${got}`);
    for (const k of knowsKinds ? many(e.not_kind) : [])
      if (cards.some((c) => c.kind === k)) problems.push(`expected no ${k} card, ${got}`);
    if (e.title && !cards.some((c) => c.title.includes(e.title ?? "")))
      problems.push(`expected a title with “${e.title}”, ${got}`);
    for (const t of many(e.text))
      if (!text.includes(t)) problems.push(`expected the text “${t}”, ${got}:\n${indent(text)}`);
    for (const t of many(e.not_text)) if (text.includes(t)) problems.push(`expected no text “${t}”, ${got}`);
    for (const b of many(e.buttons)) if (!labels.includes(b)) problems.push(`expected a button “${b}”, ${got}`);
    for (const b of many(e.not_buttons)) if (labels.includes(b)) problems.push(`expected no button “${b}”, ${got}`);
  }
  const p = turn.posted;
  if (p) {
    const cards = out.elsewhere;
    const text = cards.map((c) => c.text).join("\n");
    const got = `posted ${describeShown(cards)}`;
    if (p.count !== undefined && cards.length !== p.count)
      problems.push(`expected ${p.count} post(s) elsewhere, ${got}`);
    if (knowsKinds && p.kind && !cards.some((c) => c.kind === p.kind))
      problems.push(`expected a ${p.kind} card posted elsewhere, ${got}`);
    for (const t of many(p.text))
      if (!text.includes(t)) problems.push(`expected “${t}” posted elsewhere, ${got}:\n${indent(text)}`);
    for (const t of many(p.not_text))
      if (text.includes(t)) problems.push(`expected no “${t}” posted elsewhere, ${got}`);
  }
  return problems;
}

/** What in the store contradicts the turn's `stored`; empty when all holds. */
export async function checkStored(turn: ScriptTurn, store: Store): Promise<string[]> {
  const s = turn.stored;
  if (!s) return [];
  const problems: string[] = [];
  const escalations = await store.listEscalations();
  if (s.escalations !== undefined && escalations.length !== s.escalations) {
    problems.push(`expected ${s.escalations} escalation(s) stored, found ${escalations.length}`);
  }
  if (s.escalation) {
    const want = s.escalation;
    const latest = escalations.at(-1);
    if (!latest) return [...problems, "expected an escalation stored, found none"];
    const handoff = (latest.handoff ?? {}) as { question?: string; evidence?: { id: string; value?: string }[] };
    const json = JSON.stringify(latest.handoff);
    if (want.playbook !== undefined && latest.playbook !== want.playbook)
      problems.push(`expected ${latest.id} for playbook ${want.playbook}, found ${latest.playbook ?? "none"}`);
    if (want.status && latest.status !== want.status)
      problems.push(`expected ${latest.id} ${want.status}, found ${latest.status}`);
    if (want.question !== undefined && !(handoff.question ?? "").includes(want.question))
      problems.push(
        `expected ${latest.id}'s question to contain “${want.question}”, found “${handoff.question ?? ""}”`,
      );
    if (want.note !== undefined && !(latest.note ?? "").includes(want.note))
      problems.push(`expected ${latest.id}'s note to contain “${want.note}”, found “${latest.note ?? ""}”`);
    for (const [id, value] of Object.entries(want.evidence ?? {})) {
      const found = handoff.evidence?.find((x) => x.id === id)?.value;
      if (!found?.includes(value))
        problems.push(`expected ${latest.id}'s evidence ${id} to contain “${value}”, found “${found ?? "nothing"}”`);
    }
    for (const t of many(want.handoff_text))
      if (!json.includes(t)) problems.push(`expected ${latest.id}'s handoff to contain “${t}”`);
  }
  if (s.unmatched !== undefined || s.questions !== undefined) {
    const events = await store.listEvents({ types: ["question", "abstain"] });
    const count = (type: string) => events.filter((e) => e.type === type).length;
    if (s.unmatched !== undefined && count("abstain") !== s.unmatched)
      problems.push(
        `expected ${s.unmatched} unmatched question(s) recorded, found ${count("abstain")}: ${events
          .filter((e) => e.type === "abstain")
          .map((e) => `“${e.text}”`)
          .join(", ")}`,
      );
    if (s.questions !== undefined && count("question") !== s.questions)
      problems.push(`expected ${s.questions} question(s) recorded, found ${count("question")}`);
  }
  if (s.feedback) {
    const { fixed, notFixed } = buildReport(await store.listEvents()).totals.feedback;
    const want = s.feedback;
    if (
      (want.fixed !== undefined && fixed !== want.fixed) ||
      (want.notFixed !== undefined && notFixed !== want.notFixed)
    )
      problems.push(
        `expected feedback ${want.fixed ?? "any"} fixed / ${want.notFixed ?? "any"} not fixed, found ${fixed} / ${notFixed}`,
      );
  }
  return problems;
}

function indent(text: string): string {
  return text
    .split("\n")
    .slice(0, 12)
    .map((l) => `      | ${l}`)
    .join("\n");
}
