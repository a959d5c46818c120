import { z } from "zod";
import { type DecodedStatus, decodeStatusText } from "./decode-status-text.ts";
import { defineTool, maxTextLength } from "./define-tool.ts";
import { listSome } from "./describe-value.ts";
import { invalidResult } from "./invalid-result.ts";
import { latestStatusSteps, type StatusPlaybook, statusPlaybooks } from "./latest-status-steps.ts";
import { exampleStatusLine, type PortStatus } from "./status-line.ts";
import type { ToolResult } from "./tool-result.ts";

export const latestStatusInput = z.strictObject({
  status: z
    .string({ error: "status must be the pasted text of Get Latest Status (one port line per row)" })
    .max(maxTextLength, { error: `status must be at most ${maxTextLength} characters; paste only the port lines` }),
  playbook: z.enum(statusPlaybooks).optional(),
});
export type LatestStatusInput = z.infer<typeof latestStatusInput>;

export interface LatestStatusData {
  ports: PortStatus[];
  cleared: boolean;
}

const describePort = (p: PortStatus): string =>
  [
    `${p.enabled ? "ENABLE" : "DISABLE"}, ${p.portState}`,
    p.vehicleState,
    `fault field ${p.faultField}`,
    `${p.connector}, FwRev ${p.revisions.fwRev}, SSM1Rev ${p.revisions.ssm1Rev}, SSM2Rev ${p.revisions.ssm2Rev}`,
  ].join(" · ");

function nextSteps(playbook: StatusPlaybook, faulted: { port: number }[]): string[] {
  const steps = latestStatusSteps[playbook];
  if (faulted.length === 0) return steps.cleared;
  const byPort = faulted.flatMap((p) => (p.port === 1 ? (steps.port1 ?? []) : p.port === 2 ? (steps.port2 ?? []) : []));
  return [...byPort, ...steps.remains];
}

/** Reads the port lines and says whether the fault cleared, with the matching playbook's next step. */
export function checkLatestStatus(input: LatestStatusInput): ToolResult<LatestStatusData> {
  const playbook = input.playbook ?? "hardware-fault";
  const decoded: DecodedStatus = decodeStatusText(input.status);
  const expected = [`Expected: the port lines of Get Latest Status, one per row, e.g. ${exampleStatusLine}`];
  if (decoded.errors.length > 0) return invalidResult("latest-status", playbook, decoded.errors, expected);

  // Port lines decide; the lcdstate line stands in only when no port line was pasted.
  const states = decoded.ports.length
    ? decoded.ports.map((p) => ({ port: p.port, state: p.portState, enabled: p.enabled }))
    : [...(decoded.lcdState ?? [])].map(([port, state]) => ({ port, state, enabled: true }));
  const faulted = states.filter((s) => s.state === "OUT_OF_SERVICE");
  const other = states.filter((s) => s.state !== "OUT_OF_SERVICE" && (s.state !== "AVAILABLE" || !s.enabled));
  const figures = decoded.ports.map((p) => ({ label: `Port ${p.port}`, value: describePort(p) }));
  if (decoded.lcdState) {
    const lcd = [...decoded.lcdState].map(([port, state]) => `${port}=${state}`).join(", ");
    figures.push({ label: "lcdstate", value: lcd });
  }
  const explanation = [
    "AVAILABLE on a port means the fault cleared; OUT_OF_SERVICE means it remains (guide: Hardware Fault, Pilot Unreachable and Relay Stuck Closed articles).",
    ...decoded.ports
      .filter((p) => p.faultField !== "NONE")
      .map(
        (p) =>
          `Port ${p.port} has ${p.faultField} in its fault field (the guide's examples show 9 for Hardware Fault and 8 for Pilot Unreachable and Relay Stuck Closed).`,
      ),
    ...other.map(
      (s) =>
        `Port ${s.port} is ${s.enabled ? s.state : "DISABLE"}: the guide's check reads AVAILABLE or OUT_OF_SERVICE, so this port needs a look.`,
    ),
    ...(decoded.ports.length === 0
      ? ["Only the lcdstate line was pasted; paste the outlet port lines too to confirm."]
      : []),
    ...decoded.ports
      .filter((p) => decoded.lcdState?.has(p.port) && decoded.lcdState.get(p.port) !== p.portState)
      .map(
        (p) =>
          `Port ${p.port}: the outlet line says ${p.portState} but lcdstate says ${decoded.lcdState?.get(p.port)}; the verdict follows the outlet line. Pull the latest status again if they still disagree.`,
      ),
    ...(decoded.ignored.length > 0
      ? [`Not port lines, so not read: ${listSome(decoded.ignored.map((i) => `line ${i.line} ("${i.text}")`))}.`]
      : []),
  ];
  const portList = (list: { port: number }[]) =>
    `port${list.length > 1 ? "s" : ""} ${list.map((s) => s.port).join(list.length > 2 ? ", " : " and ")}`;
  const cleared = faulted.length === 0;
  const summary = !cleared
    ? `Fault remains on ${portList(faulted)} (OUT_OF_SERVICE).`
    : other.length > 0
      ? `No port is OUT_OF_SERVICE, but ${portList(other)} ${other.length > 1 ? "are" : "is"} not AVAILABLE.`
      : `Fault cleared: ${portList(states)} AVAILABLE.`;
  return {
    tool: "latest-status",
    playbook,
    verdict: !cleared ? "problem" : other.length > 0 || decoded.ports.length === 0 ? "warning" : "ok",
    summary,
    figures,
    explanation,
    errors: [],
    next: nextSteps(playbook, faulted),
    data: { ports: decoded.ports, cleared },
  };
}

export const latestStatusTool = defineTool({
  id: "latest-status",
  title: "Latest status decoder",
  playbook: "hardware-fault",
  playbooks: statusPlaybooks,
  summary: "Decodes the port lines of Get Latest Status: fault cleared (AVAILABLE) or fault remains (OUT_OF_SERVICE).",
  usage: "status <port lines from Get Latest Status>",
  examples: [`status ${exampleStatusLine}`],
  inputSchema: latestStatusInput,
  fields: ["status", "playbook"],
  check: (input, playbook) => checkLatestStatus({ ...input, playbook: input.playbook ?? (playbook as StatusPlaybook) }),
  parseText: (text) => ({ ok: true, input: { status: text } }),
});
