/**
 * The JSON of the session documents this engine wrote, by session key, as the store gives them back.
 * Every read of a session is checked against the schema (session-state.ts), so that a document from an
 * older or broken build, or one edited by hand, starts a clean session instead of breaking the thread.
 * A document read back exactly as this engine wrote it needs no such check: it was built by this code
 * from a state that passed the schema, and the parse was the largest single cost of a slash command's
 * decision (4–5% of `cpbot serve`'s busy time under `/cp fault 303-RSC` load). The comparison is on the
 * whole text, so a document anyone else changed in between (another replica, an older build, a hand
 * edit, a deletion and a new session) is parsed as before.
 */
export class WrittenSessions {
  private readonly texts = new Map<string, string>();

  /** At most `limit` keys are kept (the least recently written go first); a forgotten one is parsed. */
  constructor(private readonly limit = 1000) {}

  /** True when `text` is exactly the document this engine last wrote under `key`. */
  wrote(key: string, text: string): boolean {
    return this.texts.get(key) === text;
  }

  remember(key: string, text: string): void {
    this.texts.delete(key);
    this.texts.set(key, text);
    if (this.texts.size > this.limit) {
      const oldest = this.texts.keys().next();
      if (!oldest.done) this.texts.delete(oldest.value);
    }
  }
}
