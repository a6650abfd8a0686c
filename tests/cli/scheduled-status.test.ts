/**
 * Scheduled publication in the CLI (issue 11, item 5): `status` says "scheduled for <date>" for an
 * article held until its online date, and `publish` stops following it (it is settled: the release
 * publishes it), saying when it goes live and how to publish it early.
 */
import { describe, expect, it } from 'vitest';
import { isFinal, progressLine, progressOf } from '#cli/publish-command';
import { renderCell, renderView } from '#cli/status-command';

const head = { hash: 'h1', batchId: 'b1', version: 1, render: { status: 'pending', version: 1 } as const, scheduledFor: '2030-12-15T00:00:00.000Z' };

describe('a held article in the CLI', () => {
  it('status shows "scheduled for" its date', () => {
    expect(renderCell(renderView(head))).toEqual(['scheduled for 2030-12-15', '']);
  });

  it('publish counts it as settled, and says when it goes live and how to publish it now', () => {
    const progress = progressOf({ hash: 'h1', batchId: 'b1', since: '2026-01-01T00:00:00.000Z' }, head);
    expect(progress).toEqual({ state: 'scheduled', version: 1, for: '2030-12-15T00:00:00.000Z' });
    expect(isFinal(progress)).toBe(true);
    expect(progressLine('testjournal/x 10.5555/a', progress, 'https://example.org/doi/10.5555/a/')).toBe(
      'testjournal/x 10.5555/a: scheduled for 2030-12-15 (it goes live by itself then; colophon publish --publish-early puts it live now)',
    );
  });

  it('an article no longer held renders as before', () => {
    const { scheduledFor: _, ...released } = head;
    expect(renderCell(renderView(released))).toEqual(['pending v1', '']);
  });
});
