/**
 * Building on the network from outside: an API, a webhook, an SDK, or another system wired to the chargers
 * ("is there a firmware api to upgrade stations in bulk", "integrate our building management system").
 * The guide shows an API Info tab and nothing more, so the subject (firmware, sessions) does not make it an
 * article's question. Words are read as normalised, stopwords included.
 */
const integrationWords = new Set(["api", "apis", "webhook", "webhooks", "sdk", "ocpi", "graphql"]);
/** "a REST endpoint"; "the rest of our sites" is the remainder, not an interface. */
const restThings = new Set(["endpoint", "endpoints", "interface", "call", "calls", "service"]);
const integrateVerbs = new Set(["integrate", "integrating", "integrated", "integration", "integrations"]);
/** What is integrated: another system, not a station's parts. */
const systems = new Set(["system", "systems", "software", "platform", "bms", "erp", "crm", "app", "tool", "tools"]);

/** Words without one of which asksToIntegrate cannot be true: a gate for intent-cues.ts. */
export const integrationCues: ReadonlySet<string> = new Set([...integrationWords, "rest", ...integrateVerbs]);

export function asksToIntegrate(words: readonly string[]): boolean {
  return words.some(
    (w, i) =>
      integrationWords.has(w) ||
      (w === "rest" && restThings.has(words[i + 1] ?? "")) ||
      (integrateVerbs.has(w) && words.slice(Math.max(0, i - 5), i + 6).some((x) => systems.has(x))),
  );
}
