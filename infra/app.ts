// The CDK app: `cdk synth -c stage=dev` (local | dev | prod; dev when absent). See infra/config.ts.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { stageConfig } from './config.ts';
import { colophonStacks } from './stacks/colophon.ts';

const app = new App();
colophonStacks(app, stageConfig(app.node.tryGetContext('stage')));
// cdk-nag 3 is a policy-validation plugin: findings fail synth unless acknowledged with a reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
