import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Activity } from "botbuilder";
import type { ServiceClientCredentialsFactory } from "botframework-connector";
import { createTeamsBot, type TeamsBot } from "../../../adapters/teams/create-teams-bot.ts";
import type { TeamsConfig } from "../../../adapters/teams/teams-config.ts";
import { createLogger } from "../../../src/core/logger.ts";
import { createEngine, type Engine } from "../../../src/engine/create-engine.ts";
import { createMatcher } from "../../../src/matcher/create-matcher.ts";
import { loadRegistry } from "../../../src/playbooks/playbook-registry.ts";
import { openSqliteStore } from "../../../src/store/sqlite-store.ts";
import type { Store } from "../../../src/store/store.ts";
import type { BotFrameworkTokens } from "./bot-framework-tokens.ts";

export const appId = "9d5f3a0e-1c2b-4a6d-8e7f-0a1b2c3d4e5f";
export const appPassword = "s3cr3t~AppPassword.Value_123";
export const serviceUrl = "https://smba.trafficmanager.net/amer/";
export const supportChannel = "19:5a6b7c8d9e0f4a1b2c3d4e5f6a7b8c9d@thread.tacv2";
export const outboundToken = "outbound-test-token";

const registry = loadRegistry();
const matcher = createMatcher(registry.all());

/** A fixture activity from test/fixtures/teams, deep-copied so a test may change it. */
export function fixture(name: string): Activity {
  return JSON.parse(readFileSync(new URL(`../../fixtures/teams/${name}.json`, import.meta.url), "utf8")) as Activity;
}

/**
 * Outbound credentials without MSAL: the connector calls carry a fixed bearer token, so no test reaches
 * login.microsoftonline.com and no token lands in botbuilder's static MSAL cache.
 */
export function fakeCredentialsFactory(id: string | undefined): ServiceClientCredentialsFactory {
  return {
    isValidAppId: async (candidate: string) => Boolean(id) && candidate === id,
    isAuthenticationDisabled: async () => !id,
    createCredentials: async () => ({
      signRequest: async (resource) => {
        if (id) resource.headers.set("authorization", `Bearer ${outboundToken}`);
        return resource;
      },
    }),
  } as ServiceClientCredentialsFactory;
}

export interface HarnessOptions {
  config?: Partial<TeamsConfig>;
  /** A fixed escalation id prefix (ESC-TEST-0001) instead of the database's random one, for scripted checks. */
  escalationPrefix?: string;
  /** Without one the bot runs unauthenticated (Emulator mode). */
  appId?: string | null;
  credentials?: "fake" | "configured";
  /** Signs every `send` with a valid channel token. */
  tokens?: BotFrameworkTokens;
  /** How long the endpoint waits for signing keys before answering 503. */
  authTimeoutMs?: number;
}

/**
 * cpbot's Teams endpoint on a loopback port over the real engine, matcher, playbooks and a SQLite file:
 * tests POST Teams activities to it and see what reaches the connector (a FakeConnector under nock).
 */
export class TeamsHarness {
  readonly logs: string[] = [];
  readonly sleeps: number[] = [];
  store!: Store;
  engine!: Engine;
  bot!: TeamsBot;
  now = new Date("2025-03-04T09:00:00.000Z");
  private server!: Server;
  private port = 0;
  private tokens: BotFrameworkTokens | undefined;
  private id: string | undefined;

  static async start(options: HarnessOptions = {}): Promise<TeamsHarness> {
    const h = new TeamsHarness();
    await h.init(options);
    return h;
  }

  private async init(options: HarnessOptions): Promise<void> {
    const id = options.appId === null ? undefined : (options.appId ?? appId);
    this.id = id;
    this.tokens = options.tokens;
    const config: TeamsConfig = {
      ...(id ? { appId: id, appPassword } : {}),
      appType: "MultiTenant",
      serviceUrl: "https://smba.trafficmanager.net/teams/",
      admins: [],
      escalationConversation: supportChannel,
      ...options.config,
    };
    const file = join(mkdtempSync(join(tmpdir(), "cpbot-teams-")), "cpbot.db");
    this.store = openSqliteStore(file, options.escalationPrefix ? { escalationPrefix: options.escalationPrefix } : {});
    const logger = createLogger({ level: "debug", write: (line) => this.logs.push(line), now: () => this.now });
    this.bot = createTeamsBot({
      config,
      store: this.store,
      logger,
      clock: () => this.now,
      retry: { sleep: async (ms) => void this.sleeps.push(ms), random: () => 0.5 },
      ...(options.credentials === "configured" ? {} : { credentialsFactory: fakeCredentialsFactory(id) }),
      ...(options.authTimeoutMs ? { authTimeoutMs: options.authTimeoutMs } : {}),
    });
    this.engine = createEngine({
      registry,
      matcher,
      store: this.store,
      transport: this.bot.transport,
      config: { lowConfidence: 0.6, escalationDestination: this.bot.escalationDestination },
      clock: () => this.now,
      logger,
    });
    const handler = this.bot.handler(this.engine);
    this.server = createServer((req, res) => {
      if (req.url === "/api/messages") void handler(req, res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/api/messages`;
  }

  async post(activity: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
    const res = await fetch(this.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof activity === "string" ? activity : JSON.stringify(activity),
    });
    return { status: res.status, text: await res.text() };
  }

  /** POSTs the activity the way Teams does: with a valid channel token when the bot has an app id. */
  async send(activity: Activity): Promise<{ status: number; text: string }> {
    const auth =
      this.tokens && this.id ? await this.tokens.header({ appId: this.id, serviceUrl: activity.serviceUrl }) : {};
    return this.post(activity, auth);
  }

  advance(minutes: number): void {
    this.now = new Date(this.now.getTime() + minutes * 60_000);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.store.close();
  }
}
