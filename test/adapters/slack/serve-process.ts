import { type ChildProcess, spawn } from "node:child_process";
import { botToken, escalationChannel, sign, signingSecret } from "./slack-harness.ts";

/**
 * `cpbot serve` as a real child process (compiled by buildCli), with Slack pointed at a fake on
 * loopback: what a replica is in production, so it can be killed with SIGKILL mid-work and started
 * again on the same database.
 */
export class ServeProcess {
  readonly logs: string[] = [];
  private exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    exited: Promise<number | null>,
  ) {
    this.exited = exited;
  }

  static async start(main: string, env: Record<string, string>): Promise<ServeProcess> {
    const child = spawn(process.execPath, [main, "serve", "--port", "0", "--host", "127.0.0.1"], {
      env: {
        PATH: process.env.PATH ?? "",
        CPBOT_NO_DOTENV: "1",
        LOG_FORMAT: "json",
        LOG_LEVEL: "info",
        // The test drives the sweep's timing: a dead replica's rows are free after six seconds. Not less: a
        // Slack call may take a third of the lease, and on a loaded 2-core machine a reply that reached the
        // fake could outlast a 667 ms timeout and be sent again, a duplicate the kill tests would count.
        OUTBOX_LEASE_MS: "6000",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const logs: string[] = [];
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not start:\n${logs.join("")}`)), 60_000);
      const read = (chunk: Buffer) => {
        logs.push(chunk.toString("utf8"));
        const found = /listening on (http:\/\/[0-9.:]+)/.exec(logs.join(""));
        if (found?.[1]) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      };
      child.stderr?.on("data", read);
      child.stdout?.on("data", read);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`serve exited with ${code} before listening:\n${logs.join("")}`));
      });
    });
    const running = new ServeProcess(child, url, exited);
    running.logs.push(...logs);
    child.stderr?.on("data", (c: Buffer) => running.logs.push(c.toString("utf8")));
    return running;
  }

  /** kill -9: no shutdown, no cleanup, whatever was in flight is cut off. */
  async kill(): Promise<void> {
    this.child.kill("SIGKILL");
    await this.exited;
  }

  /** SIGTERM (graceful shutdown); resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    this.child.kill("SIGTERM");
    return this.exited;
  }

  /** Posts a signed Events API envelope, as Slack does (retryNum: Slack's redelivery). */
  async event(envelope: unknown, retryNum?: number): Promise<number> {
    return this.post(JSON.stringify(envelope), "application/json", retryNum);
  }

  async interact(payload: unknown): Promise<number> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.post(body, "application/x-www-form-urlencoded");
  }

  /** Posts a signed slash command (form fields, as Slack does); returns the acknowledgement's status and body. */
  async command(fields: Record<string, string>): Promise<{ status: number; text: string }> {
    const response = await this.request(new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded");
    return { status: response.status, text: await response.text() };
  }

  async post(body: string, contentType: string, retryNum?: number): Promise<number> {
    const response = await this.request(body, contentType, retryNum);
    await response.text();
    return response.status;
  }

  private async request(body: string, contentType: string, retryNum?: number): Promise<Response> {
    const timestamp = Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": sign(body, timestamp),
    };
    if (retryNum !== undefined) {
      headers["x-slack-retry-num"] = String(retryNum);
      headers["x-slack-retry-reason"] = "http_timeout";
    }
    return fetch(`${this.url}/slack/events`, { method: "POST", headers, body });
  }
}

/** The Slack settings of a replica talking to the fake at `apiUrl`. */
export function slackEnv(apiUrl: string, databaseUrl: string): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: botToken,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_ESCALATION_CHANNEL: escalationChannel,
    SLACK_API_URL: apiUrl,
    DATABASE_URL: databaseUrl,
  };
}

/**
 * Polls `done` every 50 ms until it holds; after `ms` throws naming `what`, with the last lines the
 * `cpbot serve` processes logged, so a kill or fault test that times out says what the replicas did.
 */
export async function waitFor(
  done: () => boolean,
  what: string,
  processes: readonly ServeProcess[],
  ms = 20_000,
): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) {
      const logs = processes.map((p) => p.logs.join("")).join("\n---\n");
      throw new Error(`timed out waiting for ${what}; the replicas logged:\n${logs.slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
