import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// Docker Compose is not installed where the tests run, so compose.yaml is checked by its structure:
// what `docker compose config` would resolve (anchors and merge keys included) must say what the docs say.
const root = join(import.meta.dirname, "../..");
const compose = parse(readFileSync(join(root, "compose.yaml"), "utf8"), { merge: true }) as {
  services: Record<string, Record<string, unknown> & { environment?: Record<string, string> }>;
  volumes: Record<string, unknown>;
};
const nginx = readFileSync(join(root, "deploy/nginx.conf"), "utf8");
const replicas = ["cpbot-1", "cpbot-2"];

describe("compose.yaml: two replicas, PostgreSQL, one load balancer", () => {
  it("runs two `cpbot serve` replicas of the Dockerfile's image on the PostgreSQL service", () => {
    for (const name of replicas) {
      const service = compose.services[name]!;
      expect(service.build).toBe(".");
      expect(service.command).toEqual(["node", "bin/cpbot.js", "serve"]);
      expect(service.environment?.DATABASE_URL).toMatch(/^postgres:\/\/cpbot:.+@postgres:5432\/cpbot$/);
      expect(service.environment?.HOST).toBe("0.0.0.0");
      expect(service.restart).toBe("unless-stopped");
    }
  });

  it("checks every replica's health on /readyz, and the balancer waits for both to be healthy", () => {
    for (const name of replicas) {
      const check = compose.services[name]!.healthcheck as { test: string[] };
      expect(check.test.join(" ")).toContain("http://127.0.0.1:3978/readyz");
    }
    expect(compose.services.balancer!.depends_on).toEqual({
      "cpbot-1": { condition: "service_healthy" },
      "cpbot-2": { condition: "service_healthy" },
    });
  });

  it("migrates once before the replicas start, after PostgreSQL is healthy", () => {
    const migrate = compose.services.migrate!;
    expect(migrate.command).toEqual(["node", "bin/cpbot.js", "db", "migrate"]);
    expect(migrate.depends_on).toEqual({ postgres: { condition: "service_healthy" } });
    for (const name of replicas) {
      expect(compose.services[name]!.depends_on).toEqual({ migrate: { condition: "service_completed_successfully" } });
    }
    const postgres = compose.services.postgres!;
    expect(String(postgres.image)).toMatch(/^postgres:\d+/);
    expect((postgres.healthcheck as { test: string[] }).test.join(" ")).toContain("pg_isready");
    expect(compose.volumes).toHaveProperty("pgdata");
  });

  it("the balancer's nginx.conf sends to both replicas and never replays a POST", () => {
    const balancer = compose.services.balancer!;
    expect(balancer.volumes).toContain("./deploy/nginx.conf:/etc/nginx/nginx.conf:ro");
    for (const name of replicas) expect(nginx).toMatch(new RegExp(`server ${name}:3978`));
    expect(nginx).toMatch(/proxy_pass http:\/\/cpbot;/);
    expect(nginx).toMatch(/proxy_next_upstream error timeout;/);
    expect(nginx).not.toMatch(/non_idempotent/);
  });
});
