import { Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { StageName } from '../config.ts';
import type { ColophonFunction } from './colophon-function.ts';

/**
 * The stage's secrets, as SSM Parameter Store SecureString parameters (standard tier) instead of
 * Secrets Manager secrets (issue 16: $0.40 a month each, the idle stage's largest fixed fee; a
 * standard parameter has none). What is kept:
 * - **Encrypted at rest with KMS**: a SecureString is encrypted with the account's AWS managed key
 *   `aws/ssm`, as a secret was with `aws/secretsmanager` (no customer key: that would be $1 a month).
 * - **Least privilege**: each function may call `ssm:GetParameter` on exactly the parameter it
 *   reads (its ARN, no wildcard), and nothing may list or write them. The AWS managed key lets any
 *   principal of the account decrypt *through SSM*, so that grant is what decides, as it was for
 *   the secrets (https://docs.aws.amazon.com/systems-manager/latest/userguide/ps-restrict-decryption.html).
 * - **Never in a template, an environment variable or a log**: CloudFormation cannot create a
 *   SecureString at all (AWS::SSM::Parameter takes String and StringList only), so the templates
 *   name the parameters and hold no value; functions get the name and read the value at run time.
 * What changes: nothing generates the values at deploy any more. Whoever deploys a stage creates
 * both parameters once (README, "Deploying to AWS"); a function finding none fails with an error
 * naming the parameter.
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html (standard tier: no charge)
 */
export const SECURE_PARAMETERS = {
  /** JSON `{ login_id, login_passwd, callback_token, journals? }` (functions/adapters/secrets.ts). */
  crossref: 'crossref',
  /** The key that seals OAI-PMH resumption tokens (letters and digits, 48 or more). */
  oaiTokenSeal: 'oai-token-seal',
} as const;
export type SecureParameterName = keyof typeof SECURE_PARAMETERS;

/** `/colophon/<stage>/<parameter>`: one path per stage, so two stages in one account never share a secret. */
export const secureParameterPath = (stage: StageName, which: SecureParameterName): string => `/colophon/${stage}/${SECURE_PARAMETERS[which]}`;

/** A parameter as the functions use it: its name (in their environment) and its ARN (in their grants). */
export type SecureParameter = { readonly parameterName: string; readonly parameterArn: string };

/**
 * The stage's parameter `which` in `scope`'s account and region. Both stacks derive it from the
 * stage alone (no stack owns it: CloudFormation cannot create a SecureString); the stateful stack
 * also names it in its outputs, for whoever deploys.
 */
export function secureParameter(scope: Construct, stage: StageName, which: SecureParameterName): SecureParameter {
  const parameterName = secureParameterPath(stage, which);
  // A path's ARN is `…:parameter/<path without its leading slash>`.
  return { parameterName, parameterArn: Stack.of(scope).formatArn({ service: 'ssm', resource: 'parameter', resourceName: parameterName.slice(1) }) };
}

export type SecureParameterEnv = 'CROSSREF_PARAMETER' | 'OAI_TOKEN_PARAMETER';

/** Let `fn` read exactly `parameter` (decrypted, through SSM) and nothing else of Parameter Store; sets `envName` to its name. */
export function bindSecureParameter(fn: ColophonFunction, parameter: SecureParameter, envName: SecureParameterEnv): void {
  fn.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['ssm:GetParameter'], resources: [parameter.parameterArn] }));
  fn.fn.addEnvironment(envName, parameter.parameterName);
}
