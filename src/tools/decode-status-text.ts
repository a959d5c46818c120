import { fieldError } from "./invalid-result.ts";
import { exampleStatusLine, type PortStatus, parseLcdState, parseStatusLine } from "./status-line.ts";
import type { FieldError } from "./tool-result.ts";

export interface DecodedStatus {
  ports: PortStatus[];
  lcdState?: Map<number, string>;
  /** Lines that are part of a Get Latest Status paste but not port lines (rfidinfo and the like). */
  ignored: { line: number; text: string }[];
  errors: FieldError[];
}

const short = (text: string): string => (text.length > 50 ? `${text.slice(0, 50)}…` : text);

/**
 * Finds the port lines in a paste. People paste the whole Get Latest Status or just the "outlet" lines,
 * sometimes with a label in front or two port lines on one row, so port lines are found by shape: a token
 * that starts with a port number and a comma.
 */
export function decodeStatusText(text: string): DecodedStatus {
  const ports: PortStatus[] = [];
  const ignored: DecodedStatus["ignored"] = [];
  const errors: FieldError[] = [];
  const seen = new Map<number, number>();
  let lcdState: Map<number, string> | undefined;

  text.split(/\r?\n/).forEach((rawLine, index) => {
    const lineNo = index + 1;
    const line = rawLine.trim().replace(/\s*,\s*/g, ",");
    if (line === "") return;
    const lcd = parseLcdState(line);
    if (lcd) lcdState = lcd;
    // Port numbers are small, so "210326,UIC" (an rfidinfo line) is not mistaken for a port line.
    const candidates = line.split(/\s+/).filter((token) => /^\d{1,2},/.test(token));
    if (candidates.length === 0) {
      if (!lcd) ignored.push({ line: lineNo, text: short(line) });
      return;
    }
    for (const candidate of candidates) {
      const parsed = parseStatusLine(candidate);
      if (!parsed.ok) {
        const message = `Line ${lineNo} ("${short(candidate)}") is not a complete port line: it ${parsed.problem}`;
        errors.push(fieldError(`line ${lineNo}`, "unreadable_port_line", message));
        continue;
      }
      const before = seen.get(parsed.port.port);
      if (before !== undefined) {
        const message = `Port ${parsed.port.port} appears on lines ${before} and ${lineNo}: paste the port lines of one Get Latest Status at a time`;
        errors.push(fieldError(`line ${lineNo}`, "duplicate_port", message));
        continue;
      }
      seen.set(parsed.port.port, lineNo);
      ports.push(parsed.port);
    }
  });

  if (ports.length === 0 && !lcdState) {
    for (const { line, text: shown } of ignored) {
      const message = `Line ${line} ("${shown}") is not a port line: expected a line from Get Latest Status like ${exampleStatusLine}`;
      errors.push(fieldError(`line ${line}`, "not_a_port_line", message));
    }
  }
  return { ports: ports.sort((a, b) => a.port - b.port), lcdState, ignored, errors };
}
