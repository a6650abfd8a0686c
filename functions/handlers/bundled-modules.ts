/**
 * Code that only some invocations need, bundled into a file of its own beside a handler's
 * index.mjs (issue 16, cold start): Lambda's init phase neither parses nor runs it, and the first
 * invocation that needs it imports it. infra/stacks/stateless.ts bundles each entry below for its
 * handler (ColophonFunction's `bundledModules`), and tests/handlers/cold-imports.test.ts checks that
 * none of it is in the handler's own file.
 *
 * A file of its own rather than a lazy `import()` inside index.mjs: esbuild then wraps the modules
 * in lazy initialisers in the same file, which V8 still parses at cold start, and libxml2-wasm
 * (top-level await inside an import cycle) never settled in such a wrapper (Deposit hung).
 *
 * A module bundled on its own carries its own copy of whatever it shares with index.mjs: what
 * crosses between the two must be plain data and functions, never a class checked with
 * `instanceof` or state both sides must see.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `source` is relative to functions/handlers/ (where every handler lives); `out` sits beside index.mjs. */
export type BundledModule = { readonly source: string; readonly out: string };

/** Per handler (its file name), its modules by name. */
export const BUNDLED_MODULES = {
  admin: {
    // The Cognito client: only the Users page's requests (the preview's renderer is bundled by
    // infra/constructs/staff-api.ts, ADMIN_BUNDLED_MODULES).
    users: { source: './admin/staff-users.ts', out: 'users.mjs' },
    // The YAML parser and writer, the model's loader and zod schemas, Crossref's issue rules: only the
    // requests that read, edit or check an issue's metadata (not the catalog, status, versions or users).
    metadata: { source: './admin/metadata.ts', out: 'metadata.mjs' },
  },
  // libxml2-wasm and its 1.3 MB of WebAssembly: only an invocation that validates a deposit file.
  deposit: { xsd: { source: '../adapters/crossref-xsd.ts', out: 'xsd.mjs' } },
  // The 15-minute release runs need none of these: a manifest's flow (the YAML parser and the
  // model's zod schemas), a rebuild page's, and citeproc with its styles (a new version's How to Cite).
  // citeproc-js with the CSL styles and locales (~640 KiB): only a version whose kept How to Cite is
  // missing or stale (flows/render.ts); the rest show the citations Ingest kept with the version.
  render: { citeproc: { source: '../core/cite/engine.ts', out: 'citeproc.mjs' } },
  ingest: {
    manifest: { source: './flows/ingest.ts', out: 'manifest.mjs' },
    rebuild: { source: './flows/rebuild.ts', out: 'rebuild.mjs' },
    citations: { source: '../core/landing/citations.ts', out: 'citations.mjs' },
  },
} as const satisfies Readonly<Record<string, Readonly<Record<string, BundledModule>>>>;

/**
 * What to `import()` for `module` from the handler at `handlerUrl` (its `import.meta.url`): the
 * bundled file when the handler runs from its bundle, else the source module (tsx, vitest), whose
 * specifier is relative to the handler, so the `import()` must be written in the handler's file.
 * A variable specifier also keeps esbuild from folding the module into index.mjs.
 */
export function bundledModuleSpecifier(handlerUrl: string, module: BundledModule): string {
  const bundled = new URL(`./${module.out}`, handlerUrl);
  return handlerUrl.endsWith('.mjs') && existsSync(fileURLToPath(bundled)) ? bundled.href : module.source;
}

/** Imports once, on the first call; a failed import is tried again on the next call rather than kept. */
export function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
}
