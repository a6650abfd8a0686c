/**
 * JSON Schemas for editors, generated from the model's zod schemas (the single source), so that
 * VS Code and other YAML editors (yaml-language-server, through the `# yaml-language-server:
 * $schema=` comment in each file) complete field names and flag mistakes while typing.
 * Only what JSON Schema can say is here (ISSN and ORCID check digits, dates, markup and cross-file
 * rules are `colophon validate`'s job).
 */
import * as z from 'zod';
import { articleSchema, issueSchema, journalSchema } from '#core/model/index';

type SchemaFile = { readonly name: string; readonly schema: z.ZodType; readonly title: string; readonly description: string };

const SCHEMAS: readonly SchemaFile[] = [
  { name: 'journal', schema: journalSchema, title: 'Colophon journal', description: 'journal.yaml: facts about the journal that every issue and article inherits.' },
  { name: 'issue', schema: issueSchema, title: 'Colophon issue', description: 'issue.yaml: one issue as printed (volume and/or number, year, publication dates, sections).' },
  { name: 'article', schema: articleSchema, title: 'Colophon article', description: 'One article file beside issue.yaml: DOI, titles, contributors, abstracts, pages, dates, references, galleys.' },
];

/** The folder the schemas live in, relative to the repository. */
export const SCHEMA_DIR = 'metadata/schema';

/** `{ file name → pretty-printed JSON text }` for every schema; the same model always gives the same text. */
export function jsonSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const { name, schema, title, description } of SCHEMAS) {
    // zod leaves out the examples of a field whose value is transformed (as the input form is what
    // editors write, the examples given for it are input examples): put them back.
    const override = (ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void => {
      const examples = z.globalRegistry.get(ctx.zodSchema as z.ZodType)?.examples;
      if (examples !== undefined && ctx.jsonSchema.examples === undefined) ctx.jsonSchema.examples = examples;
    };
    const { $schema, ...body } = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', override });
    // $id is relative: it resolves against wherever the file is read from (the repository, a checkout, a web server).
    // The heading keys go first; ours replaces zod's description in place.
    const document = Object.assign({ $schema, $id: `${name}.schema.json`, title, description }, body, { description });
    files.set(`${name}.schema.json`, `${JSON.stringify(document, null, 2)}\n`);
  }
  return files;
}
