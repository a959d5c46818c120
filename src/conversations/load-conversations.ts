import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { BotError } from "../core/bot-error.ts";
import { formatPath } from "../playbooks/schema-problems.ts";
import { type Conversation, ConversationSchema } from "./conversation-schema.ts";

export interface LoadedConversation {
  file: string;
  /** Position in its file (a file holds one conversation or a list of them). */
  index: number;
  conversation: Conversation;
}

/**
 * Reads every `*.yaml` / `*.yml` conversation in `dir` (or the one file `dir` names). A file holds one
 * conversation or a list of them. Throws one BotError "invalid_input" listing every problem with its file
 * and path, so an author fixes them all in one go.
 */
export function loadConversations(dir: string): LoadedConversation[] {
  const files = conversationFiles(dir);
  const loaded: LoadedConversation[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const shown = path.relative(process.cwd(), file) || file;
    let doc: unknown;
    try {
      doc = parse(readFileSync(file, "utf8"));
    } catch (error) {
      problems.push(`${shown}: YAML syntax error: ${(error as Error).message.split("\n")[0]}`);
      continue;
    }
    const items = Array.isArray(doc) ? doc : [doc];
    items.forEach((item, index) => {
      const parsed = ConversationSchema.safeParse(item);
      if (parsed.success) {
        loaded.push({ file: shown, index, conversation: parsed.data });
        return;
      }
      for (const issue of parsed.error.issues) {
        const where = formatPath(Array.isArray(doc) ? [index, ...issue.path] : issue.path);
        problems.push(`${shown}${where ? ` ${where}` : ""}: ${issue.message}`);
      }
    });
  }
  if (problems.length > 0) {
    throw new BotError(
      `Conversation files have problems:\n${problems.map((p) => `  ${p}`).join("\n")}`,
      "invalid_input",
    );
  }
  return loaded;
}

function conversationFiles(target: string): string[] {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(target);
  } catch {
    throw new BotError(
      `No such file or directory: ${target}. Give a folder of conversation YAML files.`,
      "invalid_input",
    );
  }
  if (stat.isFile()) return [target];
  const files = readdirSync(target)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(target, f));
  if (files.length === 0) throw new BotError(`${target} has no .yaml conversation files.`, "invalid_input");
  return files;
}
