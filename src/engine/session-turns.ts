/**
 * One turn at a time per session key, within this process. A turn whose writes follow its answer (see
 * `HandleOptions.deferWrites`) holds its key from before it reads the session until its writes have
 * committed, so the thread's next turn (a `/cp escalate` right after `/cp fault`) reads the session that
 * answer came from even when it arrives before the group commit. Other turns hold the key while they
 * decide and commit, so a deferred turn never reads a session another turn of this process is about to
 * change. Keys nobody waits on are forgotten, so the map holds only the threads being answered.
 */
export class SessionTurns {
  readonly #tails = new Map<string, Promise<void>>();

  /**
   * Waits for the key's earlier turns, then returns the function that lets the next one go. Returns it
   * at once (no promise) when the key is free, the common case.
   */
  acquire(key: string): (() => void) | Promise<() => void> {
    const before = this.#tails.get(key);
    let open!: () => void;
    const mine = new Promise<void>((resolve) => {
      open = resolve;
    });
    this.#tails.set(key, mine);
    const release = () => {
      open();
      if (this.#tails.get(key) === mine) this.#tails.delete(key);
    };
    return before ? before.then(() => release) : release;
  }
}
