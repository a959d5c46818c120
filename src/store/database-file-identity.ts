import { statSync } from "node:fs";
import { BotError } from "../core/bot-error.ts";

/**
 * The database file as it was when opened: device and inode. SQLite keeps writing to an open file after
 * it is deleted or replaced on disk (a restore, a cleanup script, a volume remounted), so the bot would
 * go on answering from a file nobody can see and lose everything at the next restart. Checking the
 * identity before every use turns that into a loud "store unavailable", and /healthz and /readyz fail.
 */
export class DatabaseFileIdentity {
  readonly #dev: number;
  readonly #ino: number;

  constructor(readonly path: string) {
    const stat = statSync(path);
    this.#dev = stat.dev;
    this.#ino = stat.ino;
  }

  /** Throws BotError "store_unavailable" when the path is gone or is now another file. */
  check(): void {
    let stat: { dev: number; ino: number } | undefined;
    try {
      stat = statSync(this.path);
    } catch {
      stat = undefined;
    }
    if (stat && stat.dev === this.#dev && stat.ino === this.#ino) return;
    throw new BotError(
      `The database file ${this.path} was ${stat ? "replaced by another file" : "deleted"} while cpbot had it open. ` +
        "cpbot stops using it so nothing is written where no one will find it: restore the file (or point " +
        "DATABASE_URL at the right one) and restart cpbot.",
      "store_unavailable",
    );
  }
}
