# dossier in a container image: the release build with the Swift runtime linked in,
# on Debian 12 (bookworm) slim with only the libraries it loads, libcmark and zlib.
#
#   docker build -t dossier .
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/work" dossier check governance
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/work" dossier build governance --out site
#
# docs/guides/install.md has more, CI jobs included.

FROM swift:6.3-bookworm AS build
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libcmark-dev zlib1g-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN swift build -c release --product dossier --static-swift-stdlib \
    && install -D -m 755 "$(swift build -c release --show-bin-path)/dossier" /out/dossier \
    && /out/dossier --version

FROM debian:bookworm-slim
# The Debian packages follow bookworm's security updates, hence no pinned versions (DL3008).
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libcmark0.30.2 zlib1g \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 --user-group dossier
COPY --from=build /out/dossier /usr/local/bin/dossier
USER 10001:10001
WORKDIR /work
ENTRYPOINT ["dossier"]
CMD ["--help"]
