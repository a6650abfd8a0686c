/** A changed copy of the synthesized cloud assembly, for tests that deploy a stage the code would not synthesize. */
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CDK_OUT } from '#infra/local/paths';
import type { Template } from '#infra/local/template';

/** The assembly with each template passed through `edit(template, stackName)`; assets are linked, not copied. */
export function assemblyWith(edit: (template: Template, stack: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'colophon-assembly-'));
  for (const name of readdirSync(CDK_OUT)) {
    if (!name.endsWith('.template.json')) {
      symlinkSync(join(CDK_OUT, name), join(dir, name));
      continue;
    }
    const template = JSON.parse(readFileSync(join(CDK_OUT, name), 'utf8')) as Template;
    edit(template, name.replace(/\.template\.json$/, ''));
    writeFileSync(join(dir, name), JSON.stringify(template));
  }
  return dir;
}
