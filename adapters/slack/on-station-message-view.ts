import type { EngineReply } from "../../src/core/transport.ts";
import { runStationMessageForm } from "../../src/engine/step-tools.ts";
import { toolResultCard } from "../../src/render/tool-result-card.ts";
import { sendQueued } from "./send-reply.ts";
import type { SlackListenerDeps } from "./slack-listener-deps.ts";
import type { SlackHandlers } from "./slack-router.ts";
import { modalErrors, readModalInputs, readModalOrigin } from "./station-message-modal.ts";

/**
 * Submit of the `/cp msg` modal. The check is the station-message tool, run before ack() because Slack
 * shows field errors only from the acknowledgement itself (`response_action: "errors"`, keyed by block_id).
 * A valid message closes the modal, and the measured preview (name, each line and its length, what to do
 * next in the dashboard) is posted where the form was opened, for the person only.
 */
export function onStationMessageView(d: SlackListenerDeps): SlackHandlers["stationMessageView"] {
  return async ({ view, body, ack }) => {
    await d.inFlight.run(async () => {
      const result = runStationMessageForm(readModalInputs(view));
      if (result.verdict === "invalid" || result.errors.length > 0) {
        const errors = modalErrors(result.errors);
        await ack({
          response_action: "errors",
          errors: Object.keys(errors).length > 0 ? errors : { line1: result.summary },
        });
        return;
      }
      await ack();
      const origin = readModalOrigin(view);
      const reply: EngineReply = { cards: [toolResultCard(result)], mode: "new", visibility: "ephemeral" };
      try {
        // The modal has closed (ack above, which had to come within 3 s); the preview is not bound to the
        // trigger, so it goes through the outbox and is retried if Slack fails.
        await sendQueued(d, reply, { kind: "ephemeral", channel: origin?.channel ?? body.user.id, user: body.user.id });
      } catch (error) {
        d.logger.error("could not post the station message preview", { user: body.user.id, error });
      }
    });
  };
}
