import { homeToBlockKit } from "./home-to-block-kit.ts";
import { slackErrorCode } from "./slack-api-error.ts";
import type { SlackListenerDeps } from "./slack-listener-deps.ts";
import type { SlackHandlers } from "./slack-router.ts";

/**
 * The Home tab: each time a person opens it, cpbot publishes their own view (views.publish), built fresh by
 * the engine, so it always shows the walkthroughs and escalations as they stand. Opening the Messages tab
 * fires the same event and needs nothing.
 */
export function onAppHomeOpened(d: SlackListenerDeps): SlackHandlers["homeOpened"] {
  return async ({ event }) => {
    if (event.tab !== "home") return;
    await d.inFlight.run(async () => {
      try {
        const home = await d.engine.home({ id: event.user }, "slack", d.command);
        await d.client.views.publish({ user_id: event.user, view: homeToBlockKit(home) });
      } catch (error) {
        d.logger.error("could not publish the Home tab", { user: event.user, code: slackErrorCode(error), error });
      }
    });
  };
}
