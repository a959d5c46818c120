import { accessSync, constants, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { BotError } from "../core/bot-error.ts";
import { migrate } from "./migrations.ts";
import { type DatabaseTarget, describeTarget } from "./parse-database-url.ts";
import { defaultSynchronous, type SynchronousMode } from "./synchronous-mode.ts";

/** How long a writer waits for another process's write lock before giving up. */
export const busyTimeoutMs = 5000;

export interface OpenOptions {
  /** Refuse to create a new database (the report reads an existing one; it must not make an empty one). */
  mustExist?: boolean;
  /** How long a write waits for another process's lock; default `busyTimeoutMs`. */
  busyTimeoutMs?: number;
  /**
   * The escalation id prefix a NEW database takes (default: four random letters, escalation-ids.ts). Only
   * the conversation runner sets it, so scripted conversations can name "ESC-TEST-0001".
   */
  escalationPrefix?: string;
  /** SQLITE_SYNCHRONOUS; default "full". */
  synchronous?: SynchronousMode;
  /** Told which migration versions this open applied (`cpbot db migrate` prints them). */
  onMigrated?: (applied: number[]) => void;
}

/**
 * Opens (creating on first run) and migrates the database. Every way this can fail ends in one
 * BotError("store_unavailable") naming the file and what to do; an existing file is never reset,
 * truncated or recreated, because that would silently lose escalations.
 */
export function openSqliteDatabase(target: DatabaseTarget, options: OpenOptions = {}): Database.Database {
  const file = describeTarget(target);
  if (target.kind === "file") prepareLocation(target.path, options.mustExist ?? false);
  let db: Database.Database;
  try {
    db = new Database(target.kind === "memory" ? ":memory:" : target.path, {
      fileMustExist: options.mustExist ?? false,
    });
  } catch (error) {
    throw storeUnavailable(file, error);
  }
  try {
    const waitMs = Math.max(0, Math.trunc(options.busyTimeoutMs ?? busyTimeoutMs));
    // busy_timeout first: migrations may have to wait for another process.
    db.pragma(`busy_timeout = ${waitMs}`);
    // WAL lets the report read while the bot writes, and makes each commit one append.
    switchToWal(db, waitMs);
    db.pragma("foreign_keys = ON");
    // Set on every open: left alone, this build of SQLite runs FULL on the open that creates the file and
    // NORMAL on every later one (SQLITE_DEFAULT_WAL_SYNCHRONOUS), so durability changed with a restart.
    db.pragma(`synchronous = ${(options.synchronous ?? defaultSynchronous).toUpperCase()}`);
    const applied = migrate(db, file);
    options.onMigrated?.(applied);
    return db;
  } catch (error) {
    db.close();
    throw error instanceof BotError ? error : storeUnavailable(file, error);
  }
}

/**
 * Switching a new file to WAL reads the header, then needs the write lock. SQLite does not run the busy
 * handler for that upgrade while another connection holds a write lock (waiting could deadlock), so when
 * several processes create one database at once the switch fails at once with SQLITE_BUSY whatever
 * busy_timeout says. Retrying lets the statement drop its read lock in between; the same time limit applies.
 */
function switchToWal(db: Database.Database, waitMs: number): void {
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      db.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== "SQLITE_BUSY" || Date.now() >= deadline) throw error;
    }
    // A short sleep that grows, with jitter so racing processes do not retry in step.
    sleepSync(Math.min(50, 2 ** Math.min(attempt, 5)) + Math.random() * 5);
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function prepareLocation(path: string, mustExist: boolean): void {
  const dir = dirname(path);
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) {
      throw new BotError(
        `DATABASE_URL points at ${path}, which is a directory. Name a file inside it, e.g. ${path}/cpbot.db.`,
        "store_unavailable",
      );
    }
    // SQLite would quietly open a read-only file read-only and fail on the first write, mid-conversation.
    ensureAccess(path, constants.R_OK | constants.W_OK, `The database ${path} is not readable and writable`);
    // WAL keeps -wal and -shm files beside the database, so the directory must be writable too.
    ensureAccess(dir, constants.W_OK, `The directory ${dir} of the database ${path} is not writable`);
    return;
  }
  if (mustExist) {
    throw new BotError(
      `There is no database at ${path}. Start the bot once to create it, or point DATABASE_URL (or --database) ` +
        "at an existing cpbot database.",
      "store_unavailable",
    );
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new BotError(
      `Cannot create the directory ${dir} for the database ${path}: ${errorText(error)}. ` +
        "Create it with write permission for this user, or set DATABASE_URL to a writable path.",
      "store_unavailable",
      { cause: error },
    );
  }
  ensureAccess(dir, constants.W_OK, `Cannot create the database ${path}: its directory is not writable`);
}

function ensureAccess(path: string, mode: number, problem: string): void {
  try {
    accessSync(path, mode);
  } catch (error) {
    throw new BotError(
      `${problem} (${errorText(error)}). Fix the permissions for the user running cpbot, or set DATABASE_URL to a writable path.`,
      "store_unavailable",
      { cause: error },
    );
  }
}

/** Maps SQLite's result codes to advice; the original error stays attached as the cause. */
export function storeUnavailable(file: string, error: unknown): BotError {
  const code = (error as { code?: unknown }).code;
  let advice = "Check the file and its permissions, or set DATABASE_URL to another file.";
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") {
    advice =
      "It is not a SQLite database or it is damaged; cpbot has left it untouched. Restore it from a backup, " +
      "or move it aside to start with an empty database, or set DATABASE_URL to another file.";
  } else if (code === "SQLITE_READONLY" || code === "SQLITE_CANTOPEN" || code === "SQLITE_PERM") {
    advice = "Make the file and its directory writable for the user running cpbot, or set DATABASE_URL elsewhere.";
  } else if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") {
    advice = "Another process held the write lock too long; check for a stuck cpbot or an open sqlite3 shell.";
  } else if (code === "SQLITE_FULL") {
    advice = "The disk is full; free space and try again.";
  }
  return new BotError(`Cannot use the database ${file}: ${errorText(error)}. ${advice}`, "store_unavailable", {
    cause: error,
  });
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
}
