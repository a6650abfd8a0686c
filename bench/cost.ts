/**
 * The cost benchmark: what publishing costs on AWS, from requests counted on the local stand-in.
 *
 *     npm run bench:cost [-- --articles 1000]
 *
 * A synthetic catalogue (bench/synthetic.ts) is published through the synthesized stage's own
 * Lambdas on the emulators, with a counting proxy (bench/counting-proxy.ts) in front of S3,
 * DynamoDB and SQS; then one issue is changed and republished; then the OAI-PMH repository is
 * harvested in full; then one landing page is viewed and its six citation downloads fetched. Each phase's counts are priced with the
 * table in bench/prices.ts (its region and date are printed), and the idle month is priced from
 * the synthesized templates' fixed-price resources.
 *
 * Lambda's bill is duration, not CPU: the stand-in's wall time is inflated by everything else on a
 * shared 2-core machine, so two figures are printed: an estimate from the CPU each invocation's
 * thread spent, scaled to the share of a vCPU the function's memory buys (1,769 MB = one vCPU),
 * plus its cold start; and the stand-in's wall time as an upper bound.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulators } from '#infra/local/emulators';
import type { LocalLambda } from '#infra/local/lambda';
import { rateMs } from '#infra/local/event-bus';
import { CDK_OUT } from '#infra/local/paths';
import { publishSources } from '#infra/local/publish';
import { deployLocal, type LocalStack } from '#infra/local/stack';
import { ensureSynth } from '#infra/local/synth';
import { startCountingProxy, type CountingProxy, type Service } from './counting-proxy.ts';
import { ALWAYS_FREE, PRICES, PRICES_AS_OF, PRICES_REGION } from './prices.ts';
import { idlePolling, type MappingProperties } from './sqs-pollers.ts';
import { syntheticFiles } from './synthetic-files.ts';
import { syntheticSources } from './synthetic.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '1000' } } });
const ARTICLES = Number(values.articles);
/** Lambda gives a function one full vCPU at 1,769 MB and a proportional share below. */
const ONE_VCPU_MB = 1769;

type LambdaSnapshot = Map<string, { invocations: number; cpuMs: number; wallMs: number; initMs: number; memoryMb: number }>;
type Phase = { readonly requests: Map<string, number>; readonly s3ByKey: Map<string, number>; readonly capacity: { read: number; write: number }; readonly capacityByOperation: Map<string, number>; readonly lambdas: LambdaSnapshot; readonly httpApi: number; readonly logBytes: number };
type Line = { readonly what: string; readonly count: number; readonly dollars: number };

/** What Lambda itself logs per invocation (START, END and REPORT lines with the request id and figures), about 260 bytes: an estimate from their documented format, not measured here. */
const LAMBDA_LOG_BYTES_PER_INVOCATION = 260;

const usd = (n: number): string => `$${n < 0.01 ? n.toFixed(5) : n.toFixed(4)}`;

function lambdaTotals(stack: LocalStack): LambdaSnapshot {
  const out: LambdaSnapshot = new Map();
  for (const fn of stack.model.functions) {
    const lambda: LocalLambda | undefined = stack.lambdas.get(fn.name);
    if (lambda === undefined) continue;
    const { timeline, coldStartMs } = lambda.stats;
    out.set(fn.logicalId, {
      invocations: timeline.length,
      cpuMs: timeline.reduce((s, r) => s + r.cpuMs, 0),
      wallMs: timeline.reduce((s, r) => s + (r.end - r.start), 0),
      initMs: coldStartMs.reduce((s, ms) => s + ms, 0),
      memoryMb: fn.memoryMb,
    });
  }
  return out;
}

function diffLambdas(after: LambdaSnapshot, before: LambdaSnapshot): LambdaSnapshot {
  const out: LambdaSnapshot = new Map();
  for (const [id, a] of after) {
    const b = before.get(id) ?? { invocations: 0, cpuMs: 0, wallMs: 0, initMs: 0, memoryMb: a.memoryMb };
    out.set(id, { invocations: a.invocations - b.invocations, cpuMs: a.cpuMs - b.cpuMs, wallMs: a.wallMs - b.wallMs, initMs: a.initMs - b.initMs, memoryMb: a.memoryMb });
  }
  return out;
}

/** Prices one phase; returns the lines and the totals with the CPU-based and wall-based Lambda estimate. */
function price(phase: Phase): { lines: Line[]; totalCpu: number; totalWall: number } {
  const lines: Line[] = [];
  const count = (prefix: string): [string, number][] => [...phase.requests].filter(([k]) => k.startsWith(prefix)).map(([k, n]) => [k.slice(prefix.length), n]);
  const s3 = count('s3:');
  const tier1 = s3.filter(([op]) => ['PUT', 'POST', 'LIST', 'COPY'].includes(op)).reduce((n, [, c]) => n + c, 0);
  const tier2 = s3.filter(([op]) => !['PUT', 'POST', 'LIST', 'COPY', 'DELETE'].includes(op)).reduce((n, [, c]) => n + c, 0);
  lines.push({ what: `S3 PUT/POST/LIST (${s3.filter(([op]) => ['PUT', 'POST', 'LIST'].includes(op)).map(([op, n]) => `${op} ${n}`).join(', ')})`, count: tier1, dollars: tier1 * PRICES.s3.tier1 });
  lines.push({ what: `S3 GET/HEAD (${s3.filter(([op]) => ['GET', 'HEAD'].includes(op)).map(([op, n]) => `${op} ${n}`).join(', ')})`, count: tier2, dollars: tier2 * PRICES.s3.tier2 });
  const dynamo = count('dynamodb:').map(([op, n]): [string, string] => [op, `${op} ${n}× ${(phase.capacityByOperation.get(op) ?? 0).toFixed(0)} units`]);
  lines.push({ what: `DynamoDB write units (${dynamo.filter(([op]) => /Put|Update|Delete|Write/.test(op)).map(([, text]) => text).join(', ')})`, count: phase.capacity.write, dollars: phase.capacity.write * PRICES.dynamodb.writeRequestUnit });
  lines.push({ what: `DynamoDB read units (${dynamo.filter(([op]) => /Get|Query|Scan/.test(op)).map(([, text]) => text).join(', ')})`, count: phase.capacity.read, dollars: phase.capacity.read * PRICES.dynamodb.readRequestUnit });
  // The stand-in's own ReceiveMessage polling is not what Lambda's pollers would do: count the
  // messages' own requests (send, delete, visibility changes) and price the pollers in the idle month.
  const sqs = count('sqs:').filter(([op]) => op !== 'ReceiveMessage' && !/Queue|Attributes/.test(op));
  const sqsRequests = sqs.reduce((n, [, c]) => n + c, 0);
  lines.push({ what: `SQS requests (${sqs.map(([op, n]) => `${op} ${n}`).join(', ')}; pollers' receives priced as idle)`, count: sqsRequests, dollars: sqsRequests * PRICES.sqs.request });
  lines.push({ what: 'HTTP API requests', count: phase.httpApi, dollars: phase.httpApi * PRICES.httpApi.request });
  let invocations = 0;
  for (const l of phase.lambdas.values()) invocations += l.invocations;
  // Each line a handler logs, plus Lambda's own START, END and REPORT lines for each invocation.
  const logBytes = phase.logBytes + invocations * LAMBDA_LOG_BYTES_PER_INVOCATION;
  lines.push({ what: `CloudWatch Logs ingested, KB (handlers' lines + ${LAMBDA_LOG_BYTES_PER_INVOCATION} B of START/END/REPORT per invocation)`, count: Math.round(logBytes / 1024), dollars: (logBytes / 1024 ** 3) * PRICES.cloudwatch.logIngestGb });
  invocations = 0;
  let gbsCpu = 0;
  let gbsWall = 0;
  const perFn: string[] = [];
  for (const [id, l] of phase.lambdas) {
    if (l.invocations === 0) continue;
    const gb = l.memoryMb / 1024;
    const cpuDurationMs = l.cpuMs * Math.max(1, ONE_VCPU_MB / l.memoryMb) + l.initMs;
    invocations += l.invocations;
    gbsCpu += (gb * cpuDurationMs) / 1000;
    gbsWall += (gb * (l.wallMs + l.initMs)) / 1000;
    perFn.push(`${id} ${l.invocations}× ${l.memoryMb} MB, CPU ${(l.cpuMs / l.invocations).toFixed(1)} ms/inv`);
  }
  lines.push({ what: `Lambda invocations (${perFn.join('; ')})`, count: invocations, dollars: invocations * PRICES.lambda.request });
  lines.push({ what: 'Lambda GB-seconds, from CPU (wall-time bound on the next line)', count: gbsCpu, dollars: gbsCpu * PRICES.lambda.gbSecondArm });
  const fixed = lines.reduce((s, l) => s + l.dollars, 0) - gbsCpu * PRICES.lambda.gbSecondArm;
  lines.push({ what: 'Lambda GB-seconds, stand-in wall time (upper bound, not in the total)', count: gbsWall, dollars: gbsWall * PRICES.lambda.gbSecondArm });
  return { lines, totalCpu: fixed + gbsCpu * PRICES.lambda.gbSecondArm, totalWall: fixed + gbsWall * PRICES.lambda.gbSecondArm };
}

function report(title: string, phase: Phase, per: { readonly label: string; readonly n: number; readonly articles?: number }): void {
  const { lines, totalCpu, totalWall } = price(phase);
  console.log(`\n${title}`);
  for (const l of lines) console.log(`  ${usd(l.dollars).padStart(10)}  ${(Number.isInteger(l.count) ? String(l.count) : l.count.toFixed(1)).padStart(9)}  ${l.what}`);
  console.log(`  total ${usd(totalCpu)} (Lambda from CPU) … ${usd(totalWall)} (Lambda from stand-in wall time)`);
  if (per.n > 0) console.log(`  per ${per.label}: ${usd((totalCpu / per.n) * 1000)} … ${usd((totalWall / per.n) * 1000)}`);
  if (per.articles !== undefined) inventory(phase, per.articles);
}

/**
 * Every S3 request by bucket and kind of key, per article: the inventory of what publishing writes
 * and reads. GETs of the site's article files are Render's rollback copies (render-rollback.ts).
 */
function inventory(phase: Phase, articles: number): void {
  const rows = [...phase.s3ByKey].filter(([kind]) => !kind.startsWith('DELETE')).sort(([a, x], [b, y]) => (a.split(' ')[0] === b.split(' ')[0] ? y - x : a < b ? -1 : 1));
  console.log(`  S3 requests by bucket and key (per article = count / ${articles}):`);
  for (const [kind, n] of rows) console.log(`    ${String(n).padStart(7)}  ${(n / articles).toFixed(3).padStart(7)}  ${kind}`);
  const rollback = rows.filter(([kind]) => /^GET site \*\/\*\//.test(kind)).reduce((s, [, n]) => s + n, 0);
  console.log(`  of the GETs, Render's rollback reads of the site's article files: ${rollback} (${(rollback / articles).toFixed(2)} per article, ${usd(rollback * PRICES.s3.tier2)}), in the S3 GET/HEAD line above`);
}

/** One tick of the schedule rules that share a rate, measured on the published stage, and how many ticks a month has. */
type Tick = { readonly phase: Phase; readonly perMonth: number; readonly rules: string };

/**
 * The month of a stage nobody publishes to: the fixed fees of the synthesized templates' resources,
 * the schedules' ticks (measured: one tick per rate on the stage just published, times its ticks a month),
 * the event source mappings' idle pollers, and every request-priced service at zero requests.
 */
function idleMonth(ticks: readonly Tick[]): void {
  const counts = new Map<string, number>();
  const mappingProperties: MappingProperties[] = [];
  for (const file of ['Colophon-local-Stateful.template.json', 'Colophon-local-Stateless.template.json']) {
    const template = JSON.parse(readFileSync(join(CDK_OUT, file), 'utf8')) as { Resources: Record<string, { Type: string; Properties?: MappingProperties }> };
    for (const r of Object.values(template.Resources)) counts.set(r.Type, (counts.get(r.Type) ?? 0) + 1);
    // Every event source mapping of the stack reads an SQS queue (no streams here).
    for (const r of Object.values(template.Resources)) if (r.Type === 'AWS::Lambda::EventSourceMapping') mappingProperties.push(r.Properties ?? {});
  }
  const n = (type: string): number => counts.get(type) ?? 0;
  const mappings = n('AWS::Lambda::EventSourceMapping');
  // AWS's documented idle polling (bench/sqs-pollers.ts): the high end is priced, the low end printed beside it.
  const polling = idlePolling(mappingProperties);
  const priced = ticks.map((tick) => ({ tick, ...price(tick.phase) }));
  const monthly = (f: (p: (typeof priced)[number]) => number): number => priced.reduce((s, p) => s + f(p) * p.tick.perMonth, 0);
  const tickLine = (p: (typeof priced)[number], prefix: string): Line => p.lines.find((l) => l.what.startsWith(prefix))!;
  const zero = (what: string, count: number): Line => ({ what: `${what}: ${count} in the stage, nothing without requests`, count: 0, dollars: 0 });
  const lines: Line[] = [
    { what: 'Secrets Manager secrets ($0.40 each, fixed)', count: n('AWS::SecretsManager::Secret'), dollars: n('AWS::SecretsManager::Secret') * PRICES.secretsManager.secretMonth },
    { what: 'CloudWatch alarms ($0.10 each, fixed)', count: n('AWS::CloudWatch::Alarm'), dollars: n('AWS::CloudWatch::Alarm') * PRICES.cloudwatch.alarmMonth },
    {
      what: `SQS receives of ${mappings} idle event source mappings' long-polling pollers: ${polling.pollersHigh} pollers × 3 a minute (Lambda scales back to 5 a queue; it can go to 2 where no maximum concurrency is set: ${polling.pollersLow} pollers, ${polling.requestsLow.toLocaleString('en')} requests, ${usd(polling.requestsLow * PRICES.sqs.request)})`,
      count: polling.requestsHigh,
      dollars: polling.requestsHigh * PRICES.sqs.request,
    },
    { what: 'SSM Parameter Store standard parameters (SecureString, AWS managed key aws/ssm): no monthly fee', count: 0, dollars: 0 },
    ...priced.map((p) => ({ what: `scheduled Lambdas: ${p.tick.perMonth} ticks a month of ${p.tick.rules} (one tick measured below, times ${p.tick.perMonth})`, count: p.tick.perMonth, dollars: p.totalCpu * p.tick.perMonth })),
    { what: 'KMS customer keys ($1 each, fixed)', count: n('AWS::KMS::Key'), dollars: n('AWS::KMS::Key') * PRICES.kms.keyMonth },
    { what: 'WAF web ACLs ($5 each, before rules)', count: n('AWS::WAFv2::WebACL'), dollars: n('AWS::WAFv2::WebACL') * 5 },
    zero('HTTP API (OAI-PMH, console API, callbacks) at 0 requests', n('AWS::ApiGatewayV2::Api')),
    zero('CloudFront distributions at 0 requests (no monthly fee)', n('AWS::CloudFront::Distribution')),
    zero('Cognito user pools at 0 monthly active users', n('AWS::Cognito::UserPool')),
    zero('DynamoDB on-demand tables at 0 requests (storage below)', n('AWS::DynamoDB::Table')),
    zero('S3 buckets at 0 requests (storage below)', n('AWS::S3::Bucket')),
  ];
  console.log(`\nidle month: nobody publishes, harvests or reads (list prices; storage after the total)`);
  for (const l of lines) console.log(`  ${usd(l.dollars).padStart(10)}  ${String(l.count).padStart(9)}  ${l.what}`);
  for (const p of priced) {
    console.log(`  one tick of ${p.tick.rules}, on the stage just published:`);
    for (const l of p.lines) console.log(`    ${usd(l.dollars).padStart(10)}  ${(Number.isInteger(l.count) ? String(l.count) : l.count.toFixed(1)).padStart(9)}  ${l.what}`);
  }
  const total = lines.reduce((s, l) => s + l.dollars, 0);
  // AWS's always-free tier, for an account running nothing else: 10 alarms, 1 million SQS requests,
  // 1 million Lambda requests and 400,000 GB-seconds, 5 GB of logs ingested.
  const alarms = n('AWS::CloudWatch::Alarm');
  const sqsMonth = polling.requestsHigh + monthly((p) => p.tick.phase.requests.get('sqs:SendMessageBatch') ?? 0);
  const lambdaRequests = monthly((p) => [...p.tick.phase.lambdas.values()].reduce((s, l) => s + l.invocations, 0));
  const gbSeconds = monthly((p) => tickLine(p, 'Lambda GB-seconds, from CPU').count);
  const logDollars = monthly((p) => tickLine(p, 'CloudWatch Logs').dollars);
  const freed =
    Math.min(alarms, ALWAYS_FREE.alarmMetrics) * PRICES.cloudwatch.alarmMonth +
    Math.min(sqsMonth, ALWAYS_FREE.sqsRequests) * PRICES.sqs.request +
    Math.min(lambdaRequests, ALWAYS_FREE.lambdaRequests) * PRICES.lambda.request +
    Math.min(gbSeconds, ALWAYS_FREE.lambdaGbSeconds) * PRICES.lambda.gbSecondArm +
    Math.min(logDollars, ALWAYS_FREE.logIngestGb * PRICES.cloudwatch.logIngestGb);
  const fixed = lines.filter((l) => /fixed/.test(l.what)).reduce((s, l) => s + l.dollars, 0);
  console.log(`  total ${usd(total)} a month at list price (${usd(fixed)} of it fixed fees), ${usd(total - freed)} after AWS's always-free tier (an account running nothing else); target ≤ $1: ${total <= 1 ? 'met' : 'MISSED'} at list price, ${total - freed <= 1 ? 'met' : 'MISSED'} after the free tier`);
  // The same month if Lambda brings the uncapped mappings down to two pollers, as AWS says it can.
  const fewer = (polling.requestsHigh - polling.requestsLow) * PRICES.sqs.request;
  const freedFewer = freed - (Math.min(sqsMonth, ALWAYS_FREE.sqsRequests) - Math.min(sqsMonth - (polling.requestsHigh - polling.requestsLow), ALWAYS_FREE.sqsRequests)) * PRICES.sqs.request;
  console.log(`  with ${polling.pollersLow} idle pollers instead of ${polling.pollersHigh}: ${usd(total - fewer)} at list price, ${usd(total - fewer - freedFewer)} after the free tier`);
  console.log(`  plus storage: S3 ${usd(PRICES.s3.gbMonth)}/GB, DynamoDB ${usd(PRICES.dynamodb.gbMonth)}/GB + ${usd(PRICES.dynamodb.pitrGbMonth)}/GB for point-in-time recovery (on), CloudWatch Logs ${usd(PRICES.cloudwatch.logStorageGbMonth)}/GB (7 days kept)`);
}

/** Fires the schedule rules once per rate (rules of one rate together) on the stage as it stands and counts what each tick costs. */
async function scheduleTicks(): Promise<Tick[]> {
  const scheduled = stack.model.rules.flatMap((r) => (r.schedule === undefined ? [] : [{ name: r.logicalId, schedule: r.schedule, every: rateMs(r.schedule) }]));
  const ticks: Tick[] = [];
  for (const every of new Set(scheduled.map((r) => r.every))) {
    if (every === undefined) throw new Error(`bench: a schedule is not a rate() (${scheduled.map((r) => `${r.name} ${r.schedule}`).join(', ')}); count its ticks a month here`);
    const group = scheduled.filter((r) => r.every === every);
    const end = startPhase();
    await stack.bus.fireSchedules(undefined, (rule) => rateMs(rule.schedule) === every);
    await stack.drain({ timeoutMs: 600_000, quietMs: 500 });
    ticks.push({ phase: end(), perMonth: Math.round((30 * 86_400_000) / every), rules: group.map((r) => `${r.name.replace(/[0-9A-F]{8}$/, '')} ${r.schedule}`).join(', ') });
  }
  return ticks;
}

const synth = await ensureSynth({ cdkOut: CDK_OUT, log: (l) => console.log(l) });
void synth;
const emulators = await startEmulators();
const proxies = new Map<Service, CountingProxy>();
for (const service of ['s3', 'dynamodb', 'sqs'] as const) proxies.set(service, await startCountingProxy(service, emulators.endpoints[service]));
const endpoints = { ...emulators.endpoints, s3: proxies.get('s3')!.endpoint, dynamodb: proxies.get('dynamodb')!.endpoint, sqs: proxies.get('sqs')!.endpoint };
let logBytes = 0;
// What the handlers log, as CloudWatch Logs would ingest it (one event per line; the line's bytes plus 26 of event overhead).
const stack = await deployLocal({ cdkOut: CDK_OUT, endpoints, prefix: 'cost-', retryAfterSeconds: 1, log: (_fn, line) => void (logBytes += Buffer.byteLength(line) + 26) });

let httpApi = 0;
function startPhase(): () => Phase {
  for (const p of proxies.values()) p.reset();
  httpApi = 0;
  logBytes = 0;
  const before = lambdaTotals(stack);
  return () => {
    const requests = new Map<string, number>();
    for (const [service, p] of proxies) for (const [op, n] of p.counts.requests) requests.set(`${service}:${op}`, n);
    return { requests, s3ByKey: new Map(proxies.get('s3')!.counts.byKey), capacity: { ...proxies.get('dynamodb')!.counts.capacity }, capacityByOperation: new Map(proxies.get('dynamodb')!.counts.capacityByOperation), lambdas: diffLambdas(lambdaTotals(stack), before), httpApi, logBytes };
  };
}

/** The path of the first landing page the sitemap (or a sitemap it indexes) lists. */
async function firstLandingPath(sitemapUrl: string, depth = 0): Promise<string | undefined> {
  const xml = await (await fetch(sitemapUrl)).text();
  for (const [, loc] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const path = new URL(loc!.replaceAll('&amp;', '&')).pathname;
    // The journal's base URL may have a path of its own; the stage serves its keys from the root.
    if (path.includes('/doi/')) return path.slice(path.indexOf('/doi/'));
    if (path.endsWith('.xml') && depth < 2) {
      // Sitemaps sit at the stage's root, whatever path the journal's base URL has.
      const found = await firstLandingPath(`${stack.siteUrl}/${path.slice(path.lastIndexOf('/') + 1)}`, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

async function harvest(): Promise<number> {
  let records = 0;
  let url = `${stack.siteUrl}/api/oai?verb=ListRecords&metadataPrefix=oai_dc`;
  for (;;) {
    let response = await fetch(url);
    httpApi++;
    // A harvester asks again after a 5xx (on a loaded machine the Oai function can time out); each try is a request.
    for (let retry = 0; response.status >= 500 && retry < 3; retry++) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      response = await fetch(url);
      httpApi++;
    }
    const xml = await response.text();
    if (!response.ok || xml.includes('<error')) throw new Error(`bench: OAI-PMH ${url} answered ${response.status}: ${xml.slice(0, 400)}`);
    records += (xml.match(/<record>/g) ?? []).length;
    const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(xml)?.[1];
    if (token === undefined) return records;
    url = `${stack.siteUrl}/api/oai?verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`;
  }
}

/**
 * The six citation downloads of one article, each a CloudFront cache miss: CloudFront → HTTP API →
 * the Downloads function → one S3 GET of the article's downloads object (core/publish/downloads.ts).
 * A cached download is a CloudFront request alone (an hour: the files' Cache-Control).
 */
async function downloads(landingPath: string): Promise<void> {
  const names = ['citation.ris', 'citation.bib', 'citation.json', 'references.ris', 'references.bib', 'references.json'];
  const end = startPhase();
  let bytes = 0;
  let found = 0;
  for (const name of names) {
    const response = await fetch(`${stack.siteUrl}${landingPath}${name}`);
    httpApi++;
    bytes += (await response.arrayBuffer()).byteLength;
    if (response.ok) found++;
  }
  const phase = end();
  report(`citation downloads: the ${names.length} files of one article (${found} found, ${(bytes / 1024).toFixed(1)} KiB), each a CloudFront cache miss`, phase, { label: '1,000 downloads', n: names.length });
  const cloudFront = 1000 * (PRICES.cloudfront.httpsRequest + (bytes / names.length / 1024 ** 3) * PRICES.cloudfront.gbOut);
  console.log(`  plus CloudFront per 1,000 downloads: ${usd(cloudFront)} (requests + transfer); a cached download is that alone`);
}

try {
  console.log(`prices: AWS list prices, ${PRICES_REGION}, as of ${PRICES_AS_OF} (bench/prices.ts); free tier not subtracted`);
  const sources = syntheticSources(ARTICLES);
  let end = startPhase();
  await publishSources(stack, [sources], { files: syntheticFiles });
  await stack.drain({ timeoutMs: 3_600_000, quietMs: 500 });
  report(`first publish of ${ARTICLES} articles (${sources.issues.length} issues, with galleys; Crossref in dry run)`, end(), { label: '1,000 articles', n: ARTICLES, articles: ARTICLES });

  // One changed issue: its first article's title (the sources are the YAML files as written).
  const [first] = sources.issues;
  const [changedArticle, ...others] = first!.articles;
  const text = changedArticle!.text.replace(/^title: .*$/m, 'title: A revised title for the cost benchmark');
  if (text === changedArticle!.text) throw new Error('bench: the synthetic article has no top-level title line to change');
  // Only that issue is published again, as an editor would (`colophon publish <issue>`).
  const changed = { ...sources, issues: [{ ...first!, articles: [{ ...changedArticle!, text }, ...others] }] };
  end = startPhase();
  await publishSources(stack, [changed], { files: syntheticFiles });
  await stack.drain({ timeoutMs: 3_600_000, quietMs: 500 });
  report(`republish of one issue (${first!.id}, ${first!.articles.length} articles) with one article changed`, end(), { label: '', n: 0 });

  end = startPhase();
  const harvested = await harvest();
  report(`full OAI-PMH harvest (${harvested} records, oai_dc)`, end(), { label: '1,000 records', n: harvested });

  // A page view: CloudFront serves the landing page and what it links for display (no Lambda).
  const doiPath = await firstLandingPath(`${stack.siteUrl}/sitemap.xml`);
  if (doiPath === undefined) console.log(`\nlanding page view: no landing page found through ${stack.siteUrl}/sitemap.xml`);
  else {
    const page = await (await fetch(`${stack.siteUrl}${doiPath}`)).text();
    const assets = [...page.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"|<script[^>]+src="([^"]+)"/g)].length;
    const requests = 1 + assets;
    const perThousand = 1000 * (requests * PRICES.cloudfront.httpsRequest + (Buffer.byteLength(page) / 1024 ** 3) * PRICES.cloudfront.gbOut);
    console.log(`\nlanding page view: ${requests} CloudFront request(s), ${(Buffer.byteLength(page) / 1024).toFixed(1)} KiB HTML uncompressed (CloudFront compresses: an upper bound); per 1,000 views ${usd(perThousand)} (requests + transfer, no Lambda)`);
    await downloads(doiPath);
  }
  idleMonth(await scheduleTicks());
} finally {
  await stack.stop();
  await Promise.allSettled([...proxies.values()].map((p) => p.stop()));
  await emulators.stop();
}
