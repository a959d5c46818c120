/**
 * One port line from Get Latest Status (Status/Actions), as the guide prints it in the Hardware Fault,
 * Pilot Unreachable and Relay Stuck Closed articles:
 *   1,J1772,FwRev=32,SSM1Rev=40,SSM2Rev=40,,ENABLE,OUT_OF_SERVICE,NO_VEHICLE,IDLE,0,NONE,9,NONE,0xA1,NA
 * The guide names the port, connector, revisions, ENABLE, the port state, the vehicle state and the field
 * that reads 9 or 8 on a faulted port; the other fields are kept as they are, unnamed.
 */
export interface PortStatus {
  port: number;
  connector: string;
  revisions: { fwRev: string; ssm1Rev: string; ssm2Rev: string };
  enabled: boolean;
  portState: string;
  vehicleState: string;
  /** Field 13; NONE when the port has no fault. */
  faultField: string;
  raw: string;
}

export const exampleStatusLine =
  "1,J1772,FwRev=32,SSM1Rev=40,SSM2Rev=40,,ENABLE,AVAILABLE,NO_VEHICLE,IDLE,0,NONE,NONE,NONE,0xA1,NA";
const guideFieldCount = 16;
const faultFieldIndex = 12;

export type StatusLineParse = { ok: true; port: PortStatus } | { ok: false; problem: string };

function revision(field: string | undefined, key: string, position: number): string | { problem: string } {
  const match = new RegExp(`^${key}=(\\S*)$`, "i").exec(field ?? "");
  if (match) return match[1]!;
  return { problem: `field ${position} should be ${key}=<revision>, got "${field ?? ""}"` };
}

/** Parses one comma-separated port line; the problem says which field is wrong and what was expected. */
export function parseStatusLine(text: string): StatusLineParse {
  const fields = text.split(",");
  if (fields.length < faultFieldIndex + 1) {
    return {
      ok: false,
      problem: `has ${fields.length} comma-separated fields where a port line has ${guideFieldCount}, e.g. ${exampleStatusLine}`,
    };
  }
  const [port, connector, fw, ssm1, ssm2, , enable, portState, vehicleState] = fields;
  const problems: string[] = [];
  if (!/^\d{1,2}$/.test(port ?? "") || Number(port) < 1)
    problems.push(`field 1 should be the port number (1, 2, ...), got "${port}"`);
  if (!/^[A-Za-z0-9_-]+$/.test(connector ?? ""))
    problems.push(`field 2 should be the connector type (e.g. J1772), got "${connector}"`);
  const revisions = [revision(fw, "FwRev", 3), revision(ssm1, "SSM1Rev", 4), revision(ssm2, "SSM2Rev", 5)];
  for (const r of revisions) if (typeof r !== "string") problems.push(r.problem);
  if (!/^(ENABLE|DISABLE)D?$/i.test(enable ?? ""))
    problems.push(`field 7 should be ENABLE or DISABLE, got "${enable}"`);
  if (!/^[A-Z][A-Z_]*$/i.test(portState ?? "")) {
    problems.push(`field 8 should be the port state (AVAILABLE, OUT_OF_SERVICE, ...), got "${portState}"`);
  }
  if (!/^[A-Z][A-Z_]*$/i.test(vehicleState ?? "")) {
    problems.push(`field 9 should be the vehicle state (e.g. NO_VEHICLE), got "${vehicleState}"`);
  }
  const faultField = fields[faultFieldIndex]!;
  if (!/^(NONE|\d+)$/i.test(faultField))
    problems.push(`field 13 should be NONE or a number (e.g. 9), got "${faultField}"`);
  if (problems.length > 0) return { ok: false, problem: problems.join("; ") };

  const [fwRev, ssm1Rev, ssm2Rev] = revisions as string[];
  return {
    ok: true,
    port: {
      port: Number(port),
      connector: connector!,
      revisions: { fwRev: fwRev!, ssm1Rev: ssm1Rev!, ssm2Rev: ssm2Rev! },
      enabled: /^ENABLE/i.test(enable!),
      portState: portState!.toUpperCase(),
      vehicleState: vehicleState!.toUpperCase(),
      faultField: faultField.toUpperCase(),
      raw: text,
    },
  };
}

/** The lcdstate summary the Pilot Unreachable article reads: "lcdstate = PortState[1,2]=Available,Available". */
export function parseLcdState(line: string): Map<number, string> | undefined {
  const match = /PortState\[([\d,\s]+)\]\s*=\s*([A-Za-z_,\s]+)/i.exec(line);
  if (!match) return undefined;
  const ports = match[1]!.split(",").map((p) => Number(p.trim()));
  const states = match[2]!.split(",").map((s) => s.trim().toUpperCase());
  return new Map(ports.map((p, i) => [p, states[i] ?? ""]));
}
