# newsweave in a container: the web UI is bundled in a Node stage, the package installed in a
# slim Python image. Serves the database mounted at /data (see README, "Docker"):
#   docker build -t newsweave .
#   docker run --rm -p 127.0.0.1:8000:8000 -v "$PWD:/data" newsweave
# Other commands: docker run --rm -v "$PWD:/data" newsweave run /data/corpus --db /data/newsweave.db

FROM node:22-slim AS web
WORKDIR /build/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY web/ ./
# build.mjs writes the bundle to ../src/newsweave/server/static
RUN npm run --silent build

FROM python:3.11-slim
WORKDIR /build
COPY pyproject.toml setup.py MANIFEST.in README.md LICENSE ./
COPY src/ src/
COPY --from=web /build/src/newsweave/server/static/ src/newsweave/server/static/
# The UI is built already, so the build hook needs no npm here.
RUN pip install --no-cache-dir . && rm -rf /build

RUN useradd --create-home --uid 1000 newsweave
USER newsweave
WORKDIR /data
VOLUME /data
EXPOSE 8000
ENTRYPOINT ["newsweave"]
# Inside the container only, the server listens on every interface (--host 0.0.0.0, given
# explicitly; newsweave itself binds to loopback by default). Publish the port on the host's
# loopback (-p 127.0.0.1:8000:8000). A token is generated at each start and printed with the
# address; set NEWSWEAVE_TOKEN to choose it.
CMD ["serve", "--db", "/data/newsweave.db", "--host", "0.0.0.0", "--port", "8000", "--no-browser"]
