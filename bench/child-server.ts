import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

/** A port free on loopback right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface ChildServer {
  port: number;
  child: ChildProcess;
  /** Milliseconds from spawn to the first 200 from GET /healthz. */
  readyMs: number;
  /** Milliseconds from spawn to the first 200 from `options.ready` (GET /readyz for cpbot), else readyMs. */
  readyForTrafficMs: number;
  /** Resident memory of the process now, in MiB (Linux /proc). */
  rssMb(): number;
  /** CPU time the process has used so far (user + system), in ms (Linux /proc; clock ticks of 10 ms). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/**
 * Spawns `node args…` with PORT set and waits until GET /healthz answers 200 (or the child exits), then
 * until `options.ready` does: cpbot serve answers /healthz while it still starts, and /readyz once it can
 * take traffic.
 */
export async function startChildServer(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; ready?: string },
): Promise<ChildServer> {
  const port = await freePort();
  const start = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, PORT: String(port), LOG_LEVEL: "warn", CPBOT_NO_DOTENV: "1", ...options.env },
  });
  // Kept so a server that fails to start can say why; only the tail matters.
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-4000);
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  };
  const until200 = async (path: string) => {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}${path}`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - start;
      if (child.exitCode !== null) throw new Error(`${args.join(" ")} exited with ${child.exitCode}:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const readyMs = await until200("/healthz");
  const readyForTrafficMs = options.ready ? await until200(options.ready) : readyMs;
  const rssMb = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  };
  const cpuMs = () => {
    // Fields 14 and 15 of /proc/PID/stat (utime, stime), after the command name in parentheses.
    const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  return { port, child, readyMs, readyForTrafficMs, rssMb, cpuMs, stop };
}
