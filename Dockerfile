# syntax=docker/dockerfile:1
# gomod-doctor: one image, every role (serve, --role bot|worker|scheduler, diagnose, report, lab, demo).
# Build:  docker build -t gomod-doctor .
# Run:    docker run --rm -e SLACK_BOT_TOKEN -e SLACK_APP_TOKEN -e REDIS_URL gomod-doctor serve --metrics-port 9464

ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would build before the sources are here; native extras are optional.
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build \
 && npm prune --omit=dev --ignore-scripts

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# redis-server: the embedded default when REDIS_URL is unset (append-only file under /data).
# git: the direct (VCS) path the go command can take; ca-certificates: the system trust roots.
RUN apt-get update \
 && apt-get install -y --no-install-recommends redis-server git ca-certificates tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    GOMOD_DOCTOR_DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=root:root /src/node_modules ./node_modules
COPY --from=build --chown=root:root /src/dist ./dist
COPY --chown=root:root package.json manifest.yml gomod-doctor.example.yml ./
COPY --chown=root:root assets ./assets
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.METRICS_PORT||9464)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["tini", "--", "node", "/app/dist/main/cli.js"]
CMD ["serve", "--metrics-port", "9464"]
