import { BotError } from "../core/bot-error.ts";
import { closestWords } from "./closest-words.ts";

/** A `/cp` subcommand of a domain tool (msg, status, …), as the tool registry describes it. */
export interface ToolWord {
  word: string;
  /** e.g. "msg <line 1> | <line 2>" */
  usage: string;
  summary: string;
}

/** What the parser needs to know about the playbooks and tools to name what is accepted. */
export interface CommandContext {
  playbookIds: readonly string[];
  faultCodes: readonly { code: string; playbook: string; aliases?: readonly string[] }[];
  toolWords: readonly ToolWord[];
}

export type ParsedCommand =
  | { kind: "help" }
  | { kind: "list"; section?: "Configure" | "Diagnose" }
  | { kind: "fault"; code: string; playbook: string; rest?: string }
  | { kind: "open"; playbook: string }
  /** `text`: the whole line, for when the engine reads it as a question after all. */
  | { kind: "tool"; word: string; args: string; text: string }
  | { kind: "escalate"; note?: string }
  | { kind: "escalations"; all: boolean }
  | { kind: "stats"; since?: string }
  /** `nearCommand`: the first word looks like a mistyped subcommand; used when the matcher finds nothing. */
  | { kind: "question"; text: string; nearCommand?: string };

export interface ParsedLine {
  command: ParsedCommand;
  /** `share …` posts the answer for everyone (Slack slash commands are private by default). */
  visibility: "ephemeral" | "in_channel";
}

export const subcommands = ["help", "list", "fault", "open", "escalate", "escalations", "stats"] as const;

export function acceptedWords(ctx: CommandContext): string[] {
  return [...subcommands, ...ctx.toolWords.map((t) => t.word), "share"];
}

/** Compares fault codes the way people type them: "303 rsc", "303RSC" and "303-RSC" are one code. */
export function normaliseFaultCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parses the words after `/cp` (the same words typed in Teams or the terminal, with or without `/cp`).
 * Throws BotError with a code and a message naming what is accepted; anything that is not a subcommand is
 * a question for the matcher.
 */
export function parseCommand(input: string, ctx: CommandContext): ParsedLine {
  let text = input.trim().replace(/^\/cp(?:\s+|$)/i, "");
  let visibility: ParsedLine["visibility"] = "ephemeral";
  if (/^share(?:\s|$)/i.test(text)) {
    visibility = "in_channel";
    text = text.slice(5).trim();
    if (!text) throw missing("share", "share <command or question>, e.g. share fault 303-RSC");
  }
  if (!text) return { command: { kind: "help" }, visibility };

  const [first = "", ...restWords] = text.split(/\s+/);
  const word = first.toLowerCase();
  const rest = text.slice(first.length).trim();
  const command = parseWord(word, rest, restWords, text, ctx);
  return { command, visibility };
}

function parseWord(word: string, rest: string, restWords: string[], text: string, ctx: CommandContext): ParsedCommand {
  switch (word) {
    case "help":
    case "?":
      return { kind: "help" };
    case "list":
      return parseList(rest);
    case "fault":
      return parseFault(rest, ctx);
    case "open":
      return parseOpen(rest, restWords, ctx);
    case "escalate":
      return rest ? { kind: "escalate", note: rest } : { kind: "escalate" };
    case "escalations":
      if (!rest) return { kind: "escalations", all: false };
      if (rest.toLowerCase() === "all") return { kind: "escalations", all: true };
      throw usage("escalations", rest, "escalations (the open ones) or escalations all (resolved too)");
    case "stats":
      return parseStats(rest);
  }
  // A tool word is also an ordinary word ("station screen says …"); the engine decides which it is.
  const tool = ctx.toolWords.find((t) => t.word === word);
  if (tool) return { kind: "tool", word: tool.word, args: rest, text };
  const [near] = closestWords(
    word,
    acceptedWords(ctx).filter((w) => w !== "share"),
    1,
  );
  return near ? { kind: "question", text, nearCommand: near } : { kind: "question", text };
}

function parseList(rest: string): ParsedCommand {
  if (!rest) return { kind: "list" };
  const section = rest.toLowerCase();
  if (section === "configure") return { kind: "list", section: "Configure" };
  if (section === "diagnose") return { kind: "list", section: "Diagnose" };
  throw usage("list", rest, "list, list configure or list diagnose");
}

function parseStats(rest: string): ParsedCommand {
  if (!rest) return { kind: "stats" };
  const date = rest.replace(/^(?:--)?since\s+/i, "");
  if (isoDate.test(date) && !Number.isNaN(Date.parse(date))) return { kind: "stats", since: date };
  throw usage("stats", rest, "stats, or stats since YYYY-MM-DD (e.g. stats since 2025-01-31)");
}

function parseFault(rest: string, ctx: CommandContext): ParsedCommand {
  const examples = () => ctx.faultCodes.map((f) => f.code);
  if (!rest)
    throw missing("fault", `fault <code>, e.g. fault ${examples()[0] ?? "303-RSC"}. Known codes: ${list(examples())}`);
  const index = faultIndex(ctx.faultCodes);
  // People add context after the code ("fault 303-RSC on CPF-6", "fault 303 rsc since Monday"): the code
  // is the whole text, or its first two words, or its first word.
  const words = rest.split(/\s+/);
  for (const n of [words.length, 2, 1]) {
    const found = index.get(normaliseFaultCode(words.slice(0, n).join(" ")));
    // The words after the code ("on CPF-6") may name the station; the engine decides whether they do.
    const after = words.slice(n).join(" ");
    if (found) return { kind: "fault", code: found.code, playbook: found.playbook, ...(after ? { rest: after } : {}) };
  }
  throw new BotError(
    `Unknown fault code "${rest}". Known codes: ${list(examples())}. To describe the problem in words instead, drop the word "fault".`,
    "unknown_fault_code",
  );
}

type FaultCode = CommandContext["faultCodes"][number];
const faultIndexes = new WeakMap<readonly FaultCode[], Map<string, FaultCode>>();

/**
 * Every code and alias, normalised, to its fault code: built once per loaded set (a reload makes a new
 * list). Normalising every code of every playbook on each lookup was most of a `/cp fault`'s garbage.
 * A form two codes share goes to the first, as the scan in list order did.
 */
function faultIndex(codes: readonly FaultCode[]): Map<string, FaultCode> {
  let index = faultIndexes.get(codes);
  if (index) return index;
  index = new Map();
  for (const f of codes) {
    for (const form of [f.code, ...(f.aliases ?? [])]) {
      const key = normaliseFaultCode(form);
      if (!index.has(key)) index.set(key, f);
    }
  }
  faultIndexes.set(codes, index);
  return index;
}

function parseOpen(rest: string, restWords: string[], ctx: CommandContext): ParsedCommand {
  if (!rest) throw missing("open", `open <playbook-id>, e.g. open ${ctx.playbookIds[0] ?? "relay-stuck-closed"}`);
  const id = rest.toLowerCase();
  if (ctx.playbookIds.includes(id)) return { kind: "open", playbook: id };
  const near = restWords.length === 1 ? closestWords(id, ctx.playbookIds) : [];
  const hint = near.length ? ` Did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : "";
  throw new BotError(
    `Unknown playbook id "${rest}".${hint} Playbook ids: ${list(ctx.playbookIds)} (see list).`,
    "unknown_playbook",
  );
}

function list(items: readonly string[]): string {
  return items.length ? items.join(", ") : "(none loaded)";
}

export function missing(word: string, usageText: string): BotError {
  return new BotError(`"${word}" needs an argument. Usage: ${usageText}`, "invalid_input");
}

function usage(word: string, given: string, accepted: string): BotError {
  return new BotError(`"${word}" does not take "${given}". Accepted: ${accepted}`, "invalid_input");
}

/**
 * The error for a first word that looks like a mistyped subcommand; the engine raises it only when the
 * matcher finds no playbook for the text either, so a one-word question is never refused.
 */
export function unknownCommandError(text: string, near: string, ctx: CommandContext): BotError {
  const word = text.trim().split(/\s+/)[0] ?? text;
  return new BotError(
    `Unknown subcommand "${word}". Did you mean "${near}"? Subcommands: ${list(acceptedWords(ctx))}. Anything else is read as a question, e.g. "station screen says access denied".`,
    "unknown_command",
  );
}
