import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Button, Card } from "../../src/cards/card-schema.ts";
import type { ActionEvent, Actor, BotEvent, ConversationRef } from "../../src/core/bot-event.ts";
import type { EscalationMembers } from "../../src/core/escalation-members.ts";
import type { EngineReply } from "../../src/core/transport.ts";
import { createEngine, type Engine } from "../../src/engine/create-engine.ts";
import type { EngineConfig } from "../../src/engine/engine-deps.ts";
import { createMatcher } from "../../src/matcher/create-matcher.ts";
import { loadRegistry } from "../../src/playbooks/playbook-registry.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import type { Store } from "../../src/store/store.ts";
import { FakeTransport } from "../fakes/fake-transport.ts";

export const registry = loadRegistry();
const matcher = createMatcher(registry.all());

export const ann: Actor = { id: "U-ANN", name: "Ann" };
export const bob: Actor = { id: "U-BOB", name: "Bob" };
export const sue: Actor = { id: "U-SUE", name: "Sue (Support)" };

export interface Options {
  thread?: string;
  user?: Actor;
  eventId?: string;
  channel?: string;
}

/** Buttons of a card in order, flattened from its actions blocks. */
export function buttonsOf(card: Card | undefined): Button[] {
  return (card?.blocks ?? []).flatMap((b) => (b.type === "actions" ? b.buttons : []));
}

export function textOf(card: Card | undefined): string {
  return JSON.stringify(card ?? null);
}

/**
 * A fake adapter over the real engine, matcher, playbooks and SQLite store: it sends BotEvents the way
 * an adapter would and records what the engine posts elsewhere. `restart()` closes the store and builds
 * a new engine on the same database file, like a process restart.
 */
export class Harness {
  readonly file: string;
  store: Store;
  engine: Engine;
  readonly transport = new FakeTransport();
  now = new Date("2025-03-04T09:00:00.000Z");
  private seq = 0;

  constructor(
    readonly config: EngineConfig = {
      escalationDestination: "C-SUPPORT",
      lowConfidence: 0.6,
    },
    /** Membership of the escalation channel; absent (with no responders): everyone may act. */
    readonly members?: EscalationMembers,
  ) {
    this.file = join(mkdtempSync(join(tmpdir(), "cpbot-engine-")), "cpbot.db");
    this.store = openSqliteStore(this.file);
    this.engine = this.build();
  }

  private build(): Engine {
    return createEngine({
      registry,
      matcher,
      store: this.store,
      transport: this.transport,
      config: this.config,
      clock: () => this.now,
      ...(this.members ? { members: this.members } : {}),
    });
  }

  /** A new engine over the current `store` (e.g. after wrapping it). */
  rebuild(): void {
    this.engine = this.build();
  }

  /**
   * A second replica: its own engine and store connection on the same database file, sharing this
   * harness's transport and clock, so two processes' sweeps and turns can race. Close its store.
   */
  replica(): { engine: Engine; store: Store } {
    const store = openSqliteStore(this.file);
    const engine = createEngine({
      registry,
      matcher,
      store,
      transport: this.transport,
      config: this.config,
      clock: () => this.now,
      ...(this.members ? { members: this.members } : {}),
    });
    return { engine, store };
  }

  async restart(): Promise<void> {
    await this.store.close();
    this.store = openSqliteStore(this.file);
    this.engine = this.build();
  }

  close(): Promise<void> {
    return this.store.close();
  }

  advance(minutes: number): void {
    this.now = new Date(this.now.getTime() + minutes * 60_000);
  }

  conversation(o: Options = {}): ConversationRef {
    return {
      platform: "slack",
      channelId: o.channel ?? "C-OPS",
      threadId: o.thread ?? "T1",
      permalink: `https://chat.example/C-OPS/${o.thread ?? "T1"}`,
    };
  }

  private base(o: Options) {
    return { eventId: o.eventId ?? `E${++this.seq}`, conversation: this.conversation(o), user: o.user ?? ann };
  }

  send(event: BotEvent): Promise<EngineReply> {
    return this.engine.handle(event);
  }

  say(text: string, o: Options = {}): Promise<EngineReply> {
    return this.send({ kind: "message", text, ...this.base(o) });
  }

  cp(text: string, o: Options = {}): Promise<EngineReply> {
    return this.send({ kind: "command", text, ...this.base(o) });
  }

  /** Presses the button with this label (or action verb) on `card`; `inputs` are the card's field values. */
  press(
    card: Card | undefined,
    label: string,
    o: Options & { inputs?: Record<string, string>; messageId?: string; conversation?: ConversationRef } = {},
  ): Promise<EngineReply> {
    const button = buttonsOf(card).find((b) => b.label === label || b.action === label);
    if (!button)
      throw new Error(
        `no button "${label}" on ${card?.kind}: ${buttonsOf(card)
          .map((b) => b.label)
          .join(", ")}`,
      );
    const base = this.base(o);
    const event: ActionEvent = {
      kind: "action",
      action: button.action,
      ...base,
      ...(o.conversation ? { conversation: o.conversation } : {}),
      ...(button.value !== undefined ? { value: button.value } : {}),
      ...(o.inputs ? { inputs: o.inputs } : {}),
      ...(o.messageId ? { messageId: o.messageId } : {}),
    };
    return this.send(event);
  }
}
