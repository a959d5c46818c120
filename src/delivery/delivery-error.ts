/**
 * A delivery attempt that failed, as a platform's deliverer reports it: how many messages of the reply
 * went out before the failure (a retry starts after them), whether trying again can help, and how long
 * the platform asked us to wait (429 Retry-After).
 */
export class DeliveryError extends Error {
  readonly done: number;
  readonly permanent: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: { done: number; permanent?: boolean; retryAfterMs?: number; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = "DeliveryError";
    this.done = options.done;
    this.permanent = options.permanent ?? false;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Runs one message's send after another from `from`, turning a failure into a DeliveryError that counts. */
export async function sendInOrder(
  sends: (() => Promise<unknown>)[],
  from: number,
  classify: (error: unknown, done: number) => DeliveryError,
): Promise<number> {
  let done = from;
  for (const send of sends.slice(from)) {
    try {
      await send();
    } catch (error) {
      throw error instanceof DeliveryError ? error : classify(error, done);
    }
    done++;
  }
  return done;
}
