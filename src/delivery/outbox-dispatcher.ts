import { randomUUID } from "node:crypto";
import type { Platform } from "../core/bot-event.ts";
import type { Logger } from "../core/logger.ts";
import type { EngineReply, Transport } from "../core/transport.ts";
import { newOutboxId } from "../store/outbox-id.ts";
import type { DeliveryRecord, Store } from "../store/store.ts";
import { DeliveredMarks } from "./delivered-marks.ts";
import { DeliveryError } from "./delivery-error.ts";
import { isTransportTarget, transportDeliverer } from "./transport-deliverer.ts";

/** One platform's way of delivering a stored reply to a stored target (its own JSON). */
export interface Deliverer {
  /** Sends the reply's messages from number `from` on; throws DeliveryError saying how many went out. */
  deliver(target: unknown, reply: EngineReply, from: number): Promise<void>;
}

export interface OutboxSettings {
  /** This process's name on the leases it takes (unique per replica and start). */
  owner: string;
  /** How long a taken row stays ours; a replica that dies loses its rows to the others after this. */
  leaseMs: number;
  /** How often the sweep looks for due rows. */
  pollMs: number;
  /** The first retry's delay; later ones double up to `maxRetryMs`. */
  firstRetryMs: number;
  maxRetryMs: number;
  /** After this long since the decision a reply is given up (dead letter, logged and counted). */
  giveUpAfterMs: number;
  /**
   * How long the delivered marks of replies sent in their acknowledgement gather before they are written
   * as one statement (see delivered-marks.ts); 5 ms when absent. Far below the lease, which bounds it.
   */
  markGatherMs?: number;
}

export const defaultOutboxSettings = (): OutboxSettings => ({
  owner: `cpbot-${randomUUID()}`,
  leaseMs: 30_000,
  pollMs: 1_000,
  firstRetryMs: 1_000,
  maxRetryMs: 60_000,
  giveUpAfterMs: 15 * 60_000,
});

export interface OutboxCounters {
  delivered(platform: Platform): void;
  retried(platform: Platform): void;
  dead(platform: Platform): void;
}

export interface OutboxDeps {
  store: Store;
  deliverers: Partial<Record<Platform, Deliverer>>;
  /**
   * Delivers rows queued for other conversations (handoff card updates, notices in an escalation's
   * threads, reminders): the engine's transport, which picks the platform.
   */
  transport?: Transport;
  settings: OutboxSettings;
  clock: () => Date;
  logger: Logger;
  counters?: OutboxCounters;
}

type Outcome = "delivered" | "retry" | "dead" | "lost";
type Row = Pick<DeliveryRecord, "id" | "platform" | "target" | "reply" | "progress" | "createdAt">;

/**
 * Delivers the outbox: every reply the engine decided is a row, written in the transaction that marked its
 * event handled. The replica that decided delivers it at once (`deliver`, holding the lease it wrote);
 * the sweep takes what is due (failed attempts after their backoff, rows of a replica that died once its
 * lease ended) and delivers those. A row is delivered, or retried with backoff (honouring Retry-After)
 * until `giveUpAfterMs`, then dead: logged and counted, never silently dropped.
 */
export class OutboxDispatcher {
  #timer: NodeJS.Timeout | undefined;
  #sweeping: Promise<number> | undefined;
  /** A wake-up asked for while a sweep ran: sweep once more when it ends. */
  #again = false;
  #wakeTimer: NodeJS.Timeout | undefined;
  #wakeAt = Number.POSITIVE_INFINITY;
  readonly #viaTransport: Deliverer | undefined;
  readonly #running = new Set<Promise<Outcome>>();
  readonly #marks: DeliveredMarks;

  constructor(private readonly deps: OutboxDeps) {
    this.#viaTransport = deps.transport ? transportDeliverer(deps.transport) : undefined;
    const { settings } = deps;
    this.#marks = new DeliveredMarks({
      write: (ids) => deps.store.completeDeliveries(ids, settings.owner, deps.clock().toISOString()),
      logger: deps.logger,
      now: () => deps.clock().getTime(),
      gatherMs: Math.min(settings.markGatherMs ?? 5, Math.floor(settings.leaseMs / 10)),
      // Retried for a third of the lease at most: an unmarked row is sent again only once the lease ends.
      giveUpMs: Math.floor(settings.leaseMs / 3),
    });
  }

  get settings(): OutboxSettings {
    return this.deps.settings;
  }

  /** The lease a reply is written with, so the deciding replica delivers it first. */
  lease(): { by: string; until: string } {
    const now = this.deps.clock().getTime();
    return { by: this.deps.settings.owner, until: new Date(now + this.deps.settings.leaseMs).toISOString() };
  }

  /**
   * Delivers a row this replica holds (just decided, or taken by the sweep) and records the outcome.
   * `via` replaces the platform's deliverer for this attempt (Teams answers inside the live turn).
   */
  deliver(row: Row, via?: Deliverer): Promise<Outcome> {
    const work = this.#deliver(row, via);
    this.#running.add(work);
    const forget = () => this.#running.delete(work);
    work.then(forget, forget);
    return work;
  }

  /**
   * Queues a reply the engine did not store (an adapter's own answer, a rate-limit notice, an error card)
   * under this replica's lease; hand the row to `deliver` to send it at once, retried like any reply.
   * Throws when the row cannot be written (the database is down): the caller then sends it directly.
   */
  async queue(platform: Platform, target: unknown, reply: EngineReply, eventId?: string): Promise<Row> {
    const { delivery: _, ...stored } = reply;
    const at = this.deps.clock().toISOString();
    const id = newOutboxId();
    const row = { id, platform, target, reply: stored, at, lease: this.lease(), ...(eventId ? { eventId } : {}) };
    await this.deps.store.enqueueDelivery(row);
    return { id, platform, target, reply: stored, progress: 0, createdAt: at };
  }

  /** Replaces the reply of a row this replica holds (cards found after the decision). */
  async amend(id: string, reply: EngineReply): Promise<void> {
    const { delivery: _, ...stored } = reply;
    await this.deps.store.updateDeliveryReply(id, this.deps.settings.owner, stored, this.deps.clock().toISOString());
  }

  /**
   * Marks a held row delivered by other means (a slash command answered in its acknowledgement). The marks
   * of a few milliseconds are written together, in one statement (see delivered-marks.ts); resolves once
   * this one is written, or given up and logged after retries (the row then goes again after its lease).
   */
  delivered(id: string): Promise<void> {
    return this.#marks.add(id);
  }

  /** Takes the rows due now and delivers them; returns how many were taken. One sweep runs at a time. */
  sweep(): Promise<number> {
    this.#sweeping ??= this.#sweep().finally(() => {
      this.#sweeping = undefined;
      if (this.#again && this.#timer) this.#tick();
      this.#again = false;
    });
    return this.#sweeping;
  }

  /**
   * Rows were just queued without a lease (the engine's notices to other conversations): sweep now rather
   * than at the next poll, and once more after a sweep already under way, which may have looked too early.
   */
  kick(): void {
    if (this.#sweeping) {
      this.#again = true;
      return;
    }
    this.#tick();
  }

  start(): void {
    if (this.#timer) return;
    this.#tick();
    // The poll is for what no wake-up announces: rows of a replica that died, once their lease ends.
    this.#timer = setInterval(() => this.#tick(), this.deps.settings.pollMs);
    this.#timer.unref();
  }

  /**
   * Sweeps at `at` (epoch ms by the dispatcher's clock; now when absent) instead of waiting for the
   * poll: a retry goes out when its backoff ends, not up to a poll interval later. Only while started.
   * One wake-up is pending at a time, the earliest; a later one asked meanwhile is left to the poll.
   */
  wake(at = this.deps.clock().getTime()): void {
    if (!this.#timer || at >= this.#wakeAt) return;
    clearTimeout(this.#wakeTimer);
    this.#wakeAt = at;
    this.#wakeTimer = setTimeout(
      () => {
        this.#wakeAt = Number.POSITIVE_INFINITY;
        this.#wakeTimer = undefined;
        if (this.#sweeping) this.#again = true;
        else this.#tick();
      },
      Math.max(0, at - this.deps.clock().getTime()),
    );
    this.#wakeTimer.unref();
  }

  /**
   * Stops sweeping, waits for the deliveries under way and writes the delivered marks gathered (graceful
   * shutdown); rows not taken stay for the next replica.
   */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    clearTimeout(this.#wakeTimer);
    this.#timer = undefined;
    this.#wakeTimer = undefined;
    this.#wakeAt = Number.POSITIVE_INFINITY;
    await this.#marks.drain();
    await this.idle();
  }

  #tick(): void {
    this.sweep().catch((error: unknown) => this.deps.logger.error("outbox sweep failed", { error }));
  }

  /** Waits for the sweep and deliveries under way, and writes the delivered marks gathered so far. */
  async idle(): Promise<void> {
    while (this.#sweeping || this.#running.size > 0 || this.#marks.busy) {
      await Promise.allSettled([this.#sweeping, ...this.#running]);
      await this.#marks.flush();
    }
  }

  async #sweep(): Promise<number> {
    const platforms = Object.keys(this.deps.deliverers) as Platform[];
    const now = this.deps.clock().getTime();
    const rows = await this.deps.store.takeDueDeliveries({
      at: new Date(now).toISOString(),
      by: this.deps.settings.owner,
      leaseUntil: new Date(now + this.deps.settings.leaseMs).toISOString(),
      limit: 20,
      platforms,
    });
    // In order: a thread's replies must not overtake each other.
    for (const row of rows) await this.deliver(row);
    if (this.#again) {
      this.#again = false;
      return rows.length + (await this.#sweep());
    }
    return rows.length;
  }

  async #deliver(row: Row, via?: Deliverer) {
    const { store, settings, logger } = this.deps;
    const deliverer = via ?? (isTransportTarget(row.target) ? this.#viaTransport : this.deps.deliverers[row.platform]);
    const release = this.#holdLease(row);
    try {
      if (!deliverer) throw new DeliveryError(`${row.platform} is not running here`, { done: row.progress });
      await deliverer.deliver(row.target, row.reply as EngineReply, row.progress);
    } catch (error) {
      await release();
      return this.#failed(row, error);
    }
    await release();
    const ok = await store.completeDelivery(row.id, settings.owner, this.deps.clock().toISOString());
    if (!ok) {
      // Our lease ran out mid-delivery and another replica took the row: it may post it again.
      logger.warn("delivered a reply after its lease ended", { delivery: row.id, platform: row.platform });
      return "lost";
    }
    this.deps.counters?.delivered(row.platform);
    return "delivered";
  }

  /**
   * Keeps this replica's lease on a row alive while its delivery runs: a platform call can outlast the
   * lease (Teams answers a reply in the turn, with the connector's own retries and Retry-After waits), and
   * a lease that ran out meanwhile would let a sweep, this replica's own included, post the reply a second
   * time. Renewed every third of the lease; a replica that dies stops renewing, so its rows still pass to
   * the others. Not past the give-up time: a call that never ends must not hold its row forever. Returns a
   * function that stops renewing and waits for a renewal under way.
   */
  #holdLease(row: Row): () => Promise<void> {
    const { store, settings, logger } = this.deps;
    let renewing: Promise<unknown> = Promise.resolve();
    const timer = setInterval(
      () => {
        const now = this.deps.clock().getTime();
        if (now - Date.parse(row.createdAt) > settings.giveUpAfterMs) return clearInterval(timer);
        const until = new Date(now + settings.leaseMs).toISOString();
        renewing = store.renewDeliveryLease(row.id, settings.owner, until).then(
          (ours) => {
            if (!ours) clearInterval(timer);
          },
          (error: unknown) =>
            logger.warn("could not renew the lease of a reply being delivered", { delivery: row.id, error }),
        );
      },
      Math.max(10, Math.floor(settings.leaseMs / 3)),
    );
    timer.unref();
    return async () => {
      clearInterval(timer);
      await renewing;
    };
  }

  async #failed(row: Pick<DeliveryRecord, "id" | "platform" | "progress" | "createdAt">, error: unknown) {
    const { store, settings, logger } = this.deps;
    const now = this.deps.clock().getTime();
    const failure = error instanceof DeliveryError ? error : undefined;
    const done = failure?.done ?? row.progress;
    const fresh = await store.getDelivery(row.id);
    const attempts = fresh?.attempts ?? 1;
    const backoff = Math.min(settings.maxRetryMs, settings.firstRetryMs * 2 ** Math.max(0, attempts - 1));
    const wait = Math.max(backoff * (0.75 + Math.random() * 0.5), failure?.retryAfterMs ?? 0);
    const expired = now + wait - Date.parse(row.createdAt) > settings.giveUpAfterMs;
    const giveUp = failure?.permanent === true || expired;
    const message = error instanceof Error ? error.message : String(error);
    await store.failDelivery(row.id, {
      by: settings.owner,
      at: new Date(now).toISOString(),
      error: message,
      progress: done,
      ...(giveUp ? {} : { retryAt: new Date(now + wait).toISOString() }),
    });
    if (giveUp) {
      logger.error("reply given up (dead letter)", {
        delivery: row.id,
        platform: row.platform,
        attempts,
        reason: failure?.permanent ? "refused" : "retries exhausted",
        error: message,
      });
      this.deps.counters?.dead(row.platform);
      return "dead";
    }
    logger.warn("reply not delivered yet; retrying", {
      delivery: row.id,
      platform: row.platform,
      attempts,
      retryInMs: Math.round(wait),
      error: message,
    });
    this.deps.counters?.retried(row.platform);
    this.wake(now + wait);
    return "retry";
  }
}
