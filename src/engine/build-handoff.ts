import type { Playbook } from "../playbooks/playbook-schema.ts";
import type { ToolResult } from "../tools/tool-result.ts";
import { extraEvidence } from "./extra-evidence.ts";
import type { Question, Walkthrough } from "./session-state.ts";
import { mainSteps, stepsOf } from "./walkthrough.ts";

/** Why an escalation was opened, for the handoff card and analytics. */
export type EscalationTrigger = "button" | "command" | "step" | "not-fixed";

export interface HandoffStep {
  id: string;
  text: string;
  by: string;
  at: string;
  branch?: string;
}

export interface HandoffInput {
  step: string;
  label: string;
  text: string;
  tool?: string;
  verdict?: string;
  summary?: string;
  figures?: { label: string; value: string }[];
  result?: ToolResult;
}

export interface HandoffEvidence {
  id: string;
  label: string;
  required: boolean;
  /** Absent: still missing. */
  value?: string;
  source?: string;
}

/**
 * Everything Support needs without reading the thread, stored with the escalation as JSON so the handoff
 * card can be rebuilt after a restart exactly as it was first posted.
 */
export interface Handoff {
  trigger: EscalationTrigger;
  /** The question the thread started from, when there was one. */
  question?: string;
  playbook?: { id: string; title: string; version: number; article: string };
  walkthrough?: { id: string; status: string; startedAt: string; currentStep?: string; branch?: string };
  stepsDone: HandoffStep[];
  stepsSkipped: HandoffStep[];
  inputs: HandoffInput[];
  evidence: HandoffEvidence[];
  /**
   * A random reference carried by the escalation's buttons instead of trusting the bare id: a press is
   * accepted only when it matches, so a guessed id or a button from another (older, replaced) database
   * never acts on this escalation. Absent on rows written before references existed.
   */
  ref?: string;
}

function stepText(playbook: Playbook, id: string): string {
  const all = [...mainSteps(playbook), ...playbook.branches.flatMap((b) => stepsOf(playbook, b.id))];
  return all.find((s) => s.id === id)?.text ?? id;
}

export function buildHandoff(input: {
  trigger: EscalationTrigger;
  playbook?: Playbook;
  question?: Question;
  walkthrough?: Walkthrough;
}): Handoff {
  const { playbook, walkthrough: w, question } = input;
  const handoff: Handoff = { trigger: input.trigger, stepsDone: [], stepsSkipped: [], inputs: [], evidence: [] };
  if (question) handoff.question = question.text;
  if (!playbook) {
    for (const [id, label] of Object.entries(extraEvidence)) {
      const got = question?.evidence?.[id];
      if (got) handoff.evidence.push({ id, label, required: false, value: got.value, source: got.source });
    }
    return handoff;
  }
  handoff.playbook = {
    id: playbook.id,
    title: playbook.title,
    version: w?.version ?? playbook.version,
    article: playbook.article,
  };
  if (w) {
    handoff.walkthrough = {
      id: w.id,
      status: w.status,
      startedAt: w.startedAt,
      ...(w.cursor ? { currentStep: stepText(playbook, w.cursor.step) } : {}),
      ...(w.branch ? { branch: playbook.branches.find((b) => b.id === w.branch)?.label ?? w.branch } : {}),
    };
    // The walkthrough's log keeps the order things happened in; the step records keep the final say.
    for (const [id, rec] of Object.entries(w.steps)) {
      const entry: HandoffStep = { id, text: stepText(playbook, id), by: rec.by.name ?? rec.by.id, at: rec.at };
      if (rec.branch) entry.branch = playbook.branches.find((b) => b.id === rec.branch)?.label ?? rec.branch;
      (rec.status === "done" ? handoff.stepsDone : handoff.stepsSkipped).push(entry);
    }
    handoff.stepsDone.sort((a, b) => a.at.localeCompare(b.at));
    handoff.stepsSkipped.sort((a, b) => a.at.localeCompare(b.at));
    handoff.inputs = Object.values(w.inputs).map((i) => ({
      step: i.step,
      label: i.label,
      text: i.text,
      ...(i.tool ? { tool: i.tool } : {}),
      ...(i.verdict ? { verdict: i.verdict } : {}),
      ...(i.summary ? { summary: i.summary } : {}),
      ...(i.figures?.length ? { figures: i.figures } : {}),
      ...(i.result ? { result: i.result } : {}),
    }));
  }
  handoff.evidence = playbook.escalation.evidence.map((e) => {
    const got = w?.evidence[e.id] ?? question?.evidence?.[e.id];
    return { id: e.id, label: e.label, required: e.required, ...(got ? { value: got.value, source: got.source } : {}) };
  });
  // What the thread gave beyond the playbook's list (other details, attached files) goes along too.
  for (const [id, label] of Object.entries(extraEvidence)) {
    const got = w?.evidence[id] ?? question?.evidence?.[id];
    if (got) handoff.evidence.push({ id, label, required: false, value: got.value, source: got.source });
  }
  return handoff;
}

export function missingEvidence(handoff: Handoff): HandoffEvidence[] {
  return handoff.evidence.filter((e) => e.value === undefined);
}
