import type { PlatformAdapter } from "./platform-adapter.ts";

/** Readiness: at least one playbook loaded (a server with none would only ever say "no match"). */
export function playbookCount(count: number): number {
  if (count === 0) throw new Error("no playbooks loaded");
  return count;
}

/** Readiness: every platform adapter has started (Socket Mode connected, routes mounted). */
export function platformsReady(started: boolean, adapters: readonly PlatformAdapter[]): string[] {
  if (!started) throw new Error("platforms still starting");
  return adapters.map((a) => a.platform);
}

/** Resolves true when `work` settles within `ms`, false when the time runs out first (the work goes on). */
export async function settleWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(resolve, ms, false);
    timer.unref();
  });
  const done = work.then(
    () => true as const,
    () => true as const,
  );
  try {
    return await Promise.race([done, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
