/**
 * A "line" people wait in is the guide's Waitlist queue ("join the line", "the line policy", "front of
 * the line"). A line of text or of power is not: station messages have Text line 1 and Text line 2, and
 * the wiring has lines too. So a bare "line" reads as the queue unless a number, a text word or a power
 * word sits beside it; nor is a telephone line ("the support line opens at 8").
 */
const lineWords = new Set(["line", "lines"]);
/** "line 1", "first line of the message", "power line", "line voltage": not a queue. */
const textOrPowerBefore = new Set([
  "text",
  "message",
  "messages",
  "first",
  "second",
  "top",
  "bottom",
  "each",
  "per",
  "new",
  "power",
  "phone",
  // A telephone line: "the support line", "help line", "sales line", "service line".
  "support",
  "help",
  "sales",
  "service",
  "hotline",
  "landline",
  "status",
  // A line of the station's output (status-fields.ts): "the rfid line", "the outlet line".
  "rfid",
  "rfidinfo",
  "outlet",
  "lcdstate",
  "output",
  "port",
  "log",
  "single",
  "one",
  "two",
  "l1",
  "l2",
  "hot",
  "neutral",
  "ground",
  "data",
  "command",
  "front",
]);
const textOrPowerAfter = new Set([
  "voltage",
  "volt",
  "of",
  "breaker",
  "item",
  "items",
  "character",
  "characters",
  "char",
  "chars",
  "text",
  "limit",
  "length",
  "side",
  "l1",
  "l2",
  "feed",
]);

/** Whether the word at `i` is a waiting line. `words` are the normalised words, stopwords included. */
export function lineMeansQueue(words: readonly string[], i: number): boolean {
  if (!lineWords.has(words[i]!)) return false;
  const before = words[i - 1] ?? "";
  const after = words[i + 1] ?? "";
  // "front of the line" is a queue, although "front" alone (a front panel line) is not.
  if (before === "the" && (words[i - 2] === "of" || words[i - 2] === "in")) return true;
  if (/^\d/.test(after) || /^\d/.test(before)) return false;
  return !textOrPowerBefore.has(before) && !textOrPowerAfter.has(after);
}

/**
 * The Waitlist's queue is of drivers. Software is queued too: the guide's Auto-OTA rules have a Queue
 * Priority and count "stations pending upgrade", and people say they queued an update. Support tickets
 * wait in queues as well. So a queue word is read by what waits in it.
 */
const queueWords = new Set(["queue", "queued", "queues", "queuing", "queueing"]);
/** What is queued when it is software, named before or after the queue word ("the update I queued"). */
const softwareWords = new Set([
  "upgrade",
  "upgrades",
  "upgrading",
  "firmware",
  "fw",
  "software",
  "ota",
  "otang",
  "flash",
  "reflash",
  "build",
  "release",
  "job",
  "jobs",
  "push",
  "pushed",
  "download",
]);
/** "update" is software when it is a thing ("the update I queued", "queued an update"), not "the queue doesn't update". */
const updateNouns = new Set(["update", "updates"]);
const articles = new Set(["a", "an", "the", "new", "that", "this", "its", "our", "my"]);
/** A waiting driver keeps the Waitlist's reading whatever else is near ("driver queued, then the upgrade"). */
const waitlistWords = new Set(["waitlist", "driver", "drivers", "turn", "notified", "notification", "port", "ports"]);
/** A message queued for the screens is applied to them (the guide's Apply Station Messages), not a waiting line. */
const messageWords = new Set(["message", "messages", "announcement", "notice", "text"]);
/** Work queues that are not the guide's: "ticket queue", "support queue". */
const workBefore = new Set(["ticket", "tickets", "support", "helpdesk", "jira", "email", "print", "printer", "call"]);

/**
 * A station command queued ("queue a reboot", "the reboot is queued", "queued a power cycle") waits for the
 * station, not for a driver: the guide's Status/Actions commands (Reboot, Power Cycle, Resend Config, Get
 * Latest Status, Get Logs). Named right beside the queue word, so it outweighs a port mentioned later.
 */
const commandWords = new Set([
  "reboot",
  "reboots",
  "restart",
  "restarts",
  "cycle",
  "resend",
  "config",
  "command",
  "commands",
  "logs",
]);

const reach = 12;

export type QueueReading = "waitlist" | "software" | "message" | "work" | "command";

/** What the queue word at `i` queues, or undefined when it is not a queue word. */
export function readQueueWord(words: readonly string[], i: number): QueueReading | undefined {
  // "lined up a firmware push" queues software as much as "queued" does.
  if (!queueWords.has(words[i]!) && !(words[i] === "lined" && words[i + 1] === "up")) return undefined;
  if (workBefore.has(words[i - 1] ?? "")) return "work";
  if (words.slice(Math.max(0, i - 3), i + 4).some((w) => commandWords.has(w))) return "command";
  // A clause either side: "pushed an upgrade to 4 stations last night and it is still in the queue".
  const from = Math.max(0, i - reach);
  const to = Math.min(words.length, i + reach);
  if (words.slice(from, to).some((w) => waitlistWords.has(w))) return "waitlist";
  if (words.slice(from, to).some((w) => messageWords.has(w))) return "message";
  for (let k = from; k < to; k++) {
    if (k === i) continue;
    const w = words[k]!;
    if (softwareWords.has(w)) return "software";
    if (updateNouns.has(w) && (k < i || articles.has(words[k - 1] ?? ""))) return "software";
  }
  return "waitlist";
}
