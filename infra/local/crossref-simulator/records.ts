/**
 * What the simulator reads from a deposit file: the head (`doi_batch_id`, `timestamp`) and the
 * DOI of every record, in document order. A record is anything with its own `doi_data` (journal,
 * issue, article, component...): Crossref reports each one in the submission log (its journal-level
 * DOI shows as "Successfully updated in handle" next to the articles, for instance).
 */
import { XMLParser } from 'fast-xml-parser';

export type DepositFile = { readonly batchId: string; readonly timestamp: string; readonly dois: readonly string[] };

type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: true, parseTagValue: false, trimValues: true });

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

function tagOf(node: OrderedNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@' && k !== '#text');
}

function children(node: OrderedNode): OrderedNode[] {
  const tag = tagOf(node);
  const value = tag === undefined ? undefined : node[tag];
  return Array.isArray(value) ? (value as OrderedNode[]) : [];
}

function textOf(node: OrderedNode): string {
  return children(node)
    .map((c) => (typeof c['#text'] === 'string' ? c['#text'] : ''))
    .join('')
    .trim();
}

function find(nodes: readonly OrderedNode[], name: string): OrderedNode | undefined {
  return nodes.find((n) => localName(tagOf(n) ?? '') === name);
}

function collectDois(nodes: readonly OrderedNode[], out: string[]): void {
  for (const node of nodes) {
    const tag = localName(tagOf(node) ?? '');
    if (tag === 'doi_data') {
      const doi = find(children(node), 'doi');
      if (doi) out.push(textOf(doi));
      continue;
    }
    collectDois(children(node), out);
  }
}

/** Reads a deposit file that has already passed schema validation. */
export function readDepositFile(xml: string): DepositFile {
  const doc = parser.parse(xml) as OrderedNode[];
  const batch = find(doc, 'doi_batch');
  const parts = batch ? children(batch) : [];
  const head = children(find(parts, 'head') ?? {});
  const dois: string[] = [];
  collectDois(children(find(parts, 'body') ?? {}), dois);
  return {
    batchId: textOf(find(head, 'doi_batch_id') ?? {}),
    timestamp: textOf(find(head, 'timestamp') ?? {}),
    dois,
  };
}
