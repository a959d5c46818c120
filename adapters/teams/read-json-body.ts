import type { IncomingMessage } from "node:http";

export type JsonBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413; message: string };

/**
 * Reads a request body as JSON, refusing more than `limit` bytes without buffering them: a body-size limit
 * is the first defence of an endpoint that must read the body before it can check the caller's token.
 * An oversized body is drained and discarded (not destroyed) so the 413 answer still reaches the caller.
 */
export function readJsonBody(req: IncomingMessage, limit: number): Promise<JsonBody> {
  const tooBig: JsonBody = { ok: false, status: 413, message: `Request body is over ${limit} bytes` };
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve(tooBig);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(tooBig);
        return;
      }
      chunks.push(chunk);
    });
    req.on("error", reject);
    req.on("end", () => {
      if (over) return;
      try {
        resolve({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
      } catch {
        resolve({ ok: false, status: 400, message: "Request body is not valid JSON" });
      }
    });
  });
}
