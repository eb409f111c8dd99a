#!/usr/bin/env bash
# Build the Dateline Dataflow Flex Template: worker image, launcher image, template spec.
#
#   PROJECT=my-project REGION=europe-west1 REPOSITORY=dateline BUCKET=my-bucket \
#     deploy/dataflow/build.sh [TAG]
#
# Needs docker (or run the two builds with Cloud Build) and gcloud, authenticated, with
# Artifact Registry (docker) auth configured: gcloud auth configure-docker "$REGION-docker.pkg.dev".
set -euo pipefail

: "${PROJECT:?set PROJECT}" "${REGION:?set REGION}" "${REPOSITORY:?set REPOSITORY}" "${BUCKET:?set BUCKET}"
TAG="${1:-${TAG:-0.1.0}}"
# Must equal the apache-beam pin in pyproject.toml (checked by tests/test_deploy_manifests.py).
BEAM_VERSION=2.77.0

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REGISTRY="${REGION}-docker.pkg.dev/${PROJECT}/${REPOSITORY}"
WORKER_IMAGE="${REGISTRY}/dateline:${TAG}"
LAUNCHER_IMAGE="${REGISTRY}/dateline-template-launcher:${TAG}"
TEMPLATE="gs://${BUCKET}/templates/dateline-${TAG}.json"

# 1. Worker image = the Dateline image plus the GCP extras Dataflow workers need.
docker build -f "${ROOT}/deploy/image/Dockerfile" \
  --build-arg BEAM_VERSION="${BEAM_VERSION}" \
  --build-arg EXTRA_PIP_PACKAGES="apache-beam[gcp]==${BEAM_VERSION}" \
  -t "${WORKER_IMAGE}" "${ROOT}"
docker push "${WORKER_IMAGE}"

# 2. Launcher image, which knows the worker image.
docker build -f "${ROOT}/deploy/dataflow/Dockerfile" \
  --build-arg BEAM_VERSION="${BEAM_VERSION}" \
  --build-arg WORKER_IMAGE="${WORKER_IMAGE}" \
  -t "${LAUNCHER_IMAGE}" "${ROOT}"
docker push "${LAUNCHER_IMAGE}"

# 3. Template spec in GCS, with the parameters of metadata.json.
gcloud dataflow flex-template build "${TEMPLATE}" \
  --project "${PROJECT}" \
  --image "${LAUNCHER_IMAGE}" \
  --sdk-language PYTHON \
  --metadata-file "${ROOT}/deploy/dataflow/metadata.json"

echo "template: ${TEMPLATE}"
echo "worker image: ${WORKER_IMAGE}"
