/**
 * Timing, memory sampling and the printed table for the benchmarks. Every phase runs several
 * rounds (the machine is shared and noisy); the table shows the median and the best round of
 * wall-clock time, and the main thread's CPU time (process.threadCpuUsage), which other
 * processes on a loaded machine do not inflate: it is what one dedicated core would take.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { memoryUsage, resourceUsage, threadCpuUsage } from 'node:process';

export type Round = { readonly ms: number; readonly cpuMs: number; readonly items: number; readonly bytes: number };
export type PhaseResult = { readonly name: string; readonly rounds: readonly Round[]; readonly peakHeap: number };

let peakHeap = 0;
let peakRss = 0;

/** Samples the heap and RSS; cheap enough to call once per issue. */
export function sampleMemory(): void {
  const m = memoryUsage();
  if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  if (m.rss > peakRss) peakRss = m.rss;
}

/** Peak heap since the last call (one phase's peak). */
export function takePeakHeap(): number {
  const peak = peakHeap;
  peakHeap = 0;
  return peak;
}

/** The process's peak resident set (kernel's maxrss) and the largest RSS sampled. */
export const peakResident = (): number => Math.max(resourceUsage().maxRSS * 1024, peakRss);

/** Collects garbage between phases when node runs with --expose-gc, so phases do not pay for each other's garbage. */
export function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Runs `body` `rounds` times; `body` returns how many items it handled and the bytes it produced. */
export function phase(name: string, rounds: number, body: () => { items: number; bytes: number }): PhaseResult {
  settle();
  takePeakHeap();
  const out: Round[] = [];
  for (let r = 0; r < rounds; r += 1) {
    const cpu = threadCpuUsage();
    const start = performance.now();
    const { items, bytes } = body();
    const ms = performance.now() - start;
    const used = threadCpuUsage(cpu);
    out.push({ ms, cpuMs: (used.user + used.system) / 1000, items, bytes });
  }
  sampleMemory();
  return { name, rounds: out, peakHeap: takePeakHeap() };
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const perSecond = (r: Round): number => (r.items * 1000) / r.ms;
export const perCpuSecond = (r: Round): number => (r.items * 1000) / r.cpuMs;
export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** A plain text table: the first column left-aligned, the rest right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * One table row: articles per wall and per CPU second (median and best round), CPU ms per article
 * in the median and in the first round (a real publish renders each article once: the first round
 * pays for first sights, such as a RegExp compiled per DOI, that later rounds find cached), output
 * size, peak heap.
 */
export function resultRow(result: PhaseResult): string[] {
  const wall = result.rounds.map(perSecond);
  const cpu = result.rounds.map(perCpuSecond);
  const first = result.rounds[0]!;
  const bytes = first.bytes;
  const items = first.items;
  return [
    result.name,
    median(wall).toFixed(0),
    Math.max(...wall).toFixed(0),
    median(cpu).toFixed(0),
    Math.max(...cpu).toFixed(0),
    (1000 / median(cpu)).toFixed(3),
    (first.cpuMs / items).toFixed(3),
    bytes === 0 ? '-' : `${(bytes / items / 1024).toFixed(1)} KiB`,
    mib(result.peakHeap),
  ];
}

export const RESULT_HEADER = ['phase', 'wall art/s', 'best', 'CPU art/s', 'best', 'CPU ms/art', '1st round', 'output/art', 'peak heap'] as const;

/** CPU seconds of this process (every thread) and of each child process by command, read from /proc (Linux). */
export function processTreeCpu(): Map<string, number> {
  const out = new Map<string, number>();
  const self = process.cpuUsage();
  out.set('this process', (self.user + self.system) / 1e6);
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return out;
  }
  const ticks = 100; // USER_HZ on Linux
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command (in parentheses): state ppid … utime(14) stime(15), 1-based.
    const close = stat.lastIndexOf(')');
    const name = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    if (Number(fields[1]) !== process.pid) continue;
    const seconds = (Number(fields[11]) + Number(fields[12])) / ticks;
    out.set(name, (out.get(name) ?? 0) + seconds);
  }
  return out;
}
