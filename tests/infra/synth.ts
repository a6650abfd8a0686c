/**
 * Synthesis for the infra tests: the app as `cdk synth` builds it (cdk.json's feature flags),
 * without bundling or CloudFormation validation so a stage synthesizes in about a second. One
 * test (app.test.ts) runs the real entry point with both.
 */
import { readFileSync } from 'node:fs';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { PolicyViolation } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { STAGES, type StageConfig, type StageName } from '#infra/config';
import { PROJECT_ROOT } from '#infra/constructs/colophon-function';
import { colophonStacks } from '#infra/stacks/colophon';
import type { StatefulStack } from '#infra/stacks/stateful';
import type { StatelessStack } from '#infra/stacks/stateless';

/** cdk.json's context (the feature flags), as the CLI hands it to the app. */
export const CDK_CONTEXT = (JSON.parse(readFileSync(`${PROJECT_ROOT}cdk.json`, 'utf8')) as { context: Record<string, unknown> }).context;

/** An app for unit tests: the project's flags, bundling skipped, no built-in CloudFormation validation. */
export const testApp = (): App => new App({ context: { ...CDK_CONTEXT, 'aws:cdk:bundling-stacks': [] }, builtinCloudFormationValidation: false });

export type Synthesized = {
  readonly app: App;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  readonly statefulTemplate: Template;
  readonly statelessTemplate: Template;
};

const cache = new Map<StageConfig, Synthesized>();

/** Both stacks of a stage, synthesized once per worker (the result is read-only). */
export function synthStage(stage: StageName | StageConfig): Synthesized {
  const config = typeof stage === 'string' ? STAGES[stage] : stage;
  const hit = cache.get(config);
  if (hit) return hit;
  const app = testApp();
  const { stateful, stateless } = colophonStacks(app, config);
  const result = { app, stateful, stateless, statefulTemplate: Template.fromStack(stateful), statelessTemplate: Template.fromStack(stateless) };
  cache.set(config, result);
  return result;
}

/** cdk-nag AwsSolutions findings left after acknowledgements (run after synthesis, as the CLI does). */
export function nagViolations(scope: IConstruct): PolicyViolation[] {
  return new AwsSolutionsChecks().validateScope(scope).violations;
}

/** Every acknowledgement recorded under `scope`: construct path, rule id (without CDK's `Annotation::` prefix) and reason. */
export function acknowledgements(scope: IConstruct): { path: string; id: string; reason: string }[] {
  return scope.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      .map(([id, reason]) => ({ path: construct.node.path, id: id.replace(/^annotation::/i, ''), reason })),
  );
}

/** `RenderLogs0E2EE2D2` → `RenderLogs`: generated logical ids without their hash; pinned ids stay as they are. */
export const withoutHash = (logicalId: string): string => logicalId.replace(/(?<=[a-z])[0-9A-F]{8}$/, '');

/**
 * A CloudFormation value as one readable string: `{Stateful.TableName}` for a stateful output,
 * `{RenderQueue.Arn}` for an attribute, `{AWS::Region}` for a reference, joins joined.
 */
export function readable(value: unknown): string {
  if (typeof value === 'string') return value;
  const node = value as Record<string, unknown>;
  if ('Fn::Join' in node) {
    const [separator, parts] = node['Fn::Join'] as [string, unknown[]];
    return parts.map(readable).join(separator);
  }
  if ('Fn::GetStackOutput' in node) return `{Stateful.${(node['Fn::GetStackOutput'] as { OutputName: string }).OutputName}}`;
  if ('Fn::GetAtt' in node) {
    const [id, attribute] = node['Fn::GetAtt'] as [string, string];
    return `{${withoutHash(id)}.${attribute}}`;
  }
  if ('Ref' in node) return `{${withoutHash(node.Ref as string)}}`;
  return JSON.stringify(node);
}

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };
type Resource = { Type: string; Properties: Record<string, unknown> };

/**
 * What a function's role may do: action → sorted resources, from every policy attached to the
 * role `<fn>Role…`, however CDK merged the statements.
 */
export function grants(template: Template, fn: string): Record<string, string[]> {
  const resources = template.toJSON().Resources as Record<string, Resource>;
  const roleId = Object.keys(resources).find((id) => resources[id]?.Type === 'AWS::IAM::Role' && withoutHash(id) === `${fn}Role`);
  if (roleId === undefined) throw new Error(`no role ${fn}Role`);
  const byAction: Record<string, Set<string>> = {};
  for (const resource of Object.values(resources)) {
    if (resource.Type !== 'AWS::IAM::Policy') continue;
    const roles = resource.Properties.Roles as { Ref: string }[];
    if (!roles.some((role) => role.Ref === roleId)) continue;
    for (const statement of (resource.Properties.PolicyDocument as { Statement: Statement[] }).Statement) {
      if (statement.Effect !== 'Allow') throw new Error(`unexpected ${statement.Effect} statement on ${fn}`);
      const targets = Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
      for (const action of [statement.Action].flat()) for (const target of targets) (byAction[action] ??= new Set()).add(readable(target));
    }
  }
  return Object.fromEntries(Object.entries(byAction).map(([action, set]) => [action, [...set].sort()]));
}

/** The resources of one type, by logical id. */
export const resourcesOf = (template: Template, type: string): Record<string, Resource> =>
  Object.fromEntries(Object.entries(template.toJSON().Resources as Record<string, Resource>).filter(([, resource]) => resource.Type === type));
