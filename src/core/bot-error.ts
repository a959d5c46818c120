export type BotErrorCode =
  | "config_invalid"
  | "playbooks_invalid"
  | "templates_invalid"
  | "store_unavailable"
  | "unknown_command"
  | "unknown_fault_code"
  | "unknown_playbook"
  | "invalid_input"
  | "not_found"
  /** Optimistic concurrency: the record changed since it was read (two button presses at once); re-read and retry. */
  | "conflict"
  | "platform_error"
  /** The person may not do this (act on someone else's escalation); shown only to them, nothing changed. */
  | "forbidden"
  /** Too many requests from one person or channel; answered once with "slow down". */
  | "rate_limited";

/** One error type for the whole bot; `code` lets adapters choose a reply without parsing messages. */
export class BotError extends Error {
  constructor(
    message: string,
    readonly code: BotErrorCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
