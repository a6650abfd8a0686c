/**
 * What a handler's bundle carries is what its cold start pays for (issue 16: every handler ≤ 100 ms).
 * The metadata model's zod schemas and the YAML parser are needed only where metadata is read from
 * staff (Ingest, Admin, the CLI): the Oai function serves stored records, so it must import neither,
 * and Site (stored records too) needs no YAML parser.
 * Bundled here with the esbuild settings the stack uses (infra/constructs/colophon-function.ts),
 * the AWS SDK included as in the Lambda bundle.
 */
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUNDLE_ALIASES } from '#infra/constructs/colophon-function';
import { BUNDLED_MODULES } from '#handlers/bundled-modules';

type Bundle = {
  readonly packages: Set<string>;
  readonly inputs: readonly string[];
  /** The packages whose modules run at import: reached from the handler by static imports alone (not `await import()`). */
  readonly atImport: Set<string>;
  readonly text: string;
};

const packageOf = (input: string): string | undefined => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];

/** The inputs reached from `entry` through static imports and require() calls only. */
function staticallyReached(metafile: Metafile, entry: string): Set<string> {
  const reached = new Set<string>([entry]);
  for (const queue = [entry]; queue.length > 0; ) {
    for (const imported of metafile.inputs[queue.pop()!]?.imports ?? []) {
      if (imported.kind === 'dynamic-import' || imported.external || reached.has(imported.path)) continue;
      reached.add(imported.path);
      queue.push(imported.path);
    }
  }
  return reached;
}

const bundles = new Map<string, Promise<Bundle>>();
/** `name` is a handler (functions/handlers/<name>.ts) or a path under functions/handlers/ (a bundled module's `source`). */
function bundleOf(name: string): Promise<Bundle> {
  const entry = name.endsWith('.ts') ? new URL(name, 'file:///functions/handlers/').pathname.slice(1) : `functions/handlers/${name}.ts`;
  let bundle = bundles.get(name);
  if (bundle === undefined) {
    bundle = build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      mainFields: ['module', 'main'],
      alias: { ...BUNDLE_ALIASES },
      write: false,
      metafile: true,
      outfile: `${name}.mjs`,
      logLevel: 'silent',
    }).then((result) => {
      // What the output holds: esbuild also lists the modules it shook out entirely, with 0 bytes.
      const inputs = Object.values(result.metafile.outputs).flatMap((o: Metafile['outputs'][string]) => Object.entries(o.inputs).flatMap(([path, { bytesInOutput }]) => (bytesInOutput > 0 ? [path] : [])));
      const packages = new Set(inputs.flatMap((i) => packageOf(i) ?? []));
      const atImport = new Set([...staticallyReached(result.metafile, entry)].flatMap((i) => packageOf(i) ?? []));
      return { packages, inputs, atImport, text: result.outputFiles.map((f) => f.text).join('\n') };
    });
    bundles.set(name, bundle);
  }
  return bundle;
}
const packagesIn = async (name: string): Promise<Set<string>> => (await bundleOf(name)).packages;

const HANDLERS = ['admin', 'crossref-callback', 'deposit', 'downloads', 'ingest', 'oai', 'render', 'site'] as const;

describe('cold imports', () => {
  it('the Oai handler bundles neither zod nor yaml', async () => {
    // Act
    const packages = await packagesIn('oai');

    // Assess
    expect(packages.has('zod'), [...packages].join(', ')).toBe(false);
    expect(packages.has('yaml'), [...packages].join(', ')).toBe(false);
  }, 60_000);

  it.each(['render', 'deposit'])('the %s handler bundles no yaml', async (name) => {
    // Act
    const packages = await packagesIn(name);

    // Assess
    expect(packages.has('yaml'), [...packages].join(', ')).toBe(false);
  }, 60_000);

  it('the Site handler bundles no yaml (it reads stored records; zod stays for its job messages)', async () => {
    // Act
    const packages = await packagesIn('site');

    // Assess
    expect(packages.has('yaml'), [...packages].join(', ')).toBe(false);
  }, 60_000);

  // `import { z } from 'zod'` takes zod's namespace object, which esbuild cannot shake: every locale
  // and the JSON Schema converters came along (445 KiB, ~35 ms of import). `import * as z` keeps
  // what is used; one `{ z }` import anywhere in a handler's graph brings it all back.
  it.each(HANDLERS)('the %s handler bundles none of the zod locales it does not use', async (name) => {
    // Act
    const { inputs } = await bundleOf(name);

    // Assess
    const locales = inputs.filter((i) => /zod\/v4\/locales\/(?!en\.js|index\.js)/.test(i));
    expect(locales, 'a module imports `{ z } from "zod"`: import * as z instead').toEqual([]);
  }, 60_000);

  // Their only zod is the job messages' (handlers/jobs.ts, zod/mini): the chained API is 90 KiB more.
  it.each(['render', 'site', 'deposit'])('the %s handler bundles zod/mini only, not zod\'s chained API', async (name) => {
    // Act
    const { inputs } = await bundleOf(name);

    // Assess
    expect(inputs.filter((i) => i.includes('zod/v4/classic/'))).toEqual([]);
  }, 60_000);

  // Admin reads the deposit ledger (its catalog); only Deposit and the callback parse Crossref's logs.
  // Admin's catalog, status, versions and users read stored records: the model's loader (its zod
  // schemas, the Crossref issue rules) is in metadata.mjs with the YAML parser.
  it('the admin handler does not bundle the metadata model\'s loader in index.mjs', async () => {
    // Act
    const { inputs } = await bundleOf('admin');

    // Assess
    expect(inputs.filter((i) => /functions\/core\/model\/(load|article|journal|issue|yaml-source)\.ts$/.test(i) || i.startsWith('functions/core/crossref/'))).toEqual([]);
  }, 60_000);

  it('the admin handler bundles no XML parser (the Crossref log parser of core/deposit)', async () => {
    // Act
    const packages = await packagesIn('admin');

    // Assess
    expect(packages.has('fast-xml-parser'), [...packages].join(', ')).toBe(false);
  }, 60_000);

  // Downloads answers each citation download with one S3 GET (issue 16): no renderer, no DynamoDB, no zod.
  it('the downloads handler bundles only the S3 client: no other AWS client, no zod, yaml, citeproc or HTML code', async () => {
    // Act
    const packages = await packagesIn('downloads');

    // Assess
    expect(['zod', 'yaml', 'citeproc', 'hastscript', 'hast-util-to-html'].filter((p) => packages.has(p))).toEqual([]);
    expect([...packages].filter((p) => /^@aws-sdk\/client-/.test(p))).toEqual(['@aws-sdk/client-s3']);
  }, 60_000);

  it.each([
    ['oai', ['@aws-sdk/client-s3', '@aws-sdk/client-sqs']],
    ['site', ['@aws-sdk/client-sqs']],
    ['deposit', ['@aws-sdk/client-sqs']],
    ['crossref-callback', ['@aws-sdk/client-s3', '@aws-sdk/client-sqs']],
  ])('the %s handler bundles no AWS client it does not call (%s)', async (name, clients) => {
    // Act
    const packages = await packagesIn(name);

    // Assess
    expect(clients.filter((c) => packages.has(c))).toEqual([]);
  }, 60_000);

  // On Lambda the credentials are in the environment: the rest of the SDK's default chain (SSO, ini
  // files, login, web identity, instance metadata) and the STS/SSO clients it carries never run
  // (infra/constructs/sdk-shims/credential-provider-node.ts).
  it.each(HANDLERS)('the %s handler bundles the environment credential provider alone, not the default chain', async (name) => {
    // Act
    const packages = await packagesIn(name);

    // Assess
    const chain = ['@aws-sdk/credential-provider-node', '@aws-sdk/credential-provider-ini', '@aws-sdk/credential-provider-sso', '@aws-sdk/credential-provider-login', '@aws-sdk/credential-provider-web-identity', '@aws-sdk/credential-provider-process', '@aws-sdk/nested-clients', '@aws-sdk/token-providers'];
    expect(chain.filter((p) => packages.has(p))).toEqual([]);
    expect(packages.has('@aws-sdk/credential-provider-env')).toBe(true);
  }, 60_000);

  it.each(HANDLERS)('the %s handler loads node:http, https and http2 with require(), not an ES import', async (name) => {
    // Act
    const { text } = await bundleOf(name);

    // Assess: an ES import of node:http builds a facade that loads undici (NODE_BUILTIN_SHIMS).
    expect(text).not.toMatch(/^import\s[^;]*from\s*"node:https?2?";/m);
    expect(text).not.toMatch(/import\(\s*"node:https?2?"\s*\)/);
  }, 60_000);

  // In a file of its own beside index.mjs (functions/handlers/bundled-modules.ts), imported by the
  // first invocation that needs it: a cold start neither parses nor runs it.
  it.each([
    ['deposit', 'libxml2-wasm'],
    ['admin', '@aws-sdk/client-cognito-identity-provider'],
    ['ingest', 'yaml'],
    ['ingest', 'zod'],
    ['ingest', 'citeproc'],
    ['render', 'citeproc'],
    ['render', '@citation-js/plugin-csl'],
    ['admin', 'yaml'],
  ] as const)('the %s handler carries %s in a bundled module of its own, not in index.mjs', async (name, pkg) => {
    // Act
    const own = await bundleOf(name);
    const modules = await Promise.all(Object.values(BUNDLED_MODULES[name]).map(async (m) => ({ out: m.out, bundle: await bundleOf(m.source) })));

    // Assess
    expect(own.packages.has(pkg), `${pkg} is in ${name}'s index.mjs`).toBe(false);
    expect(modules.filter((m) => m.bundle.packages.has(pkg)).map((m) => m.out)).not.toEqual([]);
  }, 60_000);

  // A bundled module carries its own copy of what it imports: an AWS client there is loaded a second
  // time by the first invocation that needs the module (the flows use the handler's clients).
  it.each([
    ['ingest', 'manifest'],
    ['ingest', 'rebuild'],
    ['ingest', 'citations'],
    ['render', 'citeproc'],
    ['admin', 'metadata'],
    ['deposit', 'xsd'],
  ] as const)('the %s handler\'s %s module carries no AWS SDK', async (name, module) => {
    // Act
    const { packages } = await bundleOf((BUNDLED_MODULES[name] as Record<string, { readonly source: string }>)[module]!.source);

    // Assess
    expect([...packages].filter((p) => p.startsWith('@aws-sdk/') || p.startsWith('@smithy/'))).toEqual([]);
  }, 60_000);
});
