/**
 * The app entry point as `cdk synth -c stage=…` runs it: a separate Node process with cdk.json's
 * context, bundling with esbuild, the built-in CloudFormation validation and cdk-nag. This is the
 * one slow test (about 10–20 s); the others synthesize in-process without bundling.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODULES } from '#handlers/bundled-modules';
import { PROJECT_ROOT } from '#infra/constructs/colophon-function';
import { CDK_CONTEXT } from './synth.ts';

const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs infra/app.ts the way the CDK CLI does: context in CDK_CONTEXT_JSON, output in CDK_OUTDIR. */
function runApp(stage: string): { status: number | null; stderr: string; outdir: string; seconds: number } {
  const outdir = mkdtempSync(join(tmpdir(), 'colophon-cdk-'));
  outdirs.push(outdir);
  const env: NodeJS.ProcessEnv = { ...process.env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify({ ...CDK_CONTEXT, stage }) };
  delete env.CDK_VALIDATION;
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'infra/app.ts'], { cwd: PROJECT_ROOT, env, encoding: 'utf8', timeout: 240_000 });
  return { status: run.status, stderr: run.stderr, outdir, seconds: (performance.now() - started) / 1000 };
}

describe('infra/app.ts', () => {
  it('synthesizes dev with bundling, CloudFormation validation and cdk-nag, and no violation', { timeout: 240_000 }, () => {
    // Act
    const { status, stderr, outdir, seconds } = runApp('dev');
    // Assess
    expect(status, stderr).toBe(0);
    console.info(`full synth of dev (bundling, validation, cdk-nag): ${seconds.toFixed(1)} s`);
    expect(readdirSync(outdir).filter((f) => f.endsWith('.template.json')).sort()).toEqual(['Colophon-dev-Stateful.template.json', 'Colophon-dev-Stateless.template.json']);
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as { pluginReports: { violations?: unknown[] }[] };
    expect(report.pluginReports.flatMap((r) => r.violations ?? [])).toEqual([]);

    // Each function is an ES module bundle with a source map; the AWS SDK stays outside (the runtime has it).
    const bundles = readdirSync(outdir).filter((f) => f.startsWith('asset.')).map((dir) => join(outdir, dir));
    expect(bundles).toHaveLength(8); // Ingest, Render, Site, Oai, Deposit, CrossrefCallback, Admin, Downloads
    // Site writes the staff console under admin/: its files and the article schema travel in its bundle (issue 15).
    expect(bundles.filter((dir) => existsSync(join(dir, 'console/index.html')) && existsSync(join(dir, 'console/console.js')) && existsSync(join(dir, 'console/schema/article.schema.json')))).toHaveLength(1);
    // Deposit validates against the Crossref XSD at run time: the schema folder travels in its bundle.
    const withSchema = bundles.filter((dir) => existsSync(join(dir, 'schemas/crossref/5.4.0/crossref5.4.0.xsd')));
    expect(withSchema).toHaveLength(1);
    const depositCode = readFileSync(join(withSchema[0]!, 'index.mjs'), 'utf8');
    for (const prefix of ['crossref/deposits/', 'crossref/invalid/', 'crossref/dry-run/']) expect(depositCode).toContain(prefix);
    // Admin's preview renderer (landing page, citeproc) is its own file, imported on the first preview: the cold start does not compile it (issue 15).
    const admin = bundles.filter((dir) => existsSync(join(dir, 'preview.mjs')));
    expect(admin).toHaveLength(1);
    const [adminCode, previewCode] = ['index.mjs', 'preview.mjs'].map((f) => readFileSync(join(admin[0]!, f), 'utf8'));
    expect({ indexHasRenderer: adminCode!.includes('citation_title'), previewHasRenderer: previewCode!.includes('citation_title'), previewBanner: previewCode!.startsWith("import { createRequire as colophonCreateRequire } from 'node:module';") }).toEqual({ indexHasRenderer: false, previewHasRenderer: true, previewBanner: true });
    // What each handler imports on first use is a file of its own beside its index.mjs (handlers/bundled-modules.ts, issue 16).
    for (const [handler, modules] of Object.entries(BUNDLED_MODULES)) expect(bundles.filter((dir) => Object.values(modules).every((m) => existsSync(join(dir, m.out)))), handler).toHaveLength(1);
    for (const dir of bundles) {
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      // Booleans, not the bundle itself: a failure message should not print a megabyte of code.
      expect({
        banner: code.startsWith("import { createRequire as colophonCreateRequire } from 'node:module';"),
        exportsHandler: /export\s*\{[^}]*\bhandler\b/.test(code),
        sdkExternal: /from\s*"@aws-sdk\/client-(s3|dynamodb|sqs)"/.test(code),
        minified: !/^\/\/ functions\//m.test(code), // esbuild marks each module with a path comment unless minifying
        sourceMap: existsSync(join(dir, 'index.mjs.map')),
      }, dir).toEqual({ banner: true, exportsHandler: true, sdkExternal: false, minified: true, sourceMap: true });
    }
  });

  it('stops with a clear message for an unknown stage', { timeout: 60_000 }, () => {
    const { status, stderr } = runApp('qa');
    expect(status).not.toBe(0);
    expect(stderr).toMatch(/StageConfigError: Unknown stage "qa": choose one of local, dev, prod/);
  });
});
