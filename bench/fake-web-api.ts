import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A lean stand-in for Slack's Web API and response_urls on 127.0.0.1, for load runs: it answers what
 * `cpbot serve` and the bare Bolt app call (auth.test, chat.*, conversations.members) and only counts
 * calls, so memory stays flat however many requests a run sends. Nothing leaves the machine.
 */
export class FakeWebApi {
  /** Calls per Web API method (and "respond" for response_url posts) since the last reset. */
  counts = new Map<string, number>();
  /** chat.postMessage calls per thread_ts since the last reset: how many answers each mention got. */
  threads = new Map<string, number>();
  private server: Server | undefined;
  private base = "";
  private seq = 0;

  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  get responseUrl(): string {
    return `${this.base}/respond/1`;
  }

  count(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  reset(): void {
    this.counts.clear();
    this.threads.clear();
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      // Bodies are read only for chat.postMessage (its thread); the reply depends only on the method.
      const path = new URL(req.url ?? "/", "http://x").pathname;
      const method = path.startsWith("/respond/") ? "respond" : path.replace(/^\/api\//, "");
      const chunks: Buffer[] = [];
      if (method === "chat.postMessage") req.on("data", (chunk: Buffer) => chunks.push(chunk));
      else req.resume();
      req.on("end", () => {
        this.counts.set(method, this.count(method) + 1);
        if (method === "chat.postMessage") {
          const thread = threadOf(Buffer.concat(chunks).toString("utf8"));
          if (thread) this.threads.set(thread, (this.threads.get(thread) ?? 0) + 1);
        }
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(this.answer(method)));
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private answer(method: string): Record<string, unknown> {
    this.seq++;
    const ts = `1700000000.${String(this.seq).padStart(6, "0")}`;
    switch (method) {
      case "auth.test":
        return { ok: true, team: "Bench", user: "cpbot", team_id: "T0BENCH", user_id: "UCPBOT", bot_id: "BCPBOT" };
      case "chat.postMessage":
      case "chat.postEphemeral":
        return { ok: true, ts, message_ts: ts };
      case "chat.update":
        return { ok: true, ts };
      case "chat.getPermalink":
        return { ok: true, permalink: `https://bench.slack.com/archives/C0BENCH/p${this.seq}` };
      case "conversations.members":
        return { ok: true, members: ["U0BENCH001"], response_metadata: { next_cursor: "" } };
      default:
        return { ok: true };
    }
  }
}

/** The thread_ts of a chat.postMessage body, sent as JSON or as a form, as Slack's clients do. */
function threadOf(body: string): string | undefined {
  try {
    const json = JSON.parse(body) as { thread_ts?: unknown };
    return typeof json.thread_ts === "string" ? json.thread_ts : undefined;
  } catch {
    return new URLSearchParams(body).get("thread_ts") ?? undefined;
  }
}
