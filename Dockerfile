# trackmon as a container service: `trackmon run` (scheduler + HTTP API on :8080).
# Configuration comes from TRACKMON_* environment variables (see README.md and
# config/trackmon.example.toml); SQLite in the /data volume unless TRACKMON_DATABASE_URL
# points at PostgreSQL. The API token comes from the secret file TRACKMON_API_TOKEN_FILE
# names (compose.yaml mounts it) or from TRACKMON_API_TOKEN; without one, `trackmon run`
# refuses to listen on 0.0.0.0 (exit 6). Base image pinned to a patch release; Python
# dependencies pinned by constraints.txt (the same file the README's commands and CI use).
FROM python:3.11.13-slim-bookworm AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md constraints.txt ./
COPY trackmon ./trackmon
COPY carriers ./carriers
COPY messages ./messages
RUN python -m venv /opt/trackmon \
    && /opt/trackmon/bin/pip install --no-cache-dir -c constraints.txt .

FROM python:3.11.13-slim-bookworm

LABEL org.opencontainers.image.title="trackmon" \
      org.opencontainers.image.description="Watches every shipped parcel and tells the buyer before the buyer has to ask." \
      org.opencontainers.image.licenses="MIT"

RUN groupadd --system --gid 10001 trackmon \
    && useradd --system --uid 10001 --gid trackmon --home-dir /data --shell /usr/sbin/nologin trackmon \
    && mkdir -p /data \
    && chown trackmon:trackmon /data

COPY --from=build /opt/trackmon /opt/trackmon

ENV PATH="/opt/trackmon/bin:${PATH}" \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    TRACKMON_DATABASE_URL=sqlite:////data/trackmon.db \
    TRACKMON_API_HOST=0.0.0.0 \
    TRACKMON_API_PORT=8080 \
    TRACKMON_API_TOKEN_FILE=/run/secrets/trackmon_api_token \
    TRACKMON_LOG_FORMAT=json \
    TRACKMON_MESSAGING_FILE_DIR=/data/outbox

USER 10001:10001
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('TRACKMON_API_PORT', '8080'), timeout=4)"]

ENTRYPOINT ["trackmon"]
CMD ["run"]
