/**
 * bench:press's memory figures: the process's peak heap and RSS while a phase runs, and under
 * `node --expose-gc` the peak *live* heap (sampled right after a full collection every 500 ms)
 * and what is still live after the phase. With `profile`, V8's sampling heap profiler runs through
 * the phase and its profile is taken at each new live peak, so the bench can say which
 * allocation sites hold the peak (the allocations still live when it is taken), not only how big it is.
 */
import { Session } from 'node:inspector/promises';

const MB = 1024 * 1024;
const fmt = (n: number): string => (Number.isFinite(n) ? n.toFixed(0) : '–');

export type PeakMemory<T> = { readonly result: T; readonly heapMb: number; readonly rssMb: number; readonly liveMb?: number; readonly retainedMb?: number; readonly holders?: string[] };

type ProfileNode = { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: ProfileNode[] };

/** The allocation sites holding the most live bytes in a sampling heap profile, with the frames that called them. */
function holdersOf(head: ProfileNode, top = 8): string[] {
  const sites = new Map<string, number>();
  const frame = (n: ProfileNode): string => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|functions|bench|tests)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
  const walk = (n: ProfileNode, path: ProfileNode[]): void => {
    if (n.selfSize > 0) {
      const ours = path.filter((p) => /\/(functions|bench|tests)\//.test(p.callFrame.url)).slice(-2);
      const key = `${frame(n)}  ← ${ours.map(frame).join(' ← ') || '(no frame of ours)'}`;
      sites.set(key, (sites.get(key) ?? 0) + n.selfSize);
    }
    for (const c of n.children) walk(c, [...path, n]);
  };
  walk(head, []);
  return [...sites].sort((a, b) => b[1] - a[1]).slice(0, top).map(([site, bytes]) => `${fmt(bytes / MB).padStart(4)} MB  ${site}`);
}

export async function withPeakMemory<T>(run: () => Promise<T>, options: { readonly profile?: boolean } = {}): Promise<PeakMemory<T>> {
  const gc = global.gc;
  gc?.();
  const base = process.memoryUsage();
  let heap = base.heapUsed;
  let rss = base.rss;
  let live = base.heapUsed;
  let holders: string[] | undefined;
  const session = options.profile === true && gc !== undefined ? new Session() : undefined;
  if (session !== undefined) {
    session.connect();
    await session.post('HeapProfiler.startSampling', { samplingInterval: 64 * 1024 });
  }
  let profiling = false;
  let profiledAt = base.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed);
    rss = Math.max(rss, m.rss);
  }, 20);
  const collector =
    gc === undefined
      ? undefined
      : setInterval(() => {
          gc();
          const now = process.memoryUsage().heapUsed;
          // A new live peak at least 8 MB above the last one profiled: which sites hold it.
          if (session !== undefined && !profiling && now > profiledAt + 8 * MB) {
            profiling = true;
            profiledAt = now;
            void session
              .post('HeapProfiler.getSamplingProfile')
              .then((p) => {
                holders = [`at live +${fmt((now - base.heapUsed) / MB)} MB:`, ...holdersOf((p as { profile: { head: ProfileNode } }).profile.head)];
              })
              .finally(() => {
                profiling = false;
              });
          }
          live = Math.max(live, now);
        }, 500);
  try {
    const result = await run();
    if (gc === undefined) return { result, heapMb: (heap - base.heapUsed) / MB, rssMb: rss / MB };
    gc();
    return { result, heapMb: (heap - base.heapUsed) / MB, rssMb: rss / MB, liveMb: (live - base.heapUsed) / MB, retainedMb: (process.memoryUsage().heapUsed - base.heapUsed) / MB, ...(holders ? { holders } : {}) };
  } finally {
    clearInterval(timer);
    if (collector !== undefined) clearInterval(collector);
    if (session !== undefined) {
      await session.post('HeapProfiler.stopSampling').catch(() => undefined);
      session.disconnect();
    }
  }
}

/** The live-heap figures (and what holds the peak), when the bench runs under `node --expose-gc`. */
export const live = (m: PeakMemory<unknown>): string =>
  m.liveMb === undefined
    ? ' (run under node --expose-gc for the live heap)'
    : `; live heap (after full GCs) peak +${fmt(m.liveMb)} MB, still live after +${fmt(m.retainedMb ?? Number.NaN)} MB${m.holders ? `\n      what holds the live peak (sampling heap profiler, live bytes by allocation site ← our calling frames):\n      ${m.holders.join('\n      ')}` : ''}`;
