import type { webApi } from "@slack/bolt";
import type { Logger } from "../../src/core/logger.ts";
import type { Engine } from "../../src/engine/create-engine.ts";
import type { Store } from "../../src/store/store.ts";
import type { InFlight } from "./in-flight.ts";
import type { RecentIds } from "./recent-ids.ts";
import type { ThreadLinks } from "./thread-links.ts";

/** Who cpbot is in the workspace, from auth.test at start-up. */
export interface SlackIdentity {
  botUserId: string;
  botId: string;
  /** The bot user's name (for start-up messages). */
  botName?: string;
  teamId?: string;
  team?: string;
}

/** What every Slack listener needs; built once by createSlackAdapter when the engine is connected. */
export interface SlackListenerDeps {
  engine: Engine;
  store: Store;
  client: webApi.WebClient;
  logger: Logger;
  identity: SlackIdentity;
  inFlight: InFlight;
  recent: RecentIds;
  links: ThreadLinks;
  /** The slash command's name in this workspace (SLACK_COMMAND), for texts that tell people how to ask. */
  command: string;
}
