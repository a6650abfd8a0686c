import { CfnResource } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Give a construct's CloudFormation resource the logical id the project's contract names
 * (`InboxBucket`, `Ingest`, …) instead of the path hash. Pinned ids keep data resources from
 * being replaced when the construct tree is refactored, and let the local stand-in and the
 * tests find resources by name.
 */
export function pinLogicalId(construct: IConstruct, logicalId: string): void {
  const resource = construct.node.defaultChild;
  if (!CfnResource.isCfnResource(resource)) throw new Error(`${construct.node.path} has no CloudFormation resource to name ${logicalId}`);
  resource.overrideLogicalId(logicalId);
}
