#!/usr/bin/env bash
# Deploys the `local` stage of the CDK app to a running LocalStack (docker-compose.yml beside this
# file) with cdklocal. Only endpoints and credentials differ from AWS: the app and its code are the
# same. Untested on the build machines (no Docker there).
set -euo pipefail
cd "$(dirname "$0")/../.."
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION="${AWS_REGION:-us-east-1}"
npx --yes aws-cdk-local@latest bootstrap -c stage=local
npx --yes aws-cdk-local@latest deploy --all -c stage=local --require-approval never
