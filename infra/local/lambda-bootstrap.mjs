// The local Lambda runtime inside one worker thread: imports the function's bundle once (the
// cold start), then runs one invocation at a time, as one Lambda execution environment does.
// Plain JavaScript because Node runs it as the worker's entry, before any TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { threadCpuUsage } from 'node:process';
import { pathToFileURL } from 'node:url';

const serialize = (error) =>
  error instanceof Error ? { errorType: error.name, errorMessage: error.message, stack: error.stack, cause: error.cause === undefined ? undefined : String(error.cause) } : { errorType: 'Error', errorMessage: String(error) };

const started = performance.now();
const startedCpu = threadCpuUsage();
let handler;
let initError;
try {
  const module = await import(pathToFileURL(workerData.file).href);
  handler = module[workerData.exportName];
  if (typeof handler !== 'function') throw new TypeError(`${workerData.file} does not export a function "${workerData.exportName}"`);
} catch (error) {
  initError = serialize(error);
}
const initCpu = threadCpuUsage(startedCpu);
// Wall time of the import, and this thread's CPU for it (bench/cold.ts: steady on a loaded machine).
parentPort.postMessage({ type: 'ready', initMs: performance.now() - started, initCpuMs: (initCpu.user + initCpu.system) / 1000, error: initError });

parentPort.on('message', async ({ id, event, context }) => {
  if (initError) {
    parentPort.postMessage({ id, ok: false, error: initError });
    return;
  }
  const deadline = Date.now() + context.timeoutMs;
  const ctx = { ...context, callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()) };
  // This thread's CPU time for the invocation (what Lambda bills as duration would be wall time):
  // the benchmark adds it up per function.
  const cpu = threadCpuUsage();
  const cpuMs = () => {
    const used = threadCpuUsage(cpu);
    return (used.user + used.system) / 1000;
  };
  try {
    const result = await handler(event, ctx);
    parentPort.postMessage({ id, ok: true, result, cpuMs: cpuMs() });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: serialize(error), cpuMs: cpuMs() });
  }
});
