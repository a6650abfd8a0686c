/**
 * The Nu HTML Checker (https://validator.github.io/validator/, the vnu-jar npm package), run once
 * over every page: `java -jar vnu.jar --errors-only --format json <files>`.
 */
import { spawnSync } from 'node:child_process';
import { VNU_JAR } from './tools.ts';

export type VnuMessage = { readonly type: string; readonly url?: string; readonly lastLine?: number; readonly message: string; readonly extract?: string };

/** The checker's errors for the files (none is a pass); throws when the checker itself cannot run. */
export function checkHtml(files: readonly string[]): VnuMessage[] {
  const run = spawnSync('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`the Nu HTML Checker did not run: ${run.error.message}`, { cause: run.error });
  // The JSON report goes to stderr; with no message at all some versions print nothing.
  const report = run.stderr.trim();
  if (report === '') {
    if (run.status === 0) return [];
    throw new Error(`the Nu HTML Checker exited ${String(run.status)} without a report: ${run.stdout}`);
  }
  return (JSON.parse(report) as { messages: VnuMessage[] }).messages;
}

/** One line per message, for a readable failure. */
export const describeMessages = (messages: readonly VnuMessage[]): string[] =>
  messages.map((m) => `${m.url?.replace(/^file:/, '') ?? '?'}:${m.lastLine ?? '?'}: ${m.type}: ${m.message}${m.extract === undefined ? '' : ` [${m.extract.trim()}]`}`);
