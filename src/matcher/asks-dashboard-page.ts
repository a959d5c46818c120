import { normaliseText } from "./normalise-text.ts";

/**
 * A page, tab, button or column of the dashboard that no article reads, asked what it is or does: "what does
 * the Sessions tab show", "how do I read the GHG Savings column", "who receives Report a problem". The guide
 * shows these names in its screenshots (the station page's tabs, the Organizations menu, the history's
 * columns, the org summary's fields) but no article says what they are, so the question is out of scope
 * whatever article the page sits beside (intent-cues.ts makes the cue decide alone). "Historical Sessions",
 * "Status/Actions" and the other pages an article reads are not here; a station in trouble, a driver or a
 * card in the message keeps the article's reading.
 */
const pageNames = [
  ...["ghg savings", "gasoline savings", "video ads", "auto validate video ads", "sub operators", "api info"],
  ...["grant rights", "grant objects", "crowdsourcing", "support log", "report a problem", "contacts tab"],
  ...["sessions tab", "manage energy", "fleets tab", "carbon credit", "scheduled charging", "remote stop charging"],
  ...["production or demo", "preferred language", "currency name", "helpful information for drivers"],
  ...["customer name", "customer id", "extended warranty"],
];

/** The names' words by their first word. */
const byFirst = new Map<string, (readonly string[])[]>();
for (const name of pageNames) {
  const parts = normaliseText(name).split(" ");
  byFirst.set(parts[0]!, [...(byFirst.get(parts[0]!) ?? []), parts]);
}

/** What it is, does or shows: the asking words. */
const askWords = new Set([
  ...["what", "what's", "whats", "mean", "means", "meaning", "purpose", "explain", "does", "do", "show", "shows"],
  ...["read", "difference", "who", "receives", "receive", "used", "use", "for"],
]);
/** A station in trouble or a driver's problem: the article's question, with the page as the place. */
const troubleWords = new Set([
  ...["fault", "faulted", "offline", "unreachable", "slow", "slowly", "trip", "trips", "tripping", "denied"],
  ...["restricted", "broken", "error", "refused", "card", "cards", "badge", "rfid", "kwh", "charged", "billed"],
  ...["overcharged", "waitlist", "queue", "unavailable", "wrong", "zero"],
]);

/** The first words of the names: no test runs on a message without one. */
export const dashboardPageCues: ReadonlySet<string> = new Set(byFirst.keys());

function namesAPage(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    for (const parts of byFirst.get(words[i]!) ?? []) {
      if (!parts.every((p, k) => words[i + k] === p)) continue;
      // "Historical Sessions" is Slow or Zero Energy's, Pricing Policy's and the RFID reader's page.
      if (parts[0] === "sessions" && words[i - 1] === "historical") continue;
      return true;
    }
  }
  return false;
}

/** "what does the Sessions tab show that Historical Sessions doesn't", "how do I read the GHG Savings column". */
export function asksDashboardPage(words: readonly string[]): boolean {
  if (!words.some((w) => askWords.has(w)) || words.some((w) => troubleWords.has(w))) return false;
  return namesAPage(words);
}
