import type { Attachment } from "../core/bot-event.ts";
import type { Playbook } from "../playbooks/playbook-schema.ts";
import { infoCard } from "../render/info-card.ts";
import type { EscalationRecord } from "../store/store.ts";
import type { Handoff } from "./build-handoff.ts";
import { extraEvidence } from "./extra-evidence.ts";
import { extractFacts, type Fact, type FactKind, factLabels } from "./extract-facts.ts";
import { walkIsTopic } from "./session-state.ts";
import { threadEscalation } from "./thread-topics.ts";
import { record, type Turn, type TurnReply } from "./turn.ts";

/** Which of a playbook's evidence items each kind of fact fills, first one the playbook has. */
const fills: Record<FactKind, string[]> = {
  station: ["station-id", "station-details"],
  mac: ["station-id", "station-details", "new-identity"],
  serial: ["station-id", "station-details", "card-or-driver"],
  iccid: ["new-iccid"],
  port: ["faulted-port", "faulted-ports"],
  "fault-code": [],
  "latest-status": ["latest-status", "latest-status-after"],
  "plug-in-event": ["plug-in-event-ids"],
  date: ["alarm-history"],
  count: ["alarm-history", "unknown-rfid-alarms"],
};

/** "station CPF-6", "MAC 00:0D:6F:00:12:34": how a fact is said back. */
export function factInWords(f: Fact): string {
  if (f.kind === "port" || f.kind === "count" || f.kind === "date" || f.kind === "fault-code") return f.value;
  return `${factLabels[f.kind]} ${f.value}`;
}

/** The facts in a message, with the playbook codes known. */
export function factsIn(turn: Turn, text: string): Fact[] {
  return extractFacts(
    text,
    turn.deps.registry.faultCodes().map((f) => f.code),
  );
}

/**
 * Keeps facts (and attached files) as evidence for the thread's topic: the walkthrough or the question,
 * and, when the thread has an escalation in progress, on the escalation itself, whose handoff card is
 * updated. Answers with one line that says what was taken, e.g. "Added to ESC-0003: station CPF-6, MAC …".
 */
export async function keepEvidence(
  turn: Turn,
  facts: Fact[],
  files: Attachment[] = [],
): Promise<TurnReply | undefined> {
  if (facts.length === 0 && files.length === 0) return undefined;
  const { walkthrough: w, question: q } = turn.state;
  const onWalk = w !== undefined && walkIsTopic(turn.state);
  const playbookId = onWalk ? w?.playbook : (q?.playbook ?? undefined);
  const playbook = playbookId ? turn.deps.registry.get(playbookId) : undefined;
  const given = factsByItem(facts, playbook);
  if (files.length > 0)
    given.set(
      "files",
      files.map((f) => (f.url ? `${f.name} (${f.url})` : f.name)),
    );

  const kept = mergeEvidence(given, (onWalk ? w?.evidence : q?.evidence) ?? {});
  const entries = evidenceEntries(turn, kept);
  if (onWalk && w) turn.state = { ...turn.state, walkthrough: { ...w, evidence: { ...w.evidence, ...entries } } };
  else if (q) turn.state = { ...turn.state, question: { ...q, evidence: { ...(q.evidence ?? {}), ...entries } } };
  record(turn, "step", {
    ...(playbook ? { playbook: playbook.id } : {}),
    action: "evidence",
    data: { evidence: Object.keys(kept), via: "plain-words" },
  });

  const said = [...facts.map(factInWords), ...files.map((f) => `file ${f.name}`)].join(", ");
  const open = await threadEscalation(turn, ["open", "claimed", "need-info"]);
  if (open) {
    await turn.escalations.updateEvidence(turn, open, patchHandoff(open, playbook, kept), said);
    return { cards: [infoCard(`Added to ${open.id}`, [`Added to ${open.id}: ${said}`])] };
  }
  return {
    cards: [
      infoCard("Noted for Support", [`Noted for Support: ${said}. It goes with the handoff if this is escalated.`]),
    ],
  };
}

/** The facts grouped under the playbook's evidence items they answer ("details" when none asks for them). */
export function factsByItem(facts: readonly Fact[], playbook: Playbook | undefined): Map<string, string[]> {
  const given = new Map<string, string[]>();
  for (const f of facts) {
    const id = fills[f.kind].find((e) => playbook?.escalation.evidence.some((x) => x.id === e)) ?? "details";
    given.set(id, [...(given.get(id) ?? []), factInWords(f)]);
  }
  return given;
}

/** Each item's new value: what it had, then what is new, so nothing given before is lost or repeated. */
export function mergeEvidence(
  given: Map<string, string[]>,
  before: Record<string, { value: string }>,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [id, parts] of given) {
    const old = before[id]?.value;
    const fresh = parts.filter((p) => !old?.includes(p));
    kept[id] = [old, ...fresh].filter(Boolean).join(", ");
  }
  return kept;
}

/** The values as stored evidence entries, marked as said in a message by this turn's person. */
export function evidenceEntries(turn: Turn, kept: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(kept).map(([id, value]) => [id, { value, source: "message", by: turn.by, at: turn.at }]),
  );
}

/** The stored handoff with the new evidence values written in; everything else as it was. */
function patchHandoff(escalation: EscalationRecord, playbook: Playbook | undefined, kept: Record<string, string>) {
  const handoff = { ...((escalation.handoff ?? {}) as Handoff) };
  const evidence = [...(handoff.evidence ?? [])];
  for (const [id, value] of Object.entries(kept)) {
    const at = evidence.findIndex((e) => e.id === id);
    if (at >= 0)
      evidence[at] = {
        ...evidence[at],
        id,
        label: evidence[at]?.label ?? id,
        required: evidence[at]?.required ?? false,
        value,
        source: "message",
      };
    else {
      const label =
        playbook?.escalation.evidence.find((e) => e.id === id)?.label ??
        extraEvidence[id as keyof typeof extraEvidence] ??
        id;
      evidence.push({ id, label, required: false, value, source: "message" });
    }
  }
  return { ...handoff, evidence };
}
