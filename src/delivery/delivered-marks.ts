import type { Logger } from "../core/logger.ts";

// Captured when the module loads: a test that fakes timers must not stop the marks from being written.
const later = globalThis.setTimeout;

export interface DeliveredMarksDeps {
  /** Writes the marks as one statement (Store.completeDeliveries with this replica's name and now). */
  write(ids: readonly string[]): Promise<number>;
  logger: Logger;
  /** Epoch ms, the dispatcher's clock. */
  now(): number;
  /** How long marks gather before they are written together. */
  gatherMs: number;
  /**
   * A batch that fails is tried again until this long after its first mark, then given up (logged): kept
   * well under the lease, after which the sweep takes an unmarked row and sends it again anyway.
   */
  giveUpMs: number;
}

/** Marks written in one statement at most, so a burst never makes one huge statement. */
const maxBatch = 256;

/**
 * The delivered marks of replies sent by other means (a slash command answered in its acknowledgement),
 * gathered for a few milliseconds and written as one statement in one transaction, instead of one write and
 * one commit each after every acknowledgement. Safe because the row is queued under this replica's lease:
 * nobody else sends it until the lease ends, so a mark a few milliseconds late changes nothing, and a crash
 * before it is written lets the sweep send the answer again after the lease, exactly as a crash between
 * the acknowledgement and an immediate mark did. A failed batch is retried, then logged; `flush` writes what
 * is gathered now (shutdown, `idle`).
 */
export class DeliveredMarks {
  #gathered: { id: string; done: () => void }[] = [];
  #firstAt = 0;
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> | undefined;
  #failures = 0;
  /** Shutting down: marks are written as they come, without gathering. */
  #draining = false;

  constructor(private readonly deps: DeliveredMarksDeps) {}

  /** Marks gathered or being written. */
  get busy(): boolean {
    return this.#gathered.length > 0 || this.#writing !== undefined;
  }

  /** Gathers a mark; resolves once it is written (or, after retries, given up and logged). Never rejects. */
  add(id: string): Promise<void> {
    if (this.#gathered.length === 0) this.#firstAt = this.deps.now();
    const written = new Promise<void>((done) => this.#gathered.push({ id, done }));
    if (this.#gathered.length >= maxBatch || this.#draining) this.#writeSoon(0);
    else this.#writeSoon(this.deps.gatherMs);
    return written;
  }

  /**
   * From now on a mark is written as soon as it comes (shutdown: a request still in flight must not wait a
   * whole window for its mark), and what is gathered is written now.
   */
  drain(): Promise<void> {
    this.#draining = true;
    return this.flush();
  }

  /** Writes every gathered mark now and waits for it (and for a write under way). */
  async flush(): Promise<void> {
    while (this.#writing || this.#gathered.length > 0) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      if (this.#writing) await this.#writing;
      else await this.#write(true);
    }
  }

  #writeSoon(delayMs: number): void {
    if (this.#writing) return; // the write under way schedules the next one when it ends
    if (this.#timer && delayMs > 0) return;
    clearTimeout(this.#timer);
    this.#timer = later(() => {
      this.#timer = undefined;
      if (this.#gathered.length > 0 && !this.#writing) void this.#write(false);
    }, delayMs);
  }

  #write(final: boolean): Promise<void> {
    const batch = this.#gathered.splice(0, maxBatch);
    const firstAt = this.#firstAt;
    this.#firstAt = this.deps.now();
    this.#writing = this.deps.write(batch.map((m) => m.id)).then(
      () => {
        this.#failures = 0;
        for (const mark of batch) mark.done();
      },
      (error: unknown) => this.#failed(batch, firstAt, error, final),
    );
    const writing = this.#writing;
    void writing.finally(() => {
      if (this.#writing === writing) this.#writing = undefined;
      if (this.#gathered.length > 0 && !final) this.#writeSoon(this.#retryDelay());
    });
    return writing;
  }

  #failed(batch: { id: string; done: () => void }[], firstAt: number, error: unknown, final: boolean): void {
    this.#failures++;
    const ids = batch.map((m) => m.id);
    if (final || this.deps.now() - firstAt >= this.deps.giveUpMs) {
      // The rows stay pending under the lease: after it the sweep sends them again, a rare second copy.
      this.deps.logger.error(
        "could not mark replies answered in their acknowledgement delivered; they may be sent again",
        {
          deliveries: ids,
          error,
        },
      );
      for (const mark of batch) mark.done();
      return;
    }
    this.deps.logger.warn("could not mark replies delivered yet; retrying", { deliveries: ids.length, error });
    this.#gathered.unshift(...batch);
    this.#firstAt = firstAt;
  }

  /** After a failure: back off (100 ms, doubling, at most a second); otherwise the gathering delay. */
  #retryDelay(): number {
    return this.#failures === 0 ? this.deps.gatherMs : Math.min(1000, 100 * 2 ** (this.#failures - 1));
  }
}
