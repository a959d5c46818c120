import { z } from "zod";
import { defineTool, type TextParse } from "./define-tool.ts";
import { listSome } from "./describe-value.ts";
import { numberField } from "./field-schemas.ts";
import { fieldError } from "./invalid-result.ts";
import type { ToolResult } from "./tool-result.ts";

/**
 * Guide, Diagnose > ChargePoint Card (RFID) Reader, Solution step 1: "Remote Starts (Driver support
 * started, CP App, or Admin started) show 1000000000 starting numbers, while RFID starts from 1 and
 * increment up by 1 per each RFID session start." Its example runs 1649444007, 1649443833, 739, 738.
 */
export const remoteStartFrom = 1_000_000_000;

export const plugInEventInput = z.strictObject({
  ids: z
    .array(
      numberField({ label: "Plug In Event ID", min: 1, max: Number.MAX_SAFE_INTEGER, integer: true, example: "739" }),
      { error: "ids must be a list of Plug In Event IDs, e.g. [1649444007, 739, 738]" },
    )
    .min(1, { error: "ids is empty: give the Plug In Event IDs from the Historical Sessions tab" })
    .max(1000, { error: "ids has more than 1000 entries: check one station's recent sessions at a time" }),
});
export type PlugInEventInput = z.infer<typeof plugInEventInput>;

export interface PlugInEvents {
  rfid: number[];
  remote: number[];
  /** RFID IDs missing between the lowest and highest listed, e.g. 740-744 between 739 and 745. */
  gaps: { after: number; before: number }[];
}

export function checkPlugInEvents(input: PlugInEventInput): ToolResult<PlugInEvents> {
  const unique = [...new Set(input.ids)];
  const rfid = unique.filter((id) => id < remoteStartFrom).sort((a, b) => a - b);
  const remote = unique.filter((id) => id >= remoteStartFrom);
  const gaps = rfid.slice(1).flatMap((id, i) => (id - rfid[i]! > 1 ? [{ after: rfid[i]!, before: id }] : []));
  const explanation = [
    `IDs from ${remoteStartFrom} up are remote starts (driver support, the ChargePoint app or an admin); small IDs that go up by 1 are RFID card starts.`,
    ...(unique.length < input.ids.length ? [`${input.ids.length - unique.length} repeated ID(s) counted once.`] : []),
    // A handful of gaps is informative; hundreds would bury the verdict.
    ...gaps
      .slice(0, 5)
      .map((g) =>
        g.before - g.after === 2
          ? `RFID ID ${g.after + 1} is not in the list (between ${g.after} and ${g.before}).`
          : `RFID IDs ${g.after + 1}-${g.before - 1} are not in the list (between ${g.after} and ${g.before}).`,
      ),
    ...(gaps.length > 5 ? [`${gaps.length - 5} more gaps in the RFID IDs.`] : []),
  ];
  const run = rfid.length > 1 ? `${rfid[0]} → ${rfid[rfid.length - 1]}` : String(rfid[0] ?? "");
  const occurring = rfid.length > 0;
  return {
    tool: "plug-in-event",
    playbook: "rfid-reader",
    verdict: occurring ? "ok" : "warning",
    summary: occurring
      ? `RFID sessions are occurring: ${rfid.length} RFID start${rfid.length > 1 ? "s" : ""} (${run}) and ${remote.length} remote start${remote.length === 1 ? "" : "s"}.`
      : `No RFID starts: ${remote.length === 1 ? "the only session was" : `all ${remote.length} sessions were`} started remotely.`,
    figures: [
      { label: "RFID starts", value: rfid.length ? rfid.join(", ") : "none" },
      { label: "Remote starts", value: remote.length ? remote.join(", ") : "none" },
    ],
    explanation,
    errors: [],
    next: occurring
      ? [
          "RFID sessions work: if the Unknown RFID alarm still comes up, check the driver's or fleet user's card for damage.",
        ]
      : [
          "Pull up the Alarm Log in Status/Actions and look for Unknown RFID.",
          "Resend Config, then Get Latest Status and read the RFID section (a good status looks like rfidinfo 210326, UIC 68FCA911_V1.1).",
          "If RFID shows Unknown or -----, soft reboot the station and wait 5 minutes; if it remains after the reboot, contact Support.",
        ],
    data: { rfid, remote, gaps },
  };
}

/** "1649444007 739 738", or the Ended By / Plug In Event ID columns pasted ("CPS Server 1649444007"). */
function parsePlugInText(text: string): TextParse {
  const decimals = text.match(/-?\d+\.\d+/g);
  if (decimals) {
    const message = `Plug In Event IDs are whole numbers; found ${listSome(decimals)}: paste the IDs as the Historical Sessions tab shows them, e.g. 1649444007 739 738`;
    return { ok: false, errors: [fieldError("ids", "not_whole", message)] };
  }
  const ids = (text.match(/(?<![\w-])-?\d+(?![\w:-])/g) ?? []).map(Number);
  if (ids.length === 0) {
    const message =
      "No Plug In Event IDs found: give the IDs from the Historical Sessions tab, e.g. 1649444007 739 738";
    return { ok: false, errors: [fieldError("ids", "missing", message)] };
  }
  return { ok: true, input: { ids } };
}

export const plugInEventTool = defineTool({
  id: "plug-in-event",
  title: "Plug In Event IDs",
  playbook: "rfid-reader",
  summary:
    "Sorts Plug In Event IDs into remote starts (from 1000000000) and RFID starts, and says whether RFID sessions occur.",
  usage: "events <Plug In Event IDs>",
  examples: ["events 1649444007 1649443833 739 738"],
  inputSchema: plugInEventInput,
  fields: ["ids"],
  check: (input) => checkPlugInEvents(input),
  parseText: parsePlugInText,
});
