/**
 * Bundled in place of `@aws-sdk/credential-provider-node` (SDK_SHIMS in ../colophon-function.ts):
 * the credentials of a Lambda function are in its environment (AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), which is the first place the SDK's default chain looks
 * and the only one it ever reaches on Lambda. The chain's other providers (SSO, ini files, login,
 * web identity, process, container and instance metadata) and the STS/SSO clients they carry are
 * ~90 KiB of every handler's bundle that a cold start parses and never runs (issue 16).
 * Each client's runtimeConfig imports `defaultProvider` from the chain's package statically, so only
 * replacing the package at bundle time drops them. Without the variables, a call fails with the
 * SDK's own "Unable to find environment variable credentials."
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
