/** Environment read once at cold start: a function deployed without its settings fails before any event. */
import { ConfigError } from '#adapters/errors';

/** The named variables, or a ConfigError listing every one that is missing or empty. */
export function requireEnv<const K extends string>(names: readonly K[], env: NodeJS.ProcessEnv = process.env): Record<K, string> {
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0) throw new ConfigError(`missing environment variable(s): ${missing.join(', ')} (set by the CDK function construct's bind* helpers)`);
  return Object.fromEntries(names.map((name) => [name, env[name]!])) as Record<K, string>;
}
