#!/usr/bin/env bash
# Deploys the `local` stage of the CDK app to a running LocalStack (docker-compose.yml beside this
# file) with cdklocal. Only endpoints and credentials differ from AWS: the app and its code are the
# same. Untested on the build machines (no Docker there).
set -euo pipefail
cd "$(dirname "$0")/../.."
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION="${AWS_REGION:-us-east-1}"
npx --yes aws-cdk-local@latest bootstrap -c stage=local
# The stage's SecureString parameters (README, "Deploying to AWS"): no template can create them.
# The local stage deposits in dry run, so the Crossref login is the simulator's default.
key() { LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c "$1"; }
ssm() { docker compose -f infra/localstack/docker-compose.yml exec -T localstack awslocal ssm put-parameter --type SecureString --overwrite "$@" >/dev/null; }
ssm --name /colophon/local/oai-token-seal --value "$(key 48)"
ssm --name /colophon/local/crossref --value "{\"login_id\":\"colophon\",\"login_passwd\":\"local\",\"callback_token\":\"$(key 40)\"}"
npx --yes aws-cdk-local@latest deploy --all -c stage=local --require-approval never
