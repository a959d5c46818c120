/**
 * A first-come-first-served lock for one process. SQLite has one connection per store, so an open
 * transaction must keep every other caller out until it commits; awaiting inside the transaction would
 * otherwise let another event's writes slip into it.
 */
export class AsyncMutex {
  private tail: Promise<void> = Promise.resolve();
  /** Holders and waiters: zero means a caller may use the connection at once, synchronously. */
  private users = 0;

  /** True when nobody holds the lock or waits for it. */
  idle(): boolean {
    return this.users === 0;
  }

  /** Resolves with the release function once every earlier holder has released. */
  acquire(): Promise<() => void> {
    this.users++;
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const before = this.tail;
    this.tail = before.then(() => mine);
    let released = false;
    return before.then(() => () => {
      if (released) return;
      released = true;
      this.users--;
      release();
    });
  }
}
