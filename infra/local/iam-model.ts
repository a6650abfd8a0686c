/**
 * Each function's identity-based policy, from the synthesized templates: the function's `Role`
 * (`Fn::GetAtt <role>.Arn`), the AWS::IAM::Policy resources attached to that role, and the role's
 * inline policies, with intrinsics resolved to local ARNs. Managed policies (AWSLambdaBasicExecutionRole
 * and the like) grant only CloudWatch Logs, which is not emulated, so they are not read.
 */
import { ENFORCED_SERVICES, statementsOf, type Statement } from './iam-policy.ts';
import { TemplateError, type Json, type Resolver, type Resource } from './template.ts';

export type LocalRole = { readonly logicalId: string; readonly name: string; readonly statements: readonly Statement[] };
type Entry = { readonly stack: string; readonly id: string; readonly resource: Resource };

const names = (v: Json | undefined): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)]);
/** Keeps the statements the gateway enforces before resolving them (a log group's ARN has no local form). */
const touchesEnforced = (s: Json): boolean => names((s as Record<string, Json>).Action).some((a) => a === '*' || (ENFORCED_SERVICES as readonly string[]).includes(a.slice(0, a.indexOf(':')).toLowerCase()));

export function roleOf(fn: Entry, entries: readonly Entry[], r: Resolver): LocalRole {
  const role = (fn.resource.Properties?.Role as { 'Fn::GetAtt'?: Json } | undefined)?.['Fn::GetAtt'];
  const roleId = Array.isArray(role) ? String(role[0]) : typeof role === 'string' ? role.split('.')[0]! : undefined;
  if (roleId === undefined) throw new TemplateError(`${fn.stack}/${fn.id}: its Role is not a role of this stack (Fn::GetAtt <role>.Arn); the local IAM check needs one`);
  const roleEntry = entries.find((e) => e.stack === fn.stack && e.id === roleId);
  if (!roleEntry) throw new TemplateError(`${fn.stack}/${fn.id}: no role ${roleId}`);
  const documents: { where: string; document: Json }[] = [];
  for (const p of (roleEntry.resource.Properties?.Policies as { PolicyDocument: Json }[] | undefined) ?? []) documents.push({ where: `${fn.stack}/${roleId}`, document: p.PolicyDocument });
  for (const e of entries) {
    if (e.stack !== fn.stack || e.resource.Type !== 'AWS::IAM::Policy') continue;
    const roles = (e.resource.Properties?.Roles as { Ref?: string }[] | undefined) ?? [];
    if (roles.some((x) => x.Ref === roleId)) documents.push({ where: `${e.stack}/${e.id}`, document: e.resource.Properties?.PolicyDocument ?? null });
  }
  const statements = documents.flatMap(({ where, document }) => {
    const raw = (document as { Statement?: Json } | null)?.Statement;
    const kept = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter(touchesEnforced);
    return statementsOf(r.value(fn.stack, { Statement: kept }), where);
  });
  return { logicalId: roleId, name: r.name(fn.stack, roleId), statements };
}
