import http from "node:http";
import https from "node:https";

/** What came back from a POST: its status, headers and body text. */
export interface PostAnswer {
  status: number;
  statusMessage: string;
  headers: http.IncomingHttpHeaders;
  text: string;
}

// Connections to Slack are kept open between calls, as fetch's pool keeps them.
const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

/**
 * One POST over Node's http module, with a time limit on the whole exchange. cpbot's replies go out this
 * way rather than through `fetch`: measured on a loaded 2-core host, a loopback POST of a mention's answer
 * cost about 400 µs of CPU through fetch (WHATWG streams, Request and Response objects) against about
 * 125 µs here (docs/benchmarks.md), and every mention's answer is one such call. Redirects are not followed (a 3xx is an answer like any other). Rejects on a network error
 * or when `timeoutMs` passes; the caller decides what a status means.
 */
export function httpPost(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const agent = target.protocol === "https:" ? agents["https:"] : agents["http:"];
    const send = target.protocol === "https:" ? https.request : http.request;
    const req = send(
      target,
      { method: "POST", agent, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", fail);
        res.on("end", () => {
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            statusMessage: res.statusMessage ?? "",
            headers: res.headers,
            text: Buffer.concat(chunks).toString("utf8"),
          });
        });
      },
    );
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    function fail(error: Error): void {
      clearTimeout(timer);
      reject(error);
    }
    req.on("error", fail);
    req.end(body);
  });
}
