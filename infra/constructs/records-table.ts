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
        projectionType: ProjectionType.ALL,
      });
    }
    pinLogicalId(this.table, id);
  }
}
