import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { jsonSchemaFiles, SCHEMA_DIR } from '#cli/json-schema';
import { repoDir } from '#tests/helpers/shared';

const generated = jsonSchemaFiles();

/** Every YAML file of the seed and the rich fixture, with the schema that describes it. */
function metadataFiles(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.yaml')) out.push([path.slice(repoDir.length + 1), entry.name === 'journal.yaml' ? 'journal' : entry.name === 'issue.yaml' ? 'issue' : 'article']);
    }
  };
  walk(join(repoDir, 'metadata'));
  walk(join(repoDir, 'tests/fixtures/metadata'));
  return out.sort();
}

function validator(name: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(generated.get(`${name}.schema.json`)!) as object);
}

describe('metadata/schema', () => {
  test.each([...generated.keys()])('%s is up to date (run npm run schema:generate after changing the model)', (name) => {
    // Act
    const committed = readFileSync(join(repoDir, SCHEMA_DIR, name), 'utf8');
    // Assess
    expect(committed).toBe(generated.get(name));
  });

  test('generation is deterministic and carries $id, title and description', () => {
    // Act
    const again = jsonSchemaFiles();
    const article = JSON.parse(generated.get('article.schema.json')!) as Record<string, unknown>;
    // Assess
    expect([...again.entries()]).toEqual([...generated.entries()]);
    expect(article).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'article.schema.json', title: 'Colophon article' });
    expect(article.description).toEqual(expect.any(String));
  });

  test.each(metadataFiles())('%s is valid against the %s schema', (path, name) => {
    // Prepare
    const validate = validator(name);
    const text = readFileSync(join(repoDir, path), 'utf8');
    // Act
    const valid = validate(parse(text));
    // Assess
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test.each(metadataFiles().filter(([path]) => path.startsWith('metadata/')))('%s points editors at the %s schema', (path, name) => {
    // Act
    const text = readFileSync(join(repoDir, path), 'utf8');
    const pointer = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)?.[1];
    // Assess
    expect(pointer && join(repoDir, path, '..', pointer)).toBe(join(repoDir, SCHEMA_DIR, `${name}.schema.json`));
  });

  test.each([
    ['an unknown field', { titel: 'x' }],
    ['a list as the title', { title: ['x'] }],
    ['an unknown contributor role', { contributors: [{ family_name: 'X', role: 'reviewer' }] }],
    ['a language key that is no language tag', { abstract: { English: 'x' } }],
  ])('the article schema flags %s', (_what, patch) => {
    // Prepare
    const validate = validator('article');
    const article = { doi: '10.5555/x', title: 'T', contributors: [{ family_name: 'X' }], ...patch };
    // Act / Assess
    expect(validate(article)).toBe(false);
  });
});
