import type { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { pinLogicalId } from './logical-id.ts';

/** The table's global secondary indexes and the question each answers; each has `<name>pk` / `<name>sk` string keys. */
export const RECORD_INDEXES = {
  gsi1: 'the articles of an issue',
  gsi2: 'records changed since a datestamp (OAI-PMH from/until)',
  gsi3: 'Crossref deposits still pending',
} as const;
export type RecordIndexName = keyof typeof RECORD_INDEXES;
export const RECORD_INDEX_NAMES = Object.keys(RECORD_INDEXES) as RecordIndexName[];

/**
 * What each index holds besides the keys (the table's and its own, always projected): only what
 * a query on it reads without reading the items themselves. Everything else (records, render and
 * deposit state, drafts, deposit batches) is read from the table by key after the query
 * (records-table.ts `queryThenGet`).
 *
 * Why: DynamoDB writes an item to each index that holds it, billed per KB of what the index
 * projects, and writes it again whenever a projected attribute changes. With projection ALL a
 * head's compressed record went to three indexes on each version, and each render and deposit
 * update was written to them again (`npm run bench:cost`: 104,330 write units per 1,000 articles
 * published before, 51,097 after).
 * An attribute that only ever changes with the index's own key costs nothing more to project.
 * - gsi1: a sitemap lists an issue's DOIs and their change dates from the index alone
 *   (records-articles.ts `listIssueArticleDates`); all of these change only with a new version.
 * - gsi2: Identify's earliestDatestamp reads `createdAt` of the first entry (oai-store.ts);
 *   it changes only with the key. `version`, `withdrawn` and `oaiGz` (the head's copy of its
 *   version's prepared OAI-PMH parts, ~1 KB) are what an OAI list of oai_dc or headers renders,
 *   so such a page is its index query alone (issue 16); they too change only with the key (a
 *   new version). The price: a head is ~1 KB bigger, so each write of it (the version's Put,
 *   the render and deposit updates) costs about one write unit more, and its gsi2 entry one.
 * - gsi3: keys only (deposits due, scheduled releases and pending batches are read by key).
 *
 * Changing a deployed index's projection: CloudFormation cannot update it in place (only one index
 * may be created or deleted per update), so an existing stage needs the index renamed, one per
 * deployment, or the table recreated from a backup. See the issue-16 note.
 */
export const RECORD_INDEX_ATTRIBUTES: Readonly<Record<RecordIndexName, readonly string[]>> = {
  gsi1: ['doi', 'createdAt', 'withdrawn', 'scheduledFor'],
  gsi2: ['createdAt', 'releasedAt', 'version', 'withdrawn', 'oaiGz'],
  gsi3: [],
};

/** The projection of one index, as CloudFormation (and DynamoDB's CreateTable) spells it. */
export function recordIndexProjection(name: RecordIndexName): { readonly ProjectionType: 'KEYS_ONLY' } | { readonly ProjectionType: 'INCLUDE'; readonly NonKeyAttributes: string[] } {
  const attributes = RECORD_INDEX_ATTRIBUTES[name];
  return attributes.length === 0 ? { ProjectionType: 'KEYS_ONLY' } : { ProjectionType: 'INCLUDE', NonKeyAttributes: [...attributes] };
}

/** A table together with the names of its indexes, so grants can name each index instead of `index/*`. */
export interface IndexedTable {
  readonly table: Pick<ITable, 'tableArn' | 'tableName'>;
  readonly indexNames: readonly string[];
}

export interface RecordsTableProps {
  readonly removalPolicy: RemovalPolicy;
  readonly deletionProtection: boolean;
}

/** The single table of journals, issues, articles and deposits (`pk`/`sk`), on demand, with point-in-time recovery. */
export class RecordsTable extends Construct implements IndexedTable {
  readonly table: Table;
  readonly indexNames = RECORD_INDEX_NAMES;

  constructor(scope: Construct, id: string, props: RecordsTableProps) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.deletionProtection,
      removalPolicy: props.removalPolicy,
    });
    for (const name of RECORD_INDEX_NAMES) {
      this.table.addGlobalSecondaryIndex({
        indexName: name,
        partitionKey: { name: `${name}pk`, type: AttributeType.STRING },
        sortKey: { name: `${name}sk`, type: AttributeType.STRING },
        ...(RECORD_INDEX_ATTRIBUTES[name].length === 0
          ? { projectionType: ProjectionType.KEYS_ONLY }
          : { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...RECORD_INDEX_ATTRIBUTES[name]] }),
      });
    }
    pinLogicalId(this.table, id);
  }
}
