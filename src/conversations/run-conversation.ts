import type { Actor } from "../core/bot-event.ts";
import { checkReply, checkStored, describeShown } from "./check-turn.ts";
import type { ConversationDriver, DriverInput } from "./conversation-driver.ts";
import type { Conversation, ScriptTurn } from "./conversation-schema.ts";
import type { Shown } from "./shown-card.ts";

export interface ConversationResult {
  name: string;
  passed: boolean;
  /** "turn 3 (say “ok”): expected a step card, got …"; empty when passed. */
  failures: string[];
  /** Who said what and what came back, for reading a failure. */
  transcript: string[];
}

/** "ann" → { id: "U-ANN", name: "Ann" }: people are named in conversations, ids derived. */
export function actorNamed(name: string): Actor {
  return { id: `U-${name.toUpperCase().replace(/[^A-Z0-9]+/g, "-")}`, name: name[0]?.toUpperCase() + name.slice(1) };
}

function describeTurn(turn: ScriptTurn): string {
  if (turn.press !== undefined) return `press “${turn.press}”`;
  if (turn.cp !== undefined) return `cp “${turn.cp}”`;
  return `say “${turn.say}”`;
}

/**
 * Plays a conversation turn by turn through `driver` and checks each turn's expectations. It stops at the
 * first turn that fails (later turns build on it) and reports everything wrong with that turn.
 */
export async function runConversation(
  conversation: Conversation,
  driver: ConversationDriver,
): Promise<ConversationResult> {
  const seen: Shown[] = [];
  const transcript: string[] = [];
  const fail = (n: number, turn: ScriptTurn, problems: string[]): ConversationResult => ({
    name: conversation.name,
    passed: false,
    failures: problems.map((p) => `turn ${n} (${describeTurn(turn)}): ${p}`),
    transcript,
  });
  for (const [i, turn] of conversation.turns.entries()) {
    const n = i + 1;
    driver.advance(turn.wait ?? 1);
    const user = actorNamed(turn.as ?? "ann");
    const thread = turn.thread ?? "main";
    let input: DriverInput;
    if (turn.press !== undefined) {
      const label = turn.press;
      const card = seen.findLast((c) => c.buttons.some((b) => b.label === label));
      if (!card) {
        const last = seen.at(-1);
        return fail(n, turn, [
          `no card so far has a button “${label}”; the last was ${describeShown(last ? [last] : [])}`,
        ]);
      }
      const button = card.buttons.findIndex((b) => b.label === label);
      input = { kind: "press", card, button, user, thread, ...(turn.inputs ? { inputs: turn.inputs } : {}) };
    } else {
      const kind = turn.cp !== undefined ? "cp" : "say";
      input = { kind, text: turn.cp ?? turn.say ?? "", user, thread, ...(turn.files ? { files: turn.files } : {}) };
    }
    let out: Awaited<ReturnType<ConversationDriver["send"]>>;
    try {
      out = await driver.send(input);
    } catch (error) {
      return fail(n, turn, [`the bot threw: ${error instanceof Error ? error.message : String(error)}`]);
    }
    transcript.push(`${user.name}: ${describeTurn(turn)}`, `  bot: ${describeShown(out.replies)}`);
    if (out.elsewhere.length) transcript.push(`  elsewhere: ${describeShown(out.elsewhere)}`);
    seen.push(...out.replies, ...out.elsewhere);
    const problems = [...checkReply(turn, out, driver.knowsKinds), ...(await checkStored(turn, driver.store))];
    if (problems.length > 0) return fail(n, turn, problems);
  }
  return { name: conversation.name, passed: true, failures: [], transcript };
}
