import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  App,
  MessageShortcut,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
} from "@slack/bolt";
import { escalateModalCallbackId } from "./escalate-modal.ts";
import { askShortcutId } from "./on-message-shortcut.ts";
import { stationMessageCallbackId } from "./station-message-modal.ts";

type Args<T> = T & AllMiddlewareArgs;

/**
 * What a slash command's handler reads: the command and its acknowledgement. Over HTTP a command reaches
 * its handler without Bolt (direct-commands.ts), so it must not need the rest of Bolt's arguments.
 */
export type CommandArgs = Pick<SlackCommandMiddlewareArgs, "command" | "ack">;

/** What each kind of Slack request is handed to; a request of no kind listed here is left unacknowledged. */
export interface SlackHandlers {
  command(args: CommandArgs): Promise<void>;
  action(args: Args<SlackActionMiddlewareArgs>): Promise<void>;
  escalateView(args: Args<SlackViewMiddlewareArgs>): Promise<void>;
  stationMessageView(args: Args<SlackViewMiddlewareArgs>): Promise<void>;
  askShortcut(args: Args<SlackShortcutMiddlewareArgs<MessageShortcut>>): Promise<void>;
  mention(args: Args<SlackEventMiddlewareArgs<"app_mention">>): Promise<void>;
  message(args: Args<SlackEventMiddlewareArgs<"message">>): Promise<void>;
  homeOpened(args: Args<SlackEventMiddlewareArgs<"app_home_opened">>): Promise<void>;
}

/**
 * One global middleware that hands each request to its handler, instead of one Bolt listener per kind:
 * Bolt runs every listener's middleware chain for every request (each step copies the arguments into a
 * new object and awaits its filter), so eight listeners cost about twice what one does per request. The
 * matching is Bolt's, kept: any slash command; block actions with an action_id (Bolt's constraint
 * matcher skipped payloads without one); view submissions and the message shortcut by callback_id; three
 * event types. It never calls next(), and no listener is registered, so nothing else runs. Bolt's own
 * global middleware (ignoreSelf) is registered before this one and still runs first.
 */
export function routeSlackRequests(app: App, handlers: SlackHandlers): void {
  app.use(async (args: Args<AnyMiddlewareArgs>) => {
    const handler = pick(args, handlers);
    if (handler) await handler();
  });
}

/** The handler for this request bound to its arguments; undefined for anything cpbot does not take. */
function pick(args: Args<AnyMiddlewareArgs>, h: SlackHandlers): (() => Promise<void>) | undefined {
  if ("command" in args && args.command) {
    const a = args as Args<SlackCommandMiddlewareArgs>;
    return /^\/.+/.test(a.command.command) ? () => h.command(a) : undefined;
  }
  if ("action" in args && args.action) {
    const a = args as Args<SlackActionMiddlewareArgs>;
    return (a.action as { action_id?: string }).action_id !== undefined ? () => h.action(a) : undefined;
  }
  if ("view" in args && args.view) {
    const a = args as Args<SlackViewMiddlewareArgs>;
    if (a.body.type !== "view_submission") return undefined;
    if (a.view.callback_id === escalateModalCallbackId) return () => h.escalateView(a);
    if (a.view.callback_id === stationMessageCallbackId) return () => h.stationMessageView(a);
    return undefined;
  }
  if ("shortcut" in args && args.shortcut) {
    const a = args as Args<SlackShortcutMiddlewareArgs<MessageShortcut>>;
    const ours = a.body.type === "message_action" && a.body.callback_id === askShortcutId;
    return ours ? () => h.askShortcut(a) : undefined;
  }
  if ("event" in args && args.event) {
    switch (args.event.type) {
      case "app_mention":
        return () => h.mention(args as Args<SlackEventMiddlewareArgs<"app_mention">>);
      case "message":
        return () => h.message(args as Args<SlackEventMiddlewareArgs<"message">>);
      case "app_home_opened":
        return () => h.homeOpened(args as Args<SlackEventMiddlewareArgs<"app_home_opened">>);
    }
  }
  return undefined;
}
