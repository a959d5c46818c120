import type { Card } from "../cards/card-schema.ts";
import { escalationsListCard } from "../render/escalations-list-card.ts";
import { helpCard } from "../render/help-card.ts";
import { overviewCard } from "../render/overview-card.ts";
import { playbookListCard } from "../render/playbook-list-card.ts";
import { toolResultCard } from "../render/tool-result-card.ts";
import { validationCard } from "../render/validation-card.ts";
import { answerQuestion } from "./answer-question.ts";
import { type CommandContext, missing, type ParsedCommand } from "./command-parser.ts";
import { escalateTopic } from "./escalate-topic.ts";
import { subjectOf } from "./escalation-view.ts";
import { keepQuestionFacts } from "./question-evidence.ts";
import { isSmallTalk, readDialogue } from "./read-dialogue.ts";
import { nothingToAnswerCard, smallTalkCard } from "./small-talk.ts";
import { statsReply } from "./stats-reply.ts";
import { runCpTool } from "./step-tools.ts";
import { nextId, record, type Turn, type TurnReply } from "./turn.ts";
import { playbookFor } from "./walk-flow.ts";

/**
 * The grammar as help shows it; the same words work in Slack, Teams and the terminal. `command` is the
 * slash command as the person typed it (a workspace may have renamed /cp), so help names the one in use.
 */
export function commandHelp(ctx: CommandContext, command = "/cp") {
  const named = (text: string) => (command === "/cp" ? text : text.replace(/\/cp\b/g, command));
  return [
    {
      usage: "/cp <question>",
      summary: "describe the problem in your own words, e.g. /cp station screen says access denied",
    },
    { usage: "/cp fault <code>", summary: "open the playbook for a fault code, e.g. /cp fault 303-RSC" },
    { usage: "/cp open <playbook-id>", summary: "open a playbook by id, e.g. /cp open relay-stuck-closed" },
    { usage: "/cp list", summary: "every playbook, by section (list configure, list diagnose)" },
    ...ctx.toolWords.map((t) => ({ usage: `/cp ${t.usage}`, summary: t.summary })),
    { usage: "/cp escalate [note]", summary: "hand this thread's playbook or question to Support" },
    {
      usage: "/cp escalations",
      summary: "open escalations with playbook, requester, status, age and note (escalations all)",
    },
    {
      usage: "/cp stats",
      summary: "questions per playbook, unmatched questions, completion, drop-off, escalation rate",
    },
    { usage: "/cp share <command>", summary: "post the answer for the whole channel instead of only you" },
    { usage: "/cp help", summary: "this list" },
  ].map((c) => ({ usage: named(c.usage), summary: named(c.summary) }));
}

export async function handleCommand(turn: Turn, command: ParsedCommand, ctx: CommandContext): Promise<TurnReply> {
  const { registry } = turn.deps;
  switch (command.kind) {
    case "help":
      return {
        cards: [helpCard(commandHelp(ctx, turn.event.kind === "command" ? turn.event.command : undefined))],
      };
    case "list": {
      const all = registry.all();
      const shown = command.section ? all.filter((p) => p.section === command.section) : all;
      return { cards: [playbookListCard([...shown])] };
    }
    case "fault":
    case "open": {
      const playbook = playbookFor(turn, command.playbook);
      const text = command.kind === "fault" ? `fault ${command.code}` : `open ${playbook.id}`;
      const question = {
        id: nextId(turn, "q"),
        text,
        at: turn.at,
        by: turn.by,
        kind: command.kind,
        playbook: playbook.id,
        confidence: 1,
        alternatives: [],
      };
      turn.state = { ...turn.state, question };
      if (command.kind === "fault") {
        // An exact code lookup is still a question people asked; authors want it counted per playbook.
        record(turn, "question", { text, playbook: playbook.id, confidence: 1, data: { kind: "fault" } });
        record(turn, "match", { text, playbook: playbook.id, confidence: 1, data: { kind: "fault" } });
        const why = `fault code ${command.code}`;
        const noted = command.rest ? keepQuestionFacts(turn, command.rest, command.rest) : [];
        return { cards: [overviewCard(playbook, { query: text, confidence: 1, explanation: why, noted })] };
      }
      return { cards: [overviewCard(playbook)] };
    }
    case "tool":
      return toolReply(turn, command, ctx);
    case "escalate":
      return escalateTopic(turn, "command", command.note);
    case "escalations":
      return { cards: [await escalationsList(turn, command.all)] };
    case "stats":
      return statsReply(turn, command.since);
    case "question": {
      // "/cp thanks", "/cp ok": small talk and dialogue words are never an unmatched question.
      const intent = readDialogue(command.text);
      if (intent) return { cards: [isSmallTalk(intent) ? smallTalkCard(intent) : nothingToAnswerCard(command.text)] };
      return answerQuestion(turn, command.text, ctx, command.nearCommand);
    }
  }
}

/**
 * `/cp msg …`, `/cp status …`: a tool runs only when it can read the line. A line it cannot read is a
 * question that starts with a tool word ("firmware stuck at 4.6", "events are missing") and goes to the
 * matcher; only when the matcher knows nothing of it either, and the line is short enough to be tool input
 * rather than a sentence, is the tool's own error shown, since then the person most likely meant the tool.
 */
function toolReply(turn: Turn, command: Extract<ParsedCommand, { kind: "tool" }>, ctx: CommandContext): TurnReply {
  if (!command.args) {
    // A bare tool word is a request for the tool: say what it needs rather than guess.
    throw missing(command.word, ctx.toolWords.find((t) => t.word === command.word)?.usage ?? command.word);
  }
  const result = runCpTool(command.word, command.args);
  // Any text is a station message to check: an invalid one is a finding to show, never a question.
  const readable = result.tool === "station-message";
  // A sentence ("station messages for site, mail jo@…") is a question even when the matcher finds no
  // playbook for it: the no-match answer offers the closest ones, where the tool's error would only confuse.
  const sentence = command.args.trim().split(/\s+/).length > 4;
  if (
    !readable &&
    result.verdict === "invalid" &&
    (sentence || turn.deps.matcher.match(command.text).kind !== "no-match")
  ) {
    return answerQuestion(turn, command.text, ctx);
  }
  const card: Card = result.tool === "station-message" ? validationCard(result) : toolResultCard(result);
  return { cards: [card] };
}

async function escalationsList(turn: Turn, all: boolean): Promise<Card> {
  const now = Date.parse(turn.at);
  const stored = await turn.deps.store.listEscalations(all ? {} : { status: ["open", "claimed", "need-info"] });
  // Requesters, notes and private channels are Support's to see; anyone else sees their own escalations.
  const rows = turn.role === "responder" ? stored : stored.filter((e) => e.requester.id === turn.by.id);
  return escalationsListCard(
    rows.map((e) => ({
      id: e.id,
      playbook: subjectOf(e),
      requester: e.requester.name ?? e.requester.id,
      status: e.status,
      ageMinutes: Math.max(0, (now - Date.parse(e.createdAt)) / 60_000),
      ...(e.note ? { note: e.note } : {}),
    })),
  );
}
