import { consolePlatform } from "../../../adapters/console/console-platform.ts";
import type { ShownCard, TurnResponse } from "../../../adapters/console/console-turn.ts";
import { type RunningServer, startServer } from "../../../adapters/http/start-server.ts";

export interface ConsoleHarness {
  running: RunningServer;
  url: string;
  logs: string[];
  csrf: string;
  /** POSTs one playground turn as the page would (CSRF header, same origin). */
  turn(body: Record<string, unknown>): Promise<TurnResponse>;
  close(): Promise<void>;
}

let seq = 0;
export const nextEventId = () => `evt-${process.pid}-${++seq}-abcdef`;

/**
 * A `cpbot serve` with only the console, on loopback (unless `host` says otherwise) and an in-memory
 * SQLite store (or the database `databaseUrl` names, e.g. a PostgreSQL test database).
 */
export async function startConsole(
  options: { env?: Record<string, string>; host?: string; clock?: () => Date; databaseUrl?: string } = {},
): Promise<ConsoleHarness> {
  const logs: string[] = [];
  const running = await startServer({
    env: { LOG_LEVEL: "info", ...options.env },
    cwd: process.cwd(),
    platforms: [consolePlatform()],
    port: 0,
    host: options.host ?? "127.0.0.1",
    databaseUrl: options.databaseUrl ?? ":memory:",
    write: (line) => logs.push(line),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const url = `http://127.0.0.1:${running.port}`;
  let csrf = "";
  const page = await fetch(`${url}/console/`, {
    headers: options.env?.CONSOLE_TOKEN ? { authorization: `Bearer ${options.env.CONSOLE_TOKEN}` } : {},
  });
  if (page.ok) csrf = /name="csrf-token" content="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  return {
    running,
    url,
    logs,
    csrf,
    async turn(body) {
      const res = await fetch(`${url}/console/api/turn`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-csrf-token": csrf,
          origin: url,
          ...(options.env?.CONSOLE_TOKEN ? { authorization: `Bearer ${options.env.CONSOLE_TOKEN}` } : {}),
        },
        body: JSON.stringify(body),
      });
      if (res.status !== 200) throw new Error(`turn answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as TurnResponse;
    },
    close: () => running.close(),
  };
}

/** The Adaptive Card Action.Submit buttons of a shown card, as the browser SDK would read them. */
export function submitButtons(card: ShownCard): { title: string; action: string; value?: string }[] {
  const out: { title: string; action: string; value?: string }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (o.type === "Action.Submit") {
      const data = o.data as { action: string; value?: string };
      out.push({ title: String(o.title), action: data.action, ...(data.value ? { value: data.value } : {}) });
    }
    for (const v of Object.values(o)) visit(v);
  };
  visit(card.adaptive);
  return out;
}
