/**
 * IAM for the local stand-in: a function's identity-based policy, read from the synthesized
 * template (the AWS::IAM::Policy documents attached to its role, and the role's inline policies),
 * and the evaluation AWS applies to one request: an explicit Deny wins, else an Allow whose
 * action, resource and conditions all match, else an implicit deny.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 *
 * Only the services the stand-in emulates are enforced (S3, DynamoDB, SQS, SSM Parameter Store, Cognito);
 * statements for CloudWatch Logs and X-Ray have nothing to guard here and are left out.
 */
import { TemplateError, type Json } from './template.ts';

/** Service prefixes of the actions the IAM gateway checks. */
export const ENFORCED_SERVICES = ['s3', 'dynamodb', 'sqs', 'ssm', 'cognito-idp'] as const;

export type Condition = { readonly operator: string; readonly key: string; readonly values: readonly string[] };
export type Statement = {
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly conditions: readonly Condition[];
};

/** One permission a request needs: the action, the resource ARN, and the request's condition keys. */
export type Permission = { readonly action: string; readonly resource: string; readonly context?: Readonly<Record<string, readonly string[]>> };
export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly permission: Permission; readonly explicit: boolean };

/** Condition operators the evaluator knows; a template using another stops the stand-in (it would otherwise guess). */
const OPERATORS = ['StringEquals', 'StringNotEquals', 'StringLike', 'StringNotLike', 'StringEqualsIgnoreCase'] as const;
type Operator = (typeof OPERATORS)[number];

const list = (v: Json | undefined): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** Statements of a resolved policy document, keeping those that name an enforced service (or `*`). */
export function statementsOf(document: Json, where: string): Statement[] {
  const raw = (document as { Statement?: Json } | null)?.Statement;
  return (Array.isArray(raw) ? raw : raw ? [raw] : []).flatMap((s) => {
    const statement = s as Record<string, Json>;
    if (statement.NotAction !== undefined || statement.NotResource !== undefined || statement.Principal !== undefined)
      throw new TemplateError(`${where}: NotAction, NotResource and Principal are not emulated by the local IAM check`);
    const actions = list(statement.Action);
    if (!actions.some(enforced)) return [];
    const conditions = Object.entries((statement.Condition ?? {}) as Record<string, Record<string, Json>>).flatMap(([operator, keys]) => {
      const bare = operator.replace(/^(ForAllValues|ForAnyValue):/, '').replace(/IfExists$/, '');
      if (!(OPERATORS as readonly string[]).includes(bare)) throw new TemplateError(`${where}: condition operator ${operator} is not emulated by the local IAM check`);
      return Object.entries(keys).map(([key, values]) => ({ operator, key: key.toLowerCase(), values: list(values) }));
    });
    return [{ effect: statement.Effect === 'Deny' ? 'Deny' : 'Allow', actions, resources: list(statement.Resource), conditions } satisfies Statement];
  });
}

function enforced(action: string): boolean {
  if (action === '*') return true;
  const service = action.slice(0, action.indexOf(':')).toLowerCase();
  return (ENFORCED_SERVICES as readonly string[]).includes(service);
}

/** IAM's wildcard match: `*` any run of characters, `?` one character. */
export function wildcard(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

function matchOne(operator: Operator, pattern: string, value: string): boolean {
  switch (operator) {
    case 'StringEquals':
    case 'StringNotEquals':
      return pattern === value;
    case 'StringEqualsIgnoreCase':
      return pattern.toLowerCase() === value.toLowerCase();
    case 'StringLike':
    case 'StringNotLike':
      return wildcard(pattern, value);
  }
}

/**
 * One condition against the request's values for its key. Set operators: ForAllValues holds when
 * every request value matches (so also for none); ForAnyValue when at least one does. A key the
 * request lacks fails a plain positive operator and passes a negated one (or any `…IfExists`).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
export function conditionHolds(condition: Condition, context: Readonly<Record<string, readonly string[]>>): boolean {
  const qualifier = condition.operator.startsWith('ForAllValues:') ? 'all' : condition.operator.startsWith('ForAnyValue:') ? 'any' : 'single';
  const ifExists = condition.operator.endsWith('IfExists');
  const operator = condition.operator.replace(/^(ForAllValues|ForAnyValue):/, '').replace(/IfExists$/, '') as Operator;
  const negated = operator === 'StringNotEquals' || operator === 'StringNotLike';
  const values = context[condition.key];
  const matches = (value: string): boolean => condition.values.some((p) => matchOne(operator, p, value));
  if (qualifier === 'all') return (values ?? []).every((v) => (negated ? !matches(v) : matches(v)));
  if (qualifier === 'any') return (values ?? []).some((v) => (negated ? !matches(v) : matches(v)));
  if (values === undefined || values.length === 0) return negated || ifExists;
  return values.some((v) => (negated ? !matches(v) : matches(v)));
}

function applies(statement: Statement, permission: Permission): boolean {
  const context = Object.fromEntries(Object.entries(permission.context ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return (
    statement.actions.some((a) => wildcard(a, permission.action, true)) &&
    statement.resources.some((r) => wildcard(r, permission.resource)) &&
    statement.conditions.every((c) => conditionHolds(c, context))
  );
}

/** Every permission a request needs must be allowed (a copy needs read on the source and write on the target). */
export function authorize(statements: readonly Statement[], permissions: readonly Permission[]): Decision {
  for (const permission of permissions) {
    if (statements.some((s) => s.effect === 'Deny' && applies(s, permission))) return { allowed: false, permission, explicit: true };
    if (!statements.some((s) => s.effect === 'Allow' && applies(s, permission))) return { allowed: false, permission, explicit: false };
  }
  return { allowed: true };
}

/** The message AWS gives (the shape of its AccessDenied text, with the principal and what was refused). */
export function deniedMessage(principal: string, decision: Extract<Decision, { allowed: false }>): string {
  const { action, resource } = decision.permission;
  const why = decision.explicit ? `with an explicit deny in an identity-based policy` : `because no identity-based policy allows the ${action} action`;
  return `User: ${principal} is not authorized to perform: ${action} on resource: ${resource} ${why}`;
}
