/**
 * Asking for a document about a product rather than help with a station: release notes or a changelog of
 * a software version, a datasheet, a manual, how long a part lasts. "Where are the release notes for the
 * latest station software" shares "software" and "latest" with Firmware Upgrade, whose steps never mention
 * release notes; the guide has no article on documents or product life. Words are read as normalised,
 * stopwords included.
 */
const documentWords = new Set([
  "changelog",
  "changelogs",
  "datasheet",
  "datasheets",
  "brochure",
  "documentation",
  "pdf",
  "lifespan",
  "lifetime",
  "mtbf",
]);
/** The second word of a two-word document name: "release notes", "spec sheet", "life expectancy". */
const documentPairs = new Map<string, ReadonlySet<string>>([
  ["release", new Set(["notes", "note"])],
  ["patch", new Set(["notes", "note"])],
  ["change", new Set(["log", "logs"])],
  ["spec", new Set(["sheet", "sheets"])],
  ["life", new Set(["expectancy", "span"])],
  ["useful", new Set(["life"])],
  ["user", new Set(["guide", "guides", "manual", "manuals"])],
  ["printed", new Set(["copy", "copies"])],
]);
/** What wears out: "how long does the cable last", "how many years will the unit last". */
const partNouns = new Set([
  "cable",
  "cables",
  "cord",
  "cords",
  "connector",
  "connectors",
  "unit",
  "units",
  "station",
  "stations",
  "charger",
  "chargers",
  "pedestal",
  "screen",
  "relay",
  "breaker",
  "breakers",
  "battery",
]);

function asksHowLongAPartLasts(words: readonly string[]): boolean {
  const last = words.lastIndexOf("last");
  if (last < 0) return false;
  const asked = words.slice(0, last).join(" ");
  return /\bhow (long|many years)\b/.test(asked) && words.slice(0, last).some((w) => partNouns.has(w));
}

/** "What's new in the 4.6.0.80 build": what a version brings, its release notes by another name. */
function asksWhatIsNew(words: readonly string[]): boolean {
  return words.some(
    (w, i) =>
      w === "what" && (words[i + 1] === "new" || (words[i + 2] === "new" && /^(is|are|s)$/.test(words[i + 1] ?? ""))),
  );
}

/** The guide's own documents: Flex Billing's financial report and statement are PDFs, and so is the MSSA. */
const articleDocuments = new Set(["financial", "statement", "statements", "mssa", "msa", "remittance"]);

/** Words without one of which asksForDocuments cannot be true: a gate for intent-cues.ts. */
export const documentCues: ReadonlySet<string> = new Set([...documentWords, ...documentPairs.keys(), "new", "last"]);

export function asksForDocuments(words: readonly string[]): boolean {
  if (words.some((w) => articleDocuments.has(w))) return false;
  return (
    words.some((w, i) => documentWords.has(w) || documentPairs.get(w)?.has(words[i + 1] ?? "") === true) ||
    asksWhatIsNew(words) ||
    asksHowLongAPartLasts(words)
  );
}
