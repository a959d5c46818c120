/**
 * SQLite's `PRAGMA synchronous` in WAL mode (SQLITE_SYNCHRONOUS): "full" syncs the WAL at every commit, so a commit
 * survives a power loss; "normal" syncs only at checkpoints: still never corrupt, and nothing committed is
 * lost when the process dies (kill -9), but the last commits may be lost when the machine loses power.
 */
export const synchronousModes = ["full", "normal"] as const;
export type SynchronousMode = (typeof synchronousModes)[number];
export const defaultSynchronous: SynchronousMode = "full";
