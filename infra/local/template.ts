/**
 * Reads the synthesized stage (`cdk.out/Colophon-<stage>-*.template.json`) as the one source of
 * truth for what runs locally: its buckets, table, queues, functions, event source mappings and
 * EventBridge rules, with every intrinsic (Ref, Fn::GetAtt, Fn::GetStackOutput, Fn::ImportValue,
 * Fn::Join, Fn::Sub, …) resolved to the local names and URLs of the emulators.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './paths.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Resource = { readonly Type: string; readonly Properties?: Record<string, Json>; readonly Metadata?: Record<string, Json> };
export type Template = { readonly Resources: Record<string, Resource>; readonly Outputs?: Record<string, { Value: Json; Export?: { Name: Json } }> };
export type Stack = { readonly name: string; readonly template: Template };

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

export const stackNames = (stage: string): string[] => [`Colophon-${stage}-Stateful`, `Colophon-${stage}-Stateless`];

/** Both stacks of a stage from a cloud assembly folder. */
export function readStacks(cdkOut: string, stage: string): Stack[] {
  return stackNames(stage).map((name) => {
    const file = join(cdkOut, `${name}.template.json`);
    if (!existsSync(file)) throw new TemplateError(`${file} is missing: synthesize first (npx cdk synth -c stage=${stage})`);
    return { name, template: JSON.parse(readFileSync(file, 'utf8')) as Template };
  });
}

/** How logical resources map to local things: names, URLs, ARNs. */
export type Naming = {
  /** Prepended to every local name, so several deployments can share one set of emulators. */
  readonly prefix: string;
  readonly queueUrl: (name: string) => string;
  /** `host:port` the site is served on (what a CloudFront domain name becomes). */
  readonly siteHost: string;
};

const arn = (service: string, resource: string): string => `arn:aws:${service}:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${resource}`;

/** The local name of a resource: `<prefix><stack>-<logicalId>`, lower-cased for buckets (S3's rule). */
export function localName(naming: Naming, stack: string, logicalId: string, type: string): string {
  const name = `${naming.prefix}${stack}-${logicalId}`;
  return type === 'AWS::S3::Bucket' ? name.toLowerCase().slice(0, 63) : name;
}

export class Resolver {
  constructor(
    private readonly stacks: readonly Stack[],
    private readonly naming: Naming,
  ) {}

  stack(name: string): Stack {
    const found = this.stacks.find((s) => s.name === name);
    if (!found) throw new TemplateError(`no stack ${name} in the assembly`);
    return found;
  }

  resource(stack: string, logicalId: string): Resource {
    const found = this.stack(stack).template.Resources[logicalId];
    if (!found) throw new TemplateError(`${stack}: no resource ${logicalId}`);
    return found;
  }

  name(stack: string, logicalId: string): string {
    return localName(this.naming, stack, logicalId, this.resource(stack, logicalId).Type);
  }

  /** `Ref` as CloudFormation defines it for each resource type. */
  ref(stack: string, logicalId: string): string {
    const pseudo: Record<string, string> = { 'AWS::Region': LOCAL_REGION, 'AWS::AccountId': LOCAL_ACCOUNT, 'AWS::Partition': 'aws', 'AWS::URLSuffix': 'amazonaws.com', 'AWS::StackName': stack };
    if (logicalId in pseudo) return pseudo[logicalId]!;
    const { Type } = this.resource(stack, logicalId);
    const name = this.name(stack, logicalId);
    if (Type === 'AWS::SQS::Queue') return this.naming.queueUrl(name);
    return name;
  }

  getAtt(stack: string, logicalId: string, attribute: string): string {
    const { Type } = this.resource(stack, logicalId);
    const name = this.name(stack, logicalId);
    const key = `${Type}.${attribute}`;
    switch (key) {
      case 'AWS::SQS::Queue.Arn':
        return arn('sqs', name);
      case 'AWS::SQS::Queue.QueueName':
        return name;
      case 'AWS::SQS::Queue.QueueUrl':
        return this.naming.queueUrl(name);
      case 'AWS::S3::Bucket.Arn':
        return `arn:aws:s3:::${name}`;
      case 'AWS::DynamoDB::Table.Arn':
        return arn('dynamodb', `table/${name}`);
      case 'AWS::Lambda::Function.Arn':
        return arn('lambda', `function:${name}`);
      case 'AWS::CloudFront::Distribution.DomainName':
        return this.naming.siteHost;
      case 'AWS::ApiGatewayV2::Api.ApiEndpoint':
        return `http://${this.naming.siteHost}`;
      default:
        throw new TemplateError(`${stack}: cannot resolve Fn::GetAtt ${logicalId}.${attribute} (${Type}) locally`);
    }
  }

  output(stack: string, outputName: string): string {
    const output = this.stack(stack).template.Outputs?.[outputName];
    if (!output) throw new TemplateError(`${stack} has no output ${outputName}`);
    return this.string(stack, output.Value);
  }

  importValue(exportName: string): string {
    for (const s of this.stacks) {
      for (const [name, output] of Object.entries(s.template.Outputs ?? {})) {
        if (output.Export && this.string(s.name, output.Export.Name) === exportName) return this.output(s.name, name);
      }
    }
    throw new TemplateError(`no stack exports ${exportName}`);
  }

  /** A value that must resolve to a string. */
  string(stack: string, value: Json): string {
    const resolved = this.value(stack, value);
    if (typeof resolved !== 'string' && typeof resolved !== 'number') throw new TemplateError(`${stack}: expected a string, got ${JSON.stringify(value)}`);
    return String(resolved);
  }

  /** Any value with its intrinsics resolved. */
  value(stack: string, value: Json): Json {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => this.value(stack, v));
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'))) {
      const resolved = this.intrinsic(stack, keys[0]!, value[keys[0]!]!);
      // Nothing local speaks TLS: a URL to the local site host (a CloudFront domain here) is plain HTTP.
      return typeof resolved === 'string' ? resolved.replace(`https://${this.naming.siteHost}`, `http://${this.naming.siteHost}`) : resolved;
    }
    return Object.fromEntries(keys.map((k) => [k, this.value(stack, value[k]!)]));
  }

  private intrinsic(stack: string, fn: string, arg: Json): Json {
    const list = (v: Json): Json[] => {
      const r = this.value(stack, v);
      if (!Array.isArray(r)) throw new TemplateError(`${stack}: ${fn} expects a list`);
      return r;
    };
    switch (fn) {
      case 'Ref':
        return this.ref(stack, String(arg));
      case 'Fn::GetAtt': {
        const [id, attribute] = typeof arg === 'string' ? arg.split('.') : (arg as string[]);
        return this.getAtt(stack, String(id), String(attribute));
      }
      case 'Fn::GetStackOutput': {
        const { StackName, OutputName } = arg as { StackName: Json; OutputName: Json };
        return this.output(this.string(stack, StackName), this.string(stack, OutputName));
      }
      case 'Fn::ImportValue':
        return this.importValue(this.string(stack, arg));
      case 'Fn::Join': {
        const [separator, parts] = arg as [string, Json];
        return list(parts).map(String).join(separator);
      }
      case 'Fn::Select': {
        const [index, items] = arg as [Json, Json];
        return list(items)[Number(this.value(stack, index))] ?? null;
      }
      case 'Fn::Split': {
        const [separator, source] = arg as [string, Json];
        return this.string(stack, source).split(separator);
      }
      case 'Fn::Sub': {
        const [text, vars] = typeof arg === 'string' ? [arg, {}] : (arg as [string, Record<string, Json>]);
        return text.replace(/\$\{([^}!]+)\}/g, (_m, name: string) => {
          if (name in vars) return this.string(stack, vars[name]!);
          const [id, attribute] = name.split('.');
          return attribute === undefined ? this.ref(stack, id!) : this.getAtt(stack, id!, attribute);
        });
      }
      default:
        throw new TemplateError(`${stack}: ${fn} is not supported by the local stand-in`);
    }
  }
}
