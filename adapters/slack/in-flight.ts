/**
 * Work started from a Slack request that outlives it: Bolt answers Slack (ack) first and runs the listener
 * afterwards, so the HTTP response says nothing about when the reply has been posted. Shutdown waits on
 * this before closing the database, and tests wait on it before looking at what was sent.
 */
export class InFlight {
  readonly #running = new Set<Promise<unknown>>();

  get size(): number {
    return this.#running.size;
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    const promise = work();
    this.#running.add(promise);
    const forget = () => this.#running.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  /** Resolves once nothing is running, including work that started while waiting. */
  async idle(): Promise<void> {
    // Let a request whose acknowledgement was just written reach its listener first.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.#running.size > 0) {
      await Promise.allSettled([...this.#running]);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
