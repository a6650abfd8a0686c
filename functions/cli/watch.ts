/**
 * `colophon validate <dir> --watch`: the editing loop. Checks once, then again each time a file
 * below the folder changes (a burst of saves is one check), until Ctrl-C. The watcher and the
 * stop signal are parameters, so tests drive it without waiting for the file system.
 */
import { watch as fsWatch } from 'node:fs';
import process from 'node:process';
import { checkMetadata } from './check.ts';
import type { Io } from './main.ts';
import { contentSummary, problemReport } from './report.ts';

/** Calls `onChange` after files below `root` change; `close` stops it. */
export type Watcher = (root: string, onChange: () => void) => { close(): void };

/** Saves often come in bursts (an editor writes a temporary file, then renames it): one check per quiet quarter second. */
const QUIET_MS = 250;

export const fileWatcher: Watcher = (root, onChange) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watcher = fsWatch(root, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, QUIET_MS);
  });
  return { close: () => (clearTimeout(timer), watcher.close()) };
};

const interrupted = (): Promise<void> => new Promise((resolve) => process.once('SIGINT', () => resolve()));

export type WatchDeps = { readonly watch: Watcher; readonly stopped: Promise<void>; readonly now: () => Date };

/** One check, printed as `validate` prints it; returns whether it found problems. */
function check(root: string, io: Pick<Io, 'out'>): boolean {
  const checked = checkMetadata(root);
  if (checked.problems.length > 0) for (const line of problemReport(checked.problems)) io.out(`${line}\n`);
  else io.out(`OK: ${contentSummary(checked.issues)} in ${root}\n`);
  return checked.problems.length > 0;
}

export async function watchValidate(root: string, io: Pick<Io, 'out' | 'err'>, deps: WatchDeps = { watch: fileWatcher, stopped: interrupted(), now: () => new Date() }): Promise<number> {
  check(root, io);
  io.err(`watching ${root}: every change is checked again (Ctrl-C to stop)\n`);
  const watcher = deps.watch(root, () => {
    io.out(`\n${deps.now().toTimeString().slice(0, 8)} a file changed: checking again\n`);
    check(root, io);
  });
  await deps.stopped;
  watcher.close();
  return 0;
}
