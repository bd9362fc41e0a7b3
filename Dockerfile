# oci-mirror for Kubernetes CronJobs and other schedulers: the CLI on distroless Node.js 24,
# running as the image's non-root user, with helm for chart image discovery.
#
#   docker build -t oci-mirror .
#   docker run --rm -v "$PWD/mirror.yaml:/config/mirror.yaml:ro" oci-mirror sync /config/mirror.yaml
#
# Credentials come from the config (`${VAR}` from the environment, files under the config's
# directory) or a Docker config mounted at /home/nonroot/.docker/config.json.

ARG NODE_IMAGE=node:24-bookworm-slim
ARG RUNTIME_IMAGE=gcr.io/distroless/nodejs24-debian12:nonroot

# --- build: the bundled CLI (dist/cli.js + dist/cli/) from a clean install
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json ./
COPY scripts/ scripts/
COPY schema/ schema/
COPY src/ src/
RUN node scripts/build.mjs /out

# --- helm: the pinned release, its sha256 checked before extracting (same pins as the action)
FROM ${NODE_IMAGE} AS helm
ARG TARGETARCH=amd64
ARG HELM_VERSION=v3.19.0
ARG HELM_SHA256_AMD64=a7f81ce08007091b86d8bd696eb4d86b8d0f2e1b9f6c714be62f82f96a594496
ARG HELM_SHA256_ARM64=440cf7add0aee27ebc93fada965523c1dc2e0ab340d4348da2215737fc0d76ad
ADD https://get.helm.sh/helm-${HELM_VERSION}-linux-${TARGETARCH}.tar.gz /tmp/helm.tar.gz
RUN set -eu; \
    case "${TARGETARCH}" in \
      amd64) sum="${HELM_SHA256_AMD64}" ;; \
      arm64) sum="${HELM_SHA256_ARM64}" ;; \
      *) echo "no pinned helm for ${TARGETARCH}" >&2; exit 1 ;; \
    esac; \
    echo "${sum}  /tmp/helm.tar.gz" | sha256sum -c -; \
    tar -xzf /tmp/helm.tar.gz -C /tmp "linux-${TARGETARCH}/helm"; \
    install -m 0755 "/tmp/linux-${TARGETARCH}/helm" /usr/local/bin/helm

# --- runtime: no shell, no package manager, uid 65532
FROM ${RUNTIME_IMAGE}
COPY --from=build /out/ /app/dist/
COPY --from=build /src/schema/ /app/schema/
COPY --from=helm /usr/local/bin/helm /usr/local/bin/helm
ENV HELM_BIN=/usr/local/bin/helm \
    NODE_ENV=production
USER nonroot
WORKDIR /home/nonroot
ENTRYPOINT ["/nodejs/bin/node", "/app/dist/cli.js"]
CMD ["--help"]
