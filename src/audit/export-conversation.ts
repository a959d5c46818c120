import { stringify } from "yaml";
import { maskPersonalData } from "../authoring/mask-personal-data.ts";
import type { Conversation, ScriptTurn } from "../conversations/conversation-schema.ts";
import type { AnalyticsEvent } from "../store/store.ts";
import { turnsOf } from "./transcripts.ts";
import type { ShownCard } from "./turn-record.ts";

/** Stand-in names for the people of a thread, in the order they first spoke: nobody's real name leaves. */
const names = ["ann", "bob", "cho", "dev", "eve", "fay", "gus", "hal"];

/**
 * Turns a stored conversation into a conversation test (the YAML of test/conversations/): what each person
 * said or pressed, and what the answer showed (the first card's kind and title, and its buttons). Personal
 * data is masked and people are renamed, so a real thread that went wrong becomes a regression test an
 * author can commit. Titles with escalation numbers are left out, since a replay numbers its own.
 */
export function exportConversation(events: readonly AnalyticsEvent[], thread: string): Conversation | undefined {
  const turns = turnsOf(events, thread);
  if (turns.length === 0) return undefined;
  const people = new Map<string, string>();
  const nameOf = (user: string | undefined) => {
    const key = user ?? "unknown";
    if (!people.has(key)) people.set(key, names[people.size] ?? `person${people.size + 1}`);
    return people.get(key)!;
  };
  const shownSoFar: ShownCard[][] = [];
  const script: ScriptTurn[] = [];
  for (const { event, turn } of turns) {
    const as = nameOf(event.user);
    const who = as === "ann" ? {} : { as };
    const expect = expectationOf(turn.cards);
    if (turn.input.kind === "action") {
      const label = labelOf(shownSoFar, turn.input.action, turn.input.value);
      shownSoFar.push(turn.cards);
      if (!label) continue; // a press on a card from before the export window: nothing to replay it on
      const inputs = turn.input.inputs ? maskValues(turn.input.inputs) : undefined;
      script.push({ press: label, ...(inputs ? { inputs } : {}), ...who, ...(expect ? { expect } : {}) } as ScriptTurn);
    } else {
      shownSoFar.push(turn.cards);
      const text = maskPersonalData(turn.input.text ?? "");
      const step = turn.input.kind === "command" ? { cp: text } : { say: text };
      script.push({ ...step, ...who, ...(expect ? { expect } : {}) } as ScriptTurn);
    }
  }
  const platform = turns[0]!.event.platform;
  return {
    name: `exported from ${thread.split(":")[0]} thread started ${turns[0]!.event.at.slice(0, 16).replace("T", " ")} UTC`,
    about: "Exported by cpbot transcript export; personal data masked and people renamed.",
    platform,
    turns: script,
  };
}

/** The conversation as YAML, the form `cpbot test conversations` reads. */
export function conversationToYaml(conversation: Conversation): string {
  return stringify([conversation], { lineWidth: 0 });
}

function expectationOf(cards: readonly ShownCard[]): ScriptTurn["expect"] | undefined {
  const first = cards[0];
  if (!first) return { cards: 0 };
  const buttons = [...new Set(first.buttons.map((b) => b.label))];
  return {
    kind: first.kind,
    ...(/ESC-|\d{1,2}:\d{2}/.test(first.title) ? {} : { title: first.title }),
    ...(buttons.length > 0 ? { buttons } : {}),
  };
}

/** The label of the newest shown button with this action and value: what the person saw and pressed. */
function labelOf(
  shown: readonly ShownCard[][],
  action: string | undefined,
  value: string | undefined,
): string | undefined {
  for (const cards of [...shown].reverse()) {
    for (const card of cards) {
      const hit = card.buttons.find((b) => b.action === action && (b.value ?? undefined) === value);
      if (hit) return hit.label;
    }
  }
  return undefined;
}

function maskValues(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, maskPersonalData(v)]));
}
