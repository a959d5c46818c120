import type { EngineReply } from "../../src/core/transport.ts";
import { errorCard } from "../../src/render/error-card.ts";
import { answerCommand } from "./answer-command.ts";
import { commandToEvent } from "./command-to-event.ts";
import { sendQueued } from "./send-reply.ts";
import { slackErrorCode } from "./slack-api-error.ts";
import type { SlackListenerDeps } from "./slack-listener-deps.ts";
import type { SlackHandlers } from "./slack-router.ts";
import { isStationMessageFormRequest, stationMessageModal } from "./station-message-modal.ts";

/**
 * The slash command (`/cp` in the manifest; any name works, so a workspace can rename it if /cp is taken).
 * Slack wants an answer within 3 seconds: the answer goes in the acknowledgement when it is ready in time
 * (answer-command.ts), else it follows through response_url (by way of the outbox), visible to the person
 * only unless they wrote `share`.
 */
export function onCommand(d: SlackListenerDeps): SlackHandlers["command"] {
  return async ({ command, ack }) => {
    await d.inFlight.run(async () => {
      const target = {
        kind: "respond",
        responseUrl: command.response_url,
        channel: command.channel_id,
        user: command.user_id,
      } as const;
      if (!isStationMessageFormRequest(command.text ?? "")) {
        await answerCommand(d, commandToEvent(command), ack, { ...target, replaceable: false });
        return;
      }
      // An acknowledgement that did not leave changes nothing here: the form opens by trigger_id.
      await ack().catch((error: unknown) => d.logger.warn("the acknowledgement did not leave", { error }));
      try {
        // trigger_id expires 3 seconds after the command: open the modal before anything slow. This call
        // stays direct: a retry through the outbox would come after the trigger died (expired_trigger_id).
        await d.client.views.open({
          trigger_id: command.trigger_id,
          view: stationMessageModal({ channel: command.channel_id, user: command.user_id }),
        });
      } catch (error) {
        const code = slackErrorCode(error) ?? "error";
        d.logger.warn("could not open the station message form", { code, error });
        const message = `Slack did not open the form (${code}). Try ${command.command} msg again, or check the two lines directly: ${command.command} msg Closed today | Back at 8am`;
        const reply: EngineReply = { cards: [errorCard(message, code)], mode: "new", visibility: "ephemeral" };
        await sendQueued(d, reply, { ...target, replaceable: false }).catch((e: unknown) =>
          d.logger.error("could not tell the user the form failed", { error: e }),
        );
      }
    });
  };
}
