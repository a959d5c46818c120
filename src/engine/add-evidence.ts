import { infoCard } from "../render/info-card.ts";
import { walkIsTopic as walkIsTopicOf } from "./session-state.ts";
import { record, type Turn, type TurnReply } from "./turn.ts";

const evidenceLine = /^([a-z0-9]+(?:-[a-z0-9]+)*)\s*[:=]\s*(\S.*)$/is;

/**
 * `station-id: CPF-6 / 0024:B100:0003:9296`: a piece of the evidence the thread's playbook asks for. It is
 * kept with the walkthrough (or the question) for a later handoff, and relayed to Support at once when
 * the thread already has an escalation in progress. Undefined when the line is not evidence.
 */
export async function addEvidence(turn: Turn, text: string): Promise<TurnReply | undefined> {
  const parsed = evidenceLine.exec(text.trim());
  if (!parsed) return undefined;
  const { walkthrough: w, question: q } = turn.state;
  const walkIsTopic = w !== undefined && walkIsTopicOf(turn.state);
  const playbookId = walkIsTopic ? w.playbook : q?.playbook;
  const playbook = playbookId ? turn.deps.registry.get(playbookId) : undefined;
  const wanted = playbook?.escalation.evidence.find((e) => e.id === parsed[1]?.toLowerCase());
  if (!playbook || !wanted) return undefined;

  const value = (parsed[2] ?? "").trim();
  const entry = { value, source: "message", by: turn.by, at: turn.at };
  if (walkIsTopic && w) {
    turn.state = { ...turn.state, walkthrough: { ...w, evidence: { ...w.evidence, [wanted.id]: entry } } };
  } else if (q) {
    turn.state = { ...turn.state, question: { ...q, evidence: { ...q.evidence, [wanted.id]: entry } } };
  }
  record(turn, "step", { playbook: playbook.id, action: "evidence", data: { evidence: wanted.id } });

  const open = (
    await turn.deps.store.listEscalations({ status: ["open", "claimed", "need-info"], sessionKey: turn.key })
  ).at(-1);
  const lines = [`Kept as evidence for Support: ${value}`];
  if (open) {
    await turn.escalations.relay(turn, open, `${turn.by.name ?? turn.by.id} added ${wanted.label}`, [value]);
    lines.push(`Sent to Support on ${open.id}.`);
  }
  return { cards: [infoCard(`Noted: ${wanted.label}`, lines)] };
}
