/**
 * `npm run schema:generate`: rewrites metadata/schema/*.schema.json from the model. Run it after
 * changing a schema in functions/core/model; tests/core/model/json-schema.test.ts fails until then.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { jsonSchemaFiles, SCHEMA_DIR } from './json-schema.ts';

const dir = resolve(import.meta.dirname, '../..', SCHEMA_DIR);
mkdirSync(dir, { recursive: true });
for (const [name, text] of jsonSchemaFiles()) {
  writeFileSync(join(dir, name), text);
  process.stdout.write(`wrote ${join(SCHEMA_DIR, name)}\n`);
}
