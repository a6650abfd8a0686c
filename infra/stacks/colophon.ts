import { Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config.ts';
import { StatefulStack } from './stateful.ts';
import { StatelessStack } from './stateless.ts';

export const stackIds = (config: StageConfig): { stateful: string; stateless: string } => ({
  stateful: `Colophon-${config.stage}-Stateful`,
  stateless: `Colophon-${config.stage}-Stateless`,
});

/** Both stacks of one stage; the stateless one reads from the stateful one, never the reverse. */
export function colophonStacks(scope: Construct, config: StageConfig): { stateful: StatefulStack; stateless: StatelessStack } {
  const ids = stackIds(config);
  const env = config.env === undefined ? {} : { env: config.env };
  const stateful = new StatefulStack(scope, ids.stateful, {
    ...env,
    config,
    description: `Colophon ${config.stage}: buckets, records table, Crossref credentials, site distribution`,
    terminationProtection: config.deletionProtection,
  });
  const stateless = new StatelessStack(scope, ids.stateless, {
    ...env,
    config,
    statefulStackName: stateful.stackName,
    description: `Colophon ${config.stage}: functions, queues, schedules, HTTP routes`,
  });
  // The stateless stack reads the stateful one by output name only, so the order is stated here.
  stateless.addStackDependency(stateful);
  for (const stack of [stateful, stateless]) {
    Tags.of(stack).add('project', 'colophon');
    Tags.of(stack).add('stage', config.stage);
  }
  return { stateful, stateless };
}
