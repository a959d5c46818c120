import type { IncomingMessage, ServerResponse } from "node:http";
import type { webApi } from "@slack/bolt";
import type { Logger } from "../../src/core/logger.ts";
import { databaseDownCard } from "../../src/render/database-down-card.ts";
import { type DeliverDeps, deliverReply } from "./deliver-reply.ts";
import type { InFlight } from "./in-flight.ts";

export interface DatabaseGateDeps {
  /** Resolves when the database answers (Store.ping); rejects when it cannot be reached. */
  ping: () => Promise<void>;
  client: webApi.WebClient;
  /** How the one "database is down" card is sent (the Web API without retries of its own). */
  delivery: DeliverDeps;
  logger: Logger;
  inFlight: InFlight;
  botUserId: string;
  /** How long a ping may take before the database counts as down; default 2 s (Slack wants an answer in 3). */
  pingTimeoutMs?: number;
}

interface EventEnvelope {
  type?: string;
  event_id?: string;
  event?: {
    type?: string;
    channel?: string;
    channel_type?: string;
    ts?: string;
    thread_ts?: string;
    user?: string;
    bot_id?: string;
    subtype?: string;
  };
}

/**
 * Runs between the signature check and Bolt. Bolt acknowledges an Events API event before its listener
 * runs, so once Bolt has it, a database failure can no longer make Slack send it again. Here, while the
 * database cannot be reached, an event is answered 503: Slack redelivers it (about 1 and 5 minutes
 * later, X-Slack-Retry-Num), and the redelivery that finds the database back is answered once (the
 * event id is claimed in the store). A mention or DM gets one card on the first delivery saying so.
 * Slash commands and buttons pass through: Slack never redelivers those, so the engine answers them with
 * its "cannot reach my database" card instead.
 */
export function holdEventsWhileDatabaseDown(
  deps: DatabaseGateDeps,
  next: (req: IncomingMessage, res: ServerResponse) => unknown,
): (req: IncomingMessage, res: ServerResponse) => Promise<unknown> {
  // One ping at a time: events that arrive while it is under way wait for its answer instead of each
  // queueing a ping (and a timer) of its own behind the store's writes. A database that fails after that
  // ping began is the same race as one that fails just after a ping of the event's own.
  let pinging: Promise<void> | undefined;
  const ping = (): Promise<void> => {
    pinging ??= withinTime(deps.ping(), deps.pingTimeoutMs ?? 2000).finally(() => {
      pinging = undefined;
    });
    return pinging;
  };
  return async (req, res) => {
    // Only a JSON body naming event_callback can be an Events API event (a byte search, no parse); it is
    // parsed (Bolt parses it again) only when the database is down, the one time its fields matter here.
    if (!mayBeEvent(req)) return next(req, res);
    try {
      await ping();
    } catch (error) {
      const envelope = eventEnvelope(req);
      if (!envelope) return next(req, res);
      const retryNum = req.headers["x-slack-retry-num"];
      deps.logger.warn("database unreachable; Slack event answered 503 so Slack sends it again", {
        eventId: envelope.event_id,
        retryNum,
        error,
      });
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
      res.end("database unavailable; send this event again later");
      if (retryNum === undefined) void deps.inFlight.run(() => tellPerson(deps, envelope));
      return;
    }
    return next(req, res);
  };
}

/** The Events API envelope of a JSON event_callback; undefined for commands, interactivity and checks. */
function eventEnvelope(req: IncomingMessage): EventEnvelope | undefined {
  const raw = (req as IncomingMessage & { rawBody?: Buffer }).rawBody;
  if (!raw || !isJson(req)) return undefined;
  try {
    const body = JSON.parse(raw.toString("utf8")) as EventEnvelope;
    return body?.type === "event_callback" ? body : undefined;
  } catch {
    return undefined;
  }
}

function isJson(req: IncomingMessage): boolean {
  return String(req.headers["content-type"] ?? "").includes("application/json");
}

function mayBeEvent(req: IncomingMessage): boolean {
  const raw = (req as IncomingMessage & { rawBody?: Buffer }).rawBody;
  return raw !== undefined && isJson(req) && raw.includes("event_callback");
}

/** Only where the person certainly spoke to cpbot (a mention, a DM): a thread reply may not be for it. */
async function tellPerson(deps: DatabaseGateDeps, envelope: EventEnvelope): Promise<void> {
  const e = envelope.event;
  if (!e?.channel || !e.ts || !e.user || e.bot_id || e.user === deps.botUserId) return;
  const addressed = e.type === "app_mention" || (e.type === "message" && e.channel_type === "im" && !e.subtype);
  if (!addressed) return;
  try {
    const reply = { cards: [databaseDownCard("redelivered")], mode: "new" as const, visibility: "in_channel" as const };
    await deliverReply(deps.delivery, reply, { kind: "thread", channel: e.channel, threadTs: e.thread_ts ?? e.ts });
  } catch (error) {
    deps.logger.warn("could not tell the person that the database is down", { eventId: envelope.event_id, error });
  }
}

function withinTime(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the database did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
