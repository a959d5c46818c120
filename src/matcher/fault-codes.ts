import type { Playbook } from "../playbooks/playbook-schema.ts";
import { compareIds } from "./compare-ids.ts";
import { normaliseText } from "./normalise-text.ts";
import { stopwords } from "./stopwords.ts";

/** One fault code of the guide, with the forms people type for it. All come from the playbooks. */
export interface FaultCodeEntry {
  code: string; // as the guide prints it, "303-RSC"
  name: string; // the fault's name in the guide, "Relay Stuck Closed"
  number: string; // "303"
  suffix: string; // "rsc"
  playbook: string;
  aliases: string[]; // lower-case, e.g. ["rsc"] or ["18"]
}

export interface FaultCodeHit {
  code: string;
  playbook: string;
  form: string; // the text that matched, for the explanation
}

export interface FaultCodeScan {
  hits: FaultCodeHit[];
  /** Code-shaped tokens that name no fault of the guide, e.g. "999-XY" or "error 404". */
  unknown: string[];
  /** The text of each unknown code as written (lower-case), so the rest of the message can be read alone. */
  unknownForms: string[];
}

// Words after a number that make it a quantity rather than a fault code ("240 vac", "100 kwh").
const notSuffixes = new Set(
  "kw kwh amp amps vac volt volts dbm min mins hrs hour hours day days ft mph sec secs pm am usd cad eur the and to in on is at for of or ms gb mb km mi ports port".split(
    " ",
  ),
);
// Words that turn the number or letters next to them into a fault code ("error 307", "HE fault").
const contextWords = new Set([
  "error",
  "err",
  "code",
  "fault",
  "faults",
  "faulted",
  "alarm",
  "status",
  "reason",
  // On-call shorthand: "NS rsn 18" is Needs Service, reason 18.
  "rsn",
  "flt",
]);

export function buildFaultCodeIndex(playbooks: readonly Playbook[]): FaultCodeEntry[] {
  const entries: FaultCodeEntry[] = [];
  for (const playbook of playbooks) {
    for (const fault of playbook.errorLogs?.faultCodes ?? []) {
      const [number = "", suffix = ""] = fault.code.toLowerCase().split("-");
      const aliases = (fault.aliases ?? []).map((a) => a.toLowerCase().trim());
      entries.push({ code: fault.code, name: fault.name, number, suffix, playbook: playbook.id, aliases });
    }
  }
  return entries.sort((a, b) => compareIds(a.code, b.code));
}

/**
 * What every scan reads from the index, worked out once per index rather than once per message: the
 * multi-word aliases already normalised, and the letter forms ("rsc", "he") with their entries.
 */
interface ScanTables {
  /** `padded` is the phrase with a space either side, as it is looked for in the message. */
  phrases: { entry: FaultCodeEntry; alias: string; phrase: string; padded: string }[];
  /** Each letter form's entries, in index order, each entry once. */
  letterForms: Map<string, FaultCodeEntry[]>;
}

const tablesOf = new WeakMap<readonly FaultCodeEntry[], ScanTables>();

function scanTables(index: readonly FaultCodeEntry[]): ScanTables {
  let tables = tablesOf.get(index);
  if (tables) return tables;
  const phrases: ScanTables["phrases"] = [];
  const letterForms = new Map<string, FaultCodeEntry[]>();
  for (const entry of index) {
    for (const alias of entry.aliases) {
      const phrase = normaliseText(alias);
      if (phrase.includes(" ")) phrases.push({ entry, alias, phrase, padded: ` ${phrase} ` });
    }
    for (const form of new Set([entry.suffix, ...entry.aliases.filter((a) => /^[a-z]+$/.test(a))])) {
      letterForms.set(form, [...(letterForms.get(form) ?? []), entry]);
    }
  }
  tables = { phrases, letterForms };
  tablesOf.set(index, tables);
  return tables;
}

/**
 * Finds every fault code in a message, in any of the forms support staff write them. `normalised` is
 * `normaliseText(text)` when the caller has it already (the matcher reads every message that way anyway).
 */
export function scanFaultCodes(
  text: string,
  index: readonly FaultCodeEntry[],
  normalised: string = normaliseText(text),
): FaultCodeScan {
  const tables = scanTables(index);
  const original = text.normalize("NFKC");
  const lower = original.toLowerCase();
  // Explanations quote the code as the person wrote it ("303RSC", not "303rsc") when lengths line up.
  const written = (m: RegExpMatchArray) =>
    original.length === lower.length && m.index !== undefined ? original.slice(m.index, m.index + m[0].length) : m[0];
  const hits: FaultCodeHit[] = [];
  const unknown: string[] = [];
  const unknownForms: string[] = [];
  const hit = (entry: FaultCodeEntry, form: string) => hits.push({ code: entry.code, playbook: entry.playbook, form });
  const byNumber = (n: string) => index.find((e) => e.number === n || e.aliases.includes(n));
  // Every form searched for by number has a digit: a message without one (most) is spared those searches.
  const digits = /\d/.test(lower);
  const numbered = (pattern: RegExp) => (digits ? lower.matchAll(pattern) : []);

  // "303-RSC", "303RSC", "303 rsc": number and letters together.
  for (const m of numbered(/(?<![\w.$-])(\d{3})\s?[-_]?\s?([a-z]{2,4})(?![\w])/g)) {
    const [form, number = "", suffix = ""] = m;
    if (notSuffixes.has(suffix)) continue;
    const entry = index.find((e) => e.number === number && e.suffix === suffix);
    if (entry) hit(entry, written(m));
    else if (!/\s/.test(form) && !stopwords.has(suffix)) {
      unknown.push(`${number}-${suffix.toUpperCase()}`);
      unknownForms.push(form);
    }
  }
  // "RSC303", "ef-202", "E307": the letters written first. Only a known code counts (the letters its own
  // or "e"/"err" for error), since model names look the same ("ct4000", "cpf50").
  for (const m of numbered(/(?<![\w.$-])([a-z]{1,4})[-_]?(\d{3})(?![\w])/g)) {
    const [, letters = "", number = ""] = m;
    const entry = index.find(
      (e) => e.number === number && (e.suffix === letters || letters === "e" || letters === "err"),
    );
    if (entry) hit(entry, written(m));
  }
  // "error 307", "code 18", "status 18": a number announced as a code.
  for (const m of numbered(
    // Not "latest status: 1,J1772,…": a number opening a comma-separated port line is the port.
    /\b(?:error|err|code|fault|alarm|status|reason|rsn)\s*(?:code)?\s*[#:]?\s*(\d{1,4})\b(?![.\d]|,[a-z0-9]+,)/g,
  )) {
    const [form, number = ""] = m;
    const entry = byNumber(number);
    if (entry) hit(entry, written(m));
    else {
      unknown.push(form.trim());
      unknownForms.push(form);
    }
  }
  // "Pilot Unreachable (18)" and a bare "305".
  for (const m of numbered(/\((\d{1,3})\)|(?<![\w.$/:-])(\d{3})(?![\w%]|\.\d|\s*(?:kw|amp|volt|dbm|usd))/g)) {
    const number = m[1] ?? m[2] ?? "";
    const entry = m[1] ? byNumber(number) : index.find((e) => e.number === number);
    if (entry) hit(entry, written(m));
  }
  // A message that is only a number is a code lookup: "18".
  const bare = digits ? /^\s*#?(\d{1,3})\s*$/.exec(lower)?.[1] : undefined;
  if (bare) {
    const entry = byNumber(bare);
    if (entry) hit(entry, bare);
  }
  scanLetterForms(text, original, tables.letterForms, hit);
  // Multi-word aliases ("Earth Fault", "Cable breakaway detected") name the fault as the guide does.
  const words = ` ${normalised} `;
  for (const { entry, alias, padded } of tables.phrases) if (words.includes(padded)) hit(entry, alias);
  return { hits: dedupe(hits), unknown: [...new Set(unknown)], unknownForms };
}

/**
 * "rsc", "LCO", "EF", "HE fault". Three-letter forms that are not English words match anywhere; short or
 * word-like ones ("he", "ba") only in capitals, next to "fault"/"error", or as the whole message.
 */
function scanLetterForms(
  text: string,
  /** `text.normalize("NFKC")`, which the scan has already. */
  original: string,
  letterForms: ReadonlyMap<string, readonly FaultCodeEntry[]>,
  hit: (entry: FaultCodeEntry, form: string) => void,
): void {
  const words = [...original.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);
  // In a message typed in capitals, capitals say nothing about a word being a code.
  const shouting = text === text.toUpperCase();
  words.forEach((word, i) => {
    const lower = word.toLowerCase();
    for (const entry of letterForms.get(lower) ?? []) {
      const strong = lower.length >= 3 && !stopwords.has(lower);
      const capitals = !shouting && word === word.toUpperCase();
      const near = [words[i - 1], words[i + 1]].some((w) => w !== undefined && contextWords.has(w.toLowerCase()));
      if (strong || capitals || near || words.length === 1) hit(entry, word);
    }
  });
}

function dedupe(hits: FaultCodeHit[]): FaultCodeHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    if (seen.has(h.code)) return false;
    seen.add(h.code);
    return true;
  });
}
