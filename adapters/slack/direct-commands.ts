import type { IncomingMessage, ServerResponse } from "node:http";
import { parse } from "node:querystring";
import { ReceiverMultipleAckError, type RespondArguments, type SlashCommand } from "@slack/bolt";
import type { Logger } from "../../src/core/logger.ts";
import { isVerified } from "./slack-request-guard.ts";
import type { SlackHandlers } from "./slack-router.ts";

type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * Slash commands over HTTP go straight to their handler; everything else (buttons, modals, events, the
 * ssl_check) goes on to Bolt's receiver as before. For a command Bolt's receiver and `processEvent` only
 * parsed the body a second time, built an ack object with its 3 s timer, the context, `say`/`respond`
 * closures and the middleware chain, none of which the command handler reads (it takes `command` and
 * `ack`). What is kept: only a request the signature guard passed gets here (else Bolt's path refuses it);
 * the body is parsed as Bolt parses it (the same `querystring` object becomes `command`); the same routing
 * rule (a command name starting with a slash); one acknowledgement only (a second throws Bolt's
 * `ReceiverMultipleAckError`); the acknowledgement's body written as Bolt writes it. Socket Mode keeps Bolt.
 */
export function answerCommandsDirectly(handler: SlackHandlers["command"], logger: Logger, next: Listener): Listener {
  return (req, res) => {
    const command = isVerified(req) ? slashCommand(req) : undefined;
    if (!command) return next(req, res);
    let acked = false;
    const ack = async (body?: string | RespondArguments): Promise<void> => {
      if (acked) throw new ReceiverMultipleAckError();
      acked = true;
      // Node ends a response on a connection already closed without a word ('finish' never comes, and
      // writableFinished turns true), so that case is told before writing.
      const gone = res.destroyed;
      writeAck(res, body);
      return gone
        ? Promise.reject(new AckNotWritten("the connection closed before the acknowledgement"))
        : written(res);
    };
    return handler({ command, ack }).then(
      () => {
        if (acked) return;
        // Bolt would answer 404 after its 3 s timer; nothing more can come, so it is said now.
        logger.error("slash command finished without an acknowledgement", { command: command.command });
        writeStatus(res, 404);
      },
      (error: unknown) => {
        logger.error("Slack listener failed", { error });
        if (!acked) writeStatus(res, 500);
      },
    );
  };
}

/** The command Bolt would have built from this body; undefined for anything that is not a slash command. */
function slashCommand(req: IncomingMessage): SlashCommand | undefined {
  const raw = (req as IncomingMessage & { rawBody?: Buffer }).rawBody;
  // Bolt reads form fields only under exactly this content type; interactivity bodies carry `payload`.
  if (!raw || req.headers["content-type"] !== "application/x-www-form-urlencoded") return undefined;
  if (!raw.includes("command=")) return undefined;
  const fields = parse(raw.toString());
  if (fields.payload !== undefined || fields.ssl_check !== undefined) return undefined;
  const name = fields.command;
  return typeof name === "string" && /^\/.+/.test(name) ? (fields as unknown as SlashCommand) : undefined;
}

/**
 * Resolves once the acknowledgement was handed to the operating system ('finish'); rejects when the
 * connection closed first (Slack gave up, a proxy cut it), so a caller whose answer was in the body knows
 * it never left and can send it another way.
 */
function written(res: ServerResponse): Promise<void> {
  if (res.writableFinished) return Promise.resolve();
  return new Promise((resolve, reject) => {
    res.once("finish", resolve);
    res.once("close", () => {
      if (res.writableFinished) resolve();
      else reject(new AckNotWritten("the connection closed before the acknowledgement was written"));
    });
  });
}

/** The acknowledgement did not leave: its connection closed before the response was written. */
export class AckNotWritten extends Error {
  override readonly name = "AckNotWritten";
}

function writeStatus(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status);
  res.end();
}

// The acknowledgement's bytes, per frozen block array (a shared card's messages) and the rest of the body.
const bodies = new WeakMap<readonly unknown[], { rest: Omit<AckFields, "blocks">; bytes: Buffer }[]>();
/** A shared card is answered as ephemeral or in the channel, under one fallback text: two entries at most. */
const bodiesPerBlocks = 4;

/** Bolt's `buildContentResponse`: no body, a text body, or JSON. */
function writeAck(res: ServerResponse, body: string | RespondArguments | undefined): void {
  if (!body) {
    res.writeHead(200);
    res.end();
  } else if (typeof body === "string") {
    res.writeHead(200);
    res.end(body);
  } else {
    res.writeHead(200, { "content-type": "application/json" });
    // Bytes, not text: Node neither measures nor encodes a Buffer again (a 5 KB answer, every time).
    res.end(ackBytes(body));
  }
}

/** The acknowledgement's JSON text (what ackBytes sends, as text). */
export function ackJson(body: RespondArguments): string {
  return ackBytes(body).toString("utf8");
}

/**
 * JSON.stringify of the body as UTF-8, made once for a body whose blocks are a frozen array: those are a
 * shared card's (the same for every asker, see src/render/card-memo.ts), and the rest of the body (its
 * response_type and text) is part of the key, so no one is ever sent another's acknowledgement. A body
 * built for one person (unfrozen blocks) is serialised every time, never kept.
 */
function ackBytes(body: RespondArguments): Buffer {
  const { blocks, ...rest } = body as AckFields;
  const shared = blocks !== undefined && Object.isFrozen(blocks) && Object.keys(rest).every((k) => keyed.has(k));
  if (!shared) return Buffer.from(JSON.stringify(body));
  // Compared field by field: the text is the card's own string each time, so === is a pointer check, where
  // a key built from it would copy a few KB per request.
  const kept = bodies.get(blocks) ?? [];
  const hit = kept.find((k) => sameRest(k.rest, rest));
  if (hit) return hit.bytes;
  const bytes = Buffer.from(JSON.stringify(body));
  if (kept.length >= bodiesPerBlocks) kept.length = 0;
  kept.push({ rest, bytes });
  bodies.set(blocks, kept);
  return bytes;
}

function sameRest(a: Omit<AckFields, "blocks">, b: Omit<AckFields, "blocks">): boolean {
  return (
    a.response_type === b.response_type &&
    a.text === b.text &&
    a.replace_original === b.replace_original &&
    a.delete_original === b.delete_original
  );
}

interface AckFields {
  blocks?: readonly unknown[];
  response_type?: string;
  text?: string;
  replace_original?: boolean;
  delete_original?: boolean;
}

/** The fields besides blocks that a kept body is matched on; a body with any other field is not kept. */
const keyed = new Set(["response_type", "text", "replace_original", "delete_original"]);
