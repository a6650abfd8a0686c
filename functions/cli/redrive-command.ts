/**
 * `colophon redrive [render|site|deposit …] [--stage local|dev|prod] [--dry-run]`: moves the
 * messages of the stage's dead-letter queues back onto the queues they came from, once the cause
 * is fixed (a record mended, a grant added, a bug deployed away), so the work is done again. Each
 * job is safe to run twice: Render skips an article already rendered at its version, Site and
 * Deposit rebuild an issue from the records table.
 *
 * A message is copied to its source queue before it is deleted from the dead-letter queue, so a
 * crash in between leaves a duplicate, never a loss. (SQS's own StartMessageMoveTask does the same
 * on AWS; it is not used because the local SQS emulator does not serve it, and this one path then
 * runs everywhere.) Ingest's on-failure queue holds Lambda destination records, not jobs: it is not
 * redriven here (publish the issue again).
 *
 * Exit codes: 0 moved (or nothing to move, or a dry run), 2 wrong command line or stage unreachable.
 */
import type { Command } from 'commander';
import type { Io } from './main.ts';
import { queueOutput, resolveStage, stageFlags, stageOptions, type StageCliFlags, type StageFlags, type StageTarget } from './stage.ts';

export const REDRIVE_EXIT = { ok: 0, config: 2 } as const;

/** Each dead-letter queue and the queue its messages came from (the stateless stack's outputs). */
export const REDRIVES = {
  render: { dlq: 'RenderDlqUrl', source: 'RenderQueueUrl' },
  site: { dlq: 'SiteDlqUrl', source: 'SiteQueueUrl' },
  deposit: { dlq: 'DepositDlqUrl', source: 'DepositQueueUrl' },
} as const;
export type RedriveName = keyof typeof REDRIVES;

export type RedriveOptions = StageFlags & { readonly queues: readonly RedriveName[]; readonly dryRun?: boolean | undefined };

type RedriveCliFlags = StageCliFlags & { readonly dryRun?: boolean };

async function sqsFor(target: StageTarget) {
  const [sqs, { LOCAL_CREDENTIALS, LOCAL_REGION }] = await Promise.all([import('@aws-sdk/client-sqs'), import('#infra/local/paths')]);
  const client =
    target.stage === 'local'
      ? new sqs.SQSClient({ ...(target.local?.sqs ? { endpoint: target.local.sqs } : {}), region: LOCAL_REGION, credentials: { ...LOCAL_CREDENTIALS }, useQueueUrlAsEndpoint: false })
      : new sqs.SQSClient({});
  return { sqs, client };
}

/** Moves every message of one dead-letter queue back to its source; how many. */
async function move(target: StageTarget, name: RedriveName, dryRun: boolean): Promise<{ moved: number; waiting: number }> {
  const [dlq, source] = await Promise.all([queueOutput(target, REDRIVES[name].dlq), queueOutput(target, REDRIVES[name].source)]);
  const { sqs, client } = await sqsFor(target);
  try {
    const attributes = await client.send(new sqs.GetQueueAttributesCommand({ QueueUrl: dlq, AttributeNames: ['ApproximateNumberOfMessages'] }));
    const waiting = Number(attributes.Attributes?.ApproximateNumberOfMessages ?? 0);
    if (dryRun) return { moved: 0, waiting };
    let moved = 0;
    for (;;) {
      // Received with a visibility long enough to copy them; one that is not deleted comes back to the DLQ.
      const { Messages = [] } = await client.send(new sqs.ReceiveMessageCommand({ QueueUrl: dlq, MaxNumberOfMessages: 10, VisibilityTimeout: 120, WaitTimeSeconds: 0, MessageAttributeNames: ['All'] }));
      if (Messages.length === 0) return { moved, waiting };
      for (const m of Messages) {
        await client.send(new sqs.SendMessageCommand({ QueueUrl: source, MessageBody: m.Body ?? '', ...(m.MessageAttributes && Object.keys(m.MessageAttributes).length > 0 ? { MessageAttributes: m.MessageAttributes } : {}) }));
        await client.send(new sqs.DeleteMessageCommand({ QueueUrl: dlq, ReceiptHandle: m.ReceiptHandle! }));
        moved++;
      }
    }
  } finally {
    client.destroy();
  }
}

const plural = (n: number): string => `${n} message${n === 1 ? '' : 's'}`;

export async function runRedrive(options: RedriveOptions, io: Io, resolve: (flags: StageFlags) => Promise<StageTarget> = (flags) => resolveStage(flags)): Promise<number> {
  let target: StageTarget;
  try {
    target = await resolve(options);
  } catch (error) {
    io.err(`colophon redrive: ${error instanceof Error ? error.message : String(error)}`);
    return REDRIVE_EXIT.config;
  }
  let total = 0;
  for (const name of options.queues) {
    try {
      const { moved, waiting } = await move(target, name, options.dryRun === true);
      total += options.dryRun ? waiting : moved;
      io.out(options.dryRun ? `${name}: ${plural(waiting)} in the dead-letter queue (dry run: nothing moved)` : `${name}: ${plural(moved)} moved back to the ${name} queue`);
    } catch (error) {
      io.err(`colophon redrive: ${name}: ${error instanceof Error ? error.message : String(error)}`);
      return REDRIVE_EXIT.config;
    }
  }
  if (!options.dryRun && total > 0) io.out('They are processed again now: follow them with colophon status. A message that fails again returns to its dead-letter queue.');
  return REDRIVE_EXIT.ok;
}

export function registerRedrive(program: Command, io: Io, setExit: (code: number) => void): Command {
  return stageOptions(
    program
      .command('redrive')
      .description("move the messages of the stage's dead-letter queues back to be processed again, once their cause is fixed")
      .argument('[queue...]', `which: ${Object.keys(REDRIVES).join(', ')} (default: all three)`),
  )
    .option('--dry-run', 'show how many messages wait in each dead-letter queue, move nothing')
    .addHelpText('after', '\nExamples:\n  $ colophon redrive --dry-run\n  $ colophon redrive render --stage prod\n\nExit codes: 0 done (or nothing to move), 2 usage or stage unreachable.')
    .action(async (queues: string[], flags: RedriveCliFlags) => {
      const unknown = queues.filter((q) => !(q in REDRIVES));
      if (unknown.length > 0) {
        io.err(`colophon redrive: no dead-letter queue named ${unknown.join(', ')}: use ${Object.keys(REDRIVES).join(', ')}`);
        setExit(REDRIVE_EXIT.config);
        return;
      }
      const chosen = (queues.length === 0 ? Object.keys(REDRIVES) : queues) as RedriveName[];
      setExit(await runRedrive({ ...stageFlags(flags), queues: chosen, ...(flags.dryRun ? { dryRun: true } : {}) }, io));
    });
}
