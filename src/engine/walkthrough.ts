import { BotError } from "../core/bot-error.ts";
import type { Actor } from "../core/bot-event.ts";
import type { Playbook, Step } from "../playbooks/playbook-schema.ts";
import type { Cursor, InputRecord, Walkthrough } from "./session-state.ts";

/**
 * The walkthrough state machine, pure: each function takes a walkthrough and returns the next one.
 * The steps are the playbook's troubleshooting steps then its solution steps; picking an option at a
 * choice step runs that branch's steps, after which the walkthrough continues after the choice step (or
 * ends when the choice was the last step). A `stop` step ends the walkthrough wherever it sits: nothing
 * after it applies, on any path (the firmware blacklist).
 */

export function mainSteps(playbook: Playbook): Step[] {
  return [...playbook.troubleshooting, ...playbook.solution];
}

export function stepsOf(playbook: Playbook, branch: string | undefined): Step[] {
  if (!branch) return mainSteps(playbook);
  return playbook.branches.find((b) => b.id === branch)?.steps ?? [];
}

/** The step under the cursor, or undefined when the playbook changed so the cursor no longer fits. */
export function stepAt(playbook: Playbook, cursor: Cursor): Step | undefined {
  const step = stepsOf(playbook, cursor.branch)[cursor.index];
  return step?.id === cursor.step ? step : undefined;
}

export function currentStep(playbook: Playbook, w: Walkthrough): Step | undefined {
  return w.cursor ? stepAt(playbook, w.cursor) : undefined;
}

export function startWalkthrough(playbook: Playbook, id: string, by: Actor, at: string): Walkthrough {
  const first = mainSteps(playbook)[0];
  return {
    id,
    playbook: playbook.id,
    version: playbook.version,
    startedAt: at,
    startedBy: by,
    ...(first ? { cursor: { step: first.id, index: 0 } } : {}),
    trail: [],
    steps: {},
    inputs: {},
    evidence: {},
    log: [{ at, by, action: "start" }],
    status: first ? "active" : "awaiting-outcome",
  };
}

/** The cursor after the current one, leaving a finished branch for the step after its choice step. */
function nextCursor(playbook: Playbook, cursor: Cursor): Cursor | undefined {
  const steps = stepsOf(playbook, cursor.branch);
  const next = steps[cursor.index + 1];
  if (next) return { ...cursor, step: next.id, index: cursor.index + 1 };
  if (cursor.branch === undefined) return undefined;
  const resume = cursor.returnTo ?? Number.POSITIVE_INFINITY;
  const after = mainSteps(playbook)[resume];
  return after ? { step: after.id, index: resume } : undefined;
}

export type NavAction =
  | { kind: "done" }
  | { kind: "skip" }
  | { kind: "back" }
  | { kind: "choose"; branch: string }
  | { kind: "input"; record: InputRecord; evidence: string[] };

/** What a move did: "moved" (a new current step), "ended" (the last step is behind), or "stayed". */
export interface NavResult {
  walkthrough: Walkthrough;
  outcome: "moved" | "ended" | "stayed";
  /** The step the move was made on. */
  step: Step;
}

/**
 * Applies one move to the current step. Throws BotError "invalid_input" for a move the step does not
 * accept (Done on a choice, an option that is not offered, Back on the first step), naming what is.
 */
export function navigate(playbook: Playbook, w: Walkthrough, action: NavAction, by: Actor, at: string): NavResult {
  const result = move(playbook, w, action, by, at);
  // Any accepted move (a valid entry, Skip, Back, a choice) ends the refusal of the last entry.
  const { refused: _refused, ...walkthrough } = result.walkthrough;
  return { ...result, walkthrough };
}

function move(playbook: Playbook, w: Walkthrough, action: NavAction, by: Actor, at: string): NavResult {
  const cursor = w.cursor;
  const step = cursor ? stepAt(playbook, cursor) : undefined;
  if (!cursor || !step || w.status !== "active") {
    throw new BotError(
      "This walkthrough has no current step. Start it again with open <playbook-id>.",
      "invalid_input",
    );
  }
  const log = (entry: { action: string; detail?: string }) => [...w.log, { at, by, step: step.id, ...entry }];

  switch (action.kind) {
    case "back": {
      const previous = w.trail.at(-1);
      if (!previous)
        throw new BotError(`"${step.id}" is the first step; there is nothing to go back to.`, "invalid_input");
      // Leaving a branch backwards undoes the choice, so the choice step can be answered again.
      const branch = previous.branch ?? (cursor.branch ? undefined : w.branch);
      const next: Walkthrough = { ...w, cursor: previous, trail: w.trail.slice(0, -1), log: log({ action: "back" }) };
      if (branch) next.branch = branch;
      else delete next.branch;
      return { walkthrough: next, outcome: "moved", step };
    }
    case "input": {
      const next: Walkthrough = {
        ...w,
        inputs: { ...w.inputs, [step.id]: action.record },
        evidence: { ...w.evidence },
        log: log({ action: "submit", ...(action.record.verdict ? { detail: action.record.verdict } : {}) }),
      };
      for (const id of action.evidence) {
        next.evidence[id] = { value: action.record.text, source: step.id, by, at };
      }
      return { walkthrough: next, outcome: "stayed", step };
    }
    case "choose": {
      const options = step.choice?.options ?? [];
      const option = options.find((o) => o.branch === action.branch);
      if (!option) {
        const accepted = options.length ? options.map((o) => `"${o.label}"`).join(", ") : "Done, Skip or Back";
        throw new BotError(
          `Step "${step.id}" has no option "${action.branch}". Accepted: ${accepted}.`,
          "invalid_input",
        );
      }
      const first = stepsOf(playbook, action.branch)[0];
      const steps = { ...w.steps, [step.id]: { status: "done" as const, by, at, branch: action.branch } };
      const base = { ...w, steps, branch: action.branch, trail: [...w.trail, cursor] };
      const entry = log({ action: "choose", detail: action.branch });
      if (!first) return end({ ...base, log: entry }, step);
      const into: Cursor = { step: first.id, index: 0, branch: action.branch, returnTo: cursor.index + 1 };
      return { walkthrough: { ...base, cursor: into, log: entry }, outcome: "moved", step };
    }
    case "done":
    case "skip": {
      if (action.kind === "done" && step.choice) {
        const accepted = step.choice.options.map((o) => `"${o.label}"`).join(", ");
        throw new BotError(`"${step.choice.prompt}" needs an answer: pick ${accepted}, or Skip.`, "invalid_input");
      }
      // A Done from a card shown before the refusal: the entry must be fixed (or the step skipped) first.
      if (action.kind === "done" && w.refused?.step === step.id) {
        throw new BotError(
          "The last entry for this step was not accepted: correct it and Submit, or Skip.",
          "invalid_input",
        );
      }
      const status = action.kind === "done" ? "done" : "skipped";
      const steps = { ...w.steps, [step.id]: { status, by, at } as const };
      const base = { ...w, steps, trail: [...w.trail, cursor], log: log({ action: action.kind }) };
      const following = step.stop ? undefined : nextCursor(playbook, cursor);
      if (!following) return end(base, step);
      return { walkthrough: { ...base, cursor: following }, outcome: "moved", step };
    }
  }
}

function end(w: Walkthrough, step: Step): NavResult {
  const { cursor: _cursor, ...rest } = w;
  return { walkthrough: { ...rest, status: "awaiting-outcome" }, outcome: "ended", step };
}

/** Every step the walkthrough would show, in order, with each branch taken; for progress and handoffs. */
export function pathOf(playbook: Playbook, w: Walkthrough): { step: Step; branch?: string }[] {
  const out: { step: Step; branch?: string }[] = [];
  for (const step of mainSteps(playbook)) {
    out.push({ step });
    if (step.stop) return out;
    // Each choice step remembers its own pick, so a playbook with two choices shows both branches.
    const picked = step.choice ? w.steps[step.id]?.branch : undefined;
    const branch = picked ? playbook.branches.find((b) => b.id === picked) : undefined;
    for (const s of branch?.steps ?? []) {
      out.push({ step: s, branch: picked });
      // The steps after a stop are not on this walkthrough's path, so progress counts to the stop.
      if (s.stop) return out;
    }
  }
  return out;
}
