# cpbot: multi-stage image. Build: docker build -t cpbot . ; run: see docs/operations.md.
# The build stage installs everything and compiles dist/; the runtime stage has production dependencies
# only (no tsx, esbuild, vitest), runs as the unprivileged `node` user and is checked on /readyz.
# .ci/docker-replay.sh replays these steps in a clean folder without Docker (CI cannot pull images).

FROM node:20-slim AS build
WORKDIR /home/node/app
COPY package.json package-lock.json ./
COPY scripts ./scripts
# better-sqlite3 ships prebuilt binaries; scripts are run explicitly for the packages that need them.
RUN npm ci --no-audit --no-fund --ignore-scripts && npm rebuild better-sqlite3 esbuild
# tsconfig.json: the console's browser bundle (adapters/console/client) extends it.
COPY tsconfig.json ./
COPY src ./src
COPY adapters ./adapters
# The build caches the validated playbooks, the trained matcher and the precompiled card templates in
# dist/cache, so it reads them.
COPY playbooks ./playbooks
COPY templates ./templates
RUN npm run build

FROM node:20-slim AS runtime
ENV NODE_ENV=production LOG_FORMAT=json PORT=3978
USER node
# Created as `node` (a WORKDIR that does not exist yet would belong to root).
RUN mkdir -p /home/node/app/data
WORKDIR /home/node/app
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm rebuild better-sqlite3 && npm cache clean --force
COPY --chown=node:node --from=build /home/node/app/dist ./dist
COPY --chown=node:node bin ./bin
COPY --chown=node:node playbooks ./playbooks
COPY --chown=node:node templates ./templates
# The database lives in ./data (DATABASE_URL default); mount a volume here to keep it across upgrades.
VOLUME ["/home/node/app/data"]
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "bin/cpbot.js", "serve"]
