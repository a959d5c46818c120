/**
 * A first-come-first-served lock for one process. SQLite has one connection per store, so an open
 * transaction must keep every other caller out until it commits; awaiting inside the transaction would
 * otherwise let another event's writes slip into it.
 */
export class AsyncMutex {
  private tail: Promise<void> = Promise.resolve();

  /** Resolves with the release function once every earlier holder has released. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const before = this.tail;
    this.tail = before.then(() => mine);
    return before.then(() => release);
  }
}
