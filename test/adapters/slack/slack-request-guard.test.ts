import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { guardSlackRequests, verifiedOnly } from "../../../adapters/slack/slack-request-guard.ts";
import { silentLogger } from "../../../src/core/logger.ts";

const secret = "guard-test-signing-secret-0123456789";
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** Serves `handler` on 127.0.0.1; returns its URL. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => unknown): Promise<string> {
  const server = createServer((req, res) => void handler(req, res));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
}

function signed(body: string, key = secret): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac("sha256", key).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return { "content-type": "application/json", "x-slack-request-timestamp": timestamp, "x-slack-signature": signature };
}

/** What stands in for Bolt: records the raw bodies it was handed. */
function bolt() {
  const seen: string[] = [];
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    seen.push(String((req as IncomingMessage & { rawBody?: Buffer }).rawBody));
    res.end("ok");
  };
  return { seen, listener };
}

describe("Bolt behind the signature guard (Bolt's own check switched off)", () => {
  it("hands a correctly signed request to Bolt with its raw body, once", async () => {
    const b = bolt();
    const url = await serve(
      guardSlackRequests({ signingSecret: secret, logger: silentLogger }, verifiedOnly(b.listener, silentLogger)),
    );
    const body = JSON.stringify({ type: "event_callback", event_id: "Ev1" });
    const response = await fetch(url, { method: "POST", headers: signed(body), body });
    expect(response.status).toBe(200);
    expect(b.seen).toEqual([body]);
  });

  it("refuses a bad signature at the guard; Bolt never sees it", async () => {
    const b = bolt();
    const url = await serve(
      guardSlackRequests({ signingSecret: secret, logger: silentLogger }, verifiedOnly(b.listener, silentLogger)),
    );
    const body = JSON.stringify({ type: "event_callback", event_id: "Ev2" });
    const response = await fetch(url, { method: "POST", headers: signed(body, "another-secret"), body });
    expect(response.status).toBe(401);
    expect(b.seen).toEqual([]);
  });

  it("refuses with 401 a request that reaches Bolt without the guard, even one correctly signed", async () => {
    const b = bolt();
    const url = await serve(verifiedOnly(b.listener, silentLogger));
    const body = JSON.stringify({ type: "event_callback", event_id: "Ev3" });
    const response = await fetch(url, { method: "POST", headers: signed(body), body });
    expect(response.status).toBe(401);
    expect(await response.text()).toBe("invalid signature");
    expect(b.seen).toEqual([]);
  });
});

describe("reading the body", () => {
  /** Sends a request over a raw socket: the headers and the first part at once, the rest after `gapMs`. */
  function rawPost(url: string, body: string, split: number, gapMs: number): Promise<string> {
    const { port } = new URL(url);
    const head = Object.entries({ ...signed(body), "content-length": String(Buffer.byteLength(body)) })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join("");
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () => {
        socket.write(
          `POST /slack/events HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n${head}\r\n${body.slice(0, split)}`,
        );
        setTimeout(() => socket.write(body.slice(split)), gapMs);
      });
      let answer = "";
      socket.on("data", (d) => {
        answer += d.toString();
      });
      socket.on("end", () => resolve(answer.split(" ")[1] ?? ""));
      socket.on("error", reject);
    });
  }

  it("hands on the same raw bytes whether the body came with the headers or arrived later", async () => {
    const b = bolt();
    const url = await serve(
      guardSlackRequests({ signingSecret: secret, logger: silentLogger }, verifiedOnly(b.listener, silentLogger)),
    );
    const body = JSON.stringify({ type: "event_callback", event_id: "Ev4", text: "ü ".repeat(3000) });
    expect(await rawPost(url, body, body.length, 0)).toBe("200");
    expect(await rawPost(url, body, 10, 50)).toBe("200");
    expect(b.seen).toEqual([body, body]);
  });

  it("still refuses a body over the limit that arrived whole", async () => {
    const b = bolt();
    const guard = guardSlackRequests({ signingSecret: secret, logger: silentLogger, limit: 100 }, b.listener);
    const url = await serve(guard);
    const body = JSON.stringify({ type: "event_callback", text: "x".repeat(200) });
    // No content-length to refuse it by: chunked, so only the bytes read can tell.
    const response = await fetch(url, {
      method: "POST",
      headers: signed(body),
      body: new Blob([body]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(b.seen).toEqual([]);
  });
});
