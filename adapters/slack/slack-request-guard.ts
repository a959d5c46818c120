import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../../src/core/logger.ts";

/** Bigger than any Slack payload cpbot takes (a modal submission with a 40,000-character message fits). */
export const slackBodyLimit = 256 * 1024;
/** Slack's own rule: a request older than five minutes is a replay. */
const maxAgeSeconds = 5 * 60;
/** Clocks drift; a minute ahead is drift, a year ahead is a request made to be replayed later. */
const maxAheadSeconds = 60;
/** A slow sender may not hold a socket and its buffer for longer than this. */
export const slackBodyTimeoutMs = 10_000;

export interface SlackGuardOptions {
  signingSecret: string;
  logger: Logger;
  now?: () => number;
  limit?: number;
  timeoutMs?: number;
}

/** Requests whose signature this guard checked; `verifiedOnly` lets nothing else through. */
const verified = new WeakSet<IncomingMessage>();

/**
 * Runs in front of Bolt's receiver. Headers first (signature present, timestamp neither stale nor in the
 * future) without reading a byte of the body; then the body, refused past `limit` bytes or `timeoutMs`;
 * then the HMAC over the raw bytes. Only a request that passes all three reaches Bolt, which finds the body
 * already buffered as `rawBody`. Bolt's own check of the same signature over the same bytes is switched
 * off (it cost four more HMACs per request); `verifiedOnly` stands in for it behind this guard.
 */
export function guardSlackRequests(
  options: SlackGuardOptions,
  next: (req: IncomingMessage, res: ServerResponse) => unknown,
): (req: IncomingMessage, res: ServerResponse) => Promise<unknown> {
  const now = options.now ?? Date.now;
  const limit = options.limit ?? slackBodyLimit;
  return async (req, res) => {
    const signature = header(req, "x-slack-signature");
    const timestamp = Number(header(req, "x-slack-request-timestamp"));
    const age = now() / 1000 - timestamp;
    if (!signature || !Number.isInteger(timestamp) || age > maxAgeSeconds || age < -maxAheadSeconds) {
      return refuse(res, 401, "unsigned, stale or future-dated request");
    }
    if (Number(req.headers["content-length"]) > limit) return refuse(res, 413, `body over ${limit} bytes`);
    const body = arrived(req)
      ? readBuffered(req, limit)
      : await readLimited(req, limit, options.timeoutMs ?? slackBodyTimeoutMs);
    if (body === "too-big") return refuse(res, 413, `body over ${limit} bytes`);
    if (body === "timeout") return refuse(res, 408, "body not received in time");
    const expected = `v0=${createHmac("sha256", options.signingSecret).update(`v0:${timestamp}:`).update(body).digest("hex")}`;
    if (!sameText(signature, expected)) return refuse(res, 401, "bad signature");
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
    verified.add(req);
    return next(req, res);
  };

  function refuse(res: ServerResponse, status: number, why: string): void {
    options.logger.warn("Slack request refused before it reached the bot", { status, why });
    // Connection: close, so the rest of an unread body is not waited for on this socket.
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8", connection: "close" });
    res.end(status === 401 ? "invalid signature" : why);
  }
}

/** Whether `guardSlackRequests` checked this request's signature (its body is then `rawBody`). */
export function isVerified(req: IncomingMessage): boolean {
  return verified.has(req);
}

/**
 * Wraps Bolt's receiver, whose signature check is off: a request that did not come through
 * `guardSlackRequests` (a listener mounted without it by mistake) is refused 401, never handled unsigned.
 */
export function verifiedOnly(
  next: (req: IncomingMessage, res: ServerResponse) => unknown,
  logger: Logger,
): (req: IncomingMessage, res: ServerResponse) => unknown {
  return (req, res) => {
    if (verified.has(req)) return next(req, res);
    logger.error("Slack request reached Bolt without the signature guard; refused");
    res.writeHead(401, { "content-type": "text/plain; charset=utf-8", connection: "close" });
    res.end("invalid signature");
    return undefined;
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Whether the whole body is in the stream's buffer already: a request of a few KB (every Slack request,
 * nearly) arrives in one segment with its headers, and Node has its Content-Length bytes buffered before
 * this code runs (it marks the request complete only a turn of the loop later).
 */
function arrived(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return length !== undefined && req.readableLength === Number(length) && !req.readableFlowing;
}

/** The buffered body, read at once, with no listeners, timer or promise to set up. */
function readBuffered(req: IncomingMessage, limit: number): Buffer | "too-big" {
  const chunks: Buffer[] = [];
  let size = 0;
  for (let chunk: Buffer | null = req.read(); chunk !== null; chunk = req.read()) {
    size += chunk.length;
    if (size > limit) return "too-big";
    chunks.push(chunk);
  }
  // Flowing, so the stream ends (and is released) when the parser reaches the end of the message.
  req.resume();
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
}

function readLimited(req: IncomingMessage, limit: number, timeoutMs: number): Promise<Buffer | "too-big" | "timeout"> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (result: Buffer | "too-big" | "timeout") => {
      clearTimeout(timer);
      req.removeAllListeners("data");
      if (Buffer.isBuffer(result)) return resolve(result);
      chunks.length = 0;
      // Nothing more of this body is wanted; drop what arrives instead of keeping it.
      req.resume();
      resolve(result);
    };
    const timer = setTimeout(() => done("timeout"), timeoutMs);
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return done("too-big");
      chunks.push(chunk);
    });
    req.on("end", () => done(Buffer.concat(chunks)));
    req.on("error", () => done("timeout"));
  });
}
