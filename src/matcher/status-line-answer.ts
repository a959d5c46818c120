import type { Playbook } from "../playbooks/playbook-schema.ts";
import { parseStatusLine } from "../tools/status-line.ts";
import { compareIds } from "./compare-ids.ts";
import type { MatchResult } from "./match-result.ts";

/** A Get Latest Status port line as the guide prints it: "1,J1772,FwRev=32,SSM1Rev=40,...". */
const portLine = /\b\d{1,2},[A-Za-z0-9_-]+,FwRev=[^\s"']*/g;

/** Which playbooks show a faulted port line with this fault field (field 13), from their own text. */
export type StatusLineIndex = Map<string, string[]>;

/**
 * Learnt from the example lines the playbooks quote from the guide (Hardware Fault shows field 13 = 9,
 * Pilot Unreachable and Relay Stuck Closed show 8), so nothing here names a playbook.
 */
export function buildStatusLineIndex(playbooks: readonly Playbook[]): StatusLineIndex {
  const index: StatusLineIndex = new Map();
  for (const playbook of [...playbooks].sort((a, b) => compareIds(a.id, b.id))) {
    for (const field of faultFields(JSON.stringify(playbook))) {
      const ids = index.get(field) ?? [];
      if (!ids.includes(playbook.id)) ids.push(playbook.id);
      index.set(field, ids);
    }
  }
  return index;
}

/** The fault fields of every out-of-service port line in a text. */
function faultFields(text: string): string[] {
  const fields: string[] = [];
  for (const [line] of text.matchAll(portLine)) {
    const parsed = parseStatusLine(line);
    if (parsed.ok && parsed.port.portState === "OUT_OF_SERVICE" && /^\d+$/.test(parsed.port.faultField))
      fields.push(parsed.port.faultField);
  }
  return fields;
}

/**
 * A port line pasted from its state on ("ENABLE,OUT_OF_SERVICE,NO_VEHICLE,IDLE,0,NONE,9"): the fault field is
 * the fifth after OUT_OF_SERVICE in the guide's lines, whatever was cut before it.
 */
const cutLine = /\bOUT_OF_SERVICE,[^,\s]*,[^,\s]*,[^,\s]*,[^,\s]*,(\d+)\b/gi;
/** "what does the 9 in the latest status line mean": a number asked about beside the status line's name. */
const statusLineNamed = /\b(?:get latest status|latest status|status line|port line|status string)\b/i;
const askedNumber =
  /\b(?:the|a|reason|field|value)\s+(\d{1,2})\b(?!\s*(?:am|pm|min|mins|minutes|hours|days|kw|amps?)\b)/gi;

/** Fault fields read from a cut port line or asked about by number beside the status line's name. */
function fieldsAskedAbout(text: string): string[] {
  const fields = [...text.matchAll(cutLine)].map((m) => m[1]!);
  if (fields.length === 0 && statusLineNamed.test(text))
    fields.push(...[...text.matchAll(askedNumber)].map((m) => m[1]!));
  return fields;
}

/**
 * Every field read above needs one of these in the text: an out-of-service port state (the parser keeps the
 * state as written, upper-cased) or the status line named. Most messages have none, and three searches cost more.
 */
const mayHaveField = /out_of_service|status|port line/i;

/** A pasted port line whose fault field a playbook's example shows answers with that playbook (or asks which). */
export function statusLineAnswer(text: string, index: StatusLineIndex): MatchResult | undefined {
  if (!mayHaveField.test(text)) return undefined;
  // Only when no whole line is there: a whole line's own fault field comes first.
  const whole = faultFields(text);
  const field = (whole.length > 0 ? whole : fieldsAskedAbout(text)).find((f) => index.has(f));
  if (field === undefined) return undefined;
  const playbooks = index.get(field)!;
  const rule = `latest status port line, out of service with fault field ${field}`;
  const terms = [`OUT_OF_SERVICE … ${field}`];
  if (playbooks.length === 1)
    return { kind: "match", playbook: playbooks[0]!, confidence: 0.9, alternatives: [], explanation: { rule, terms } };
  const share = 1 / playbooks.length;
  return {
    kind: "ambiguous",
    playbook: playbooks[0]!,
    confidence: share,
    alternatives: playbooks.slice(1).map((playbook) => ({ playbook, confidence: share })),
    explanation: { rule, terms, note: "the guide shows this port line in more than one article" },
  };
}
