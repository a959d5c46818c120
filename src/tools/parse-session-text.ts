import type { TextParse } from "./define-tool.ts";
import { listSome } from "./describe-value.ts";
import { fieldError } from "./invalid-result.ts";
import { parseChargingSetup } from "./parse-charging-setup.ts";
import { parseSessionRows } from "./parse-session-rows.ts";

/** Historical Sessions rows, plus an optional line naming the hardware setup ("cpf 50"). */
export function parseSessionText(text: string): TextParse {
  const rows = parseSessionRows(text);
  const errors = [...rows.errors];
  let setup: Record<string, unknown> | undefined;
  const ignored: string[] = [];
  for (const { line, text: other } of rows.other) {
    const parsed = parseChargingSetup(other);
    if (parsed.hasModel && parsed.errors.length === 0) setup = parsed.setup;
    else if (parsed.hasModel)
      errors.push(...parsed.errors.map((e) => ({ ...e, message: `Line ${line}: ${e.message}` })));
    else if (/\d/.test(other)) {
      const message = `Line ${line} ("${other}") has no Charging Time: expected hh:mm:ss after the energy or in the Charging Time column, e.g. 29.860 04:36:54`;
      errors.push(fieldError(`line ${line}`, "missing_charging_time", message));
    } else ignored.push(`line ${line} ("${other}")`);
  }
  if (errors.length > 0) return { ok: false, errors };
  if (rows.sessions.length === 0) {
    const what = ignored.length
      ? ` (${listSome(ignored, 3)} ${ignored.length > 1 ? "are not session rows" : "is not a session row"})`
      : "";
    const message = `No session rows found${what}: paste rows from the Historical Sessions tab, or give energy and charging time, e.g. 29.860 04:36:54`;
    return { ok: false, errors: [fieldError("sessions", "missing", message)] };
  }
  return { ok: true, input: { sessions: rows.sessions, ...(setup ? { setup } : {}) } };
}
