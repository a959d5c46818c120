import type { types, ViewOutput } from "@slack/bolt";
import { stationMessageRules } from "../../src/tools/station-message-rules.ts";
import type { FieldError } from "../../src/tools/tool-result.ts";
import { escapeSlack } from "./slack-text.ts";

/**
 * `/cp msg` on its own opens this modal: the four fields of the dashboard's Station Messages form. On
 * submit the station-message tool checks them; wrong fields come back as Slack's inline errors
 * (`response_action: "errors"` keyed by block_id), a valid message closes the modal and the preview is posted.
 */
export const stationMessageCallbackId = "cpbot.station-message";

/** Where the modal was opened from, carried through Slack in private_metadata. */
export interface ModalOrigin {
  channel: string;
  user: string;
}

const fields = [
  { id: "name", label: "Station Message Name", placeholder: "Holiday closure", multiline: false },
  { id: "description", label: "Description (optional)", placeholder: "Shown over the holidays", multiline: true },
  {
    id: "line1",
    label: `Line 1 (at most ${stationMessageRules.line1.maxChars} characters)`,
    placeholder: "Closed today",
    multiline: false,
  },
  {
    id: "line2",
    label: `Line 2 (at most ${stationMessageRules.line2.maxChars} characters)`,
    placeholder: "Back at 8am",
    multiline: false,
  },
] as const;
const fieldIds = new Set<string>(fields.map((f) => f.id));
/** Every input's element has this action_id; the block_id names the field. */
const valueId = "value";

/** `/cp msg` or `/cp msg form`: the person wants the form rather than the one-line `msg a | b` grammar. */
export function isStationMessageFormRequest(text: string): boolean {
  return /^msg(?:\s+form)?$/i.test(text.trim());
}

export function stationMessageModal(origin: ModalOrigin): types.ModalView {
  const forbidden = stationMessageRules.forbidden.join(" ");
  return {
    type: "modal",
    callback_id: stationMessageCallbackId,
    private_metadata: JSON.stringify(origin),
    title: { type: "plain_text", text: "Station message" },
    submit: { type: "plain_text", text: "Check" },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: escapeSlack(
            `Check a message before creating it in Station Messages. Lines 1 and 2 appear on the station screen; these characters are not allowed: ${forbidden}`,
          ),
        },
      },
      // Every field is optional to Slack, so the station-message tool judges them all, with its own words.
      ...fields.map(
        (f): types.InputBlock => ({
          type: "input",
          block_id: f.id,
          optional: true,
          label: { type: "plain_text", text: f.label },
          element: {
            type: "plain_text_input",
            action_id: valueId,
            placeholder: { type: "plain_text", text: f.placeholder },
            ...(f.multiline ? { multiline: true } : {}),
          },
        }),
      ),
    ],
  };
}

/** The submitted values by field id; an empty input (Slack sends null) is left out, as the tool expects. */
export function readModalInputs(view: ViewOutput): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const id of fieldIds) {
    const value = view.state.values[id]?.[valueId]?.value;
    if (typeof value === "string") inputs[id] = value;
  }
  return inputs;
}

export function readModalOrigin(view: ViewOutput): ModalOrigin | undefined {
  try {
    const parsed = JSON.parse(view.private_metadata) as Partial<ModalOrigin>;
    return typeof parsed.channel === "string" && typeof parsed.user === "string"
      ? { channel: parsed.channel, user: parsed.user }
      : undefined;
  } catch {
    return undefined;
  }
}

/** The tool's field errors as Slack wants them: one message per block_id (a stray field goes on line 1). */
export function modalErrors(errors: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const block = fieldIds.has(e.field) ? e.field : "line1";
    out[block] = out[block] ? `${out[block]} ${e.message}` : e.message;
  }
  return out;
}
