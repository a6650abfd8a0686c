/** The records table's key design (records-keys.ts): no hot partition in the deposits due (issue 16). */
import { describe, expect, it } from 'vitest';
import { DEPOSIT_DUE, DEPOSIT_DUE_PARTITIONS, DEPOSIT_DUE_SHARDS, depositDueShard, keys } from '#adapters/records-keys';

describe('the deposits due (gsi3)', () => {
  it('spreads a press-sized first publish over every shard, none taking much more than its share', () => {
    // Prepare: 100,000 DOIs over 20 journals, shaped like the press bench's (bench/press.ts)
    const dois = Array.from({ length: 100_000 }, (_, n) => `10.5555/j${n % 20}.${2000 + Math.floor(n / 2500)}.${n}`);

    // Act
    const counts = new Map<string, number>();
    for (const doi of dois) {
      const { gsi3pk } = keys.depositIndex('2026-01-01T00:00:00.000Z', doi);
      counts.set(gsi3pk, (counts.get(gsi3pk) ?? 0) + 1);
    }

    // Assess
    expect(DEPOSIT_DUE_SHARDS).toBeGreaterThan(1);
    expect([...counts.keys()].sort()).toEqual(DEPOSIT_DUE_PARTITIONS.filter((p) => p !== DEPOSIT_DUE).sort());
    expect(Math.max(...counts.values())).toBeLessThan((dois.length / DEPOSIT_DUE_SHARDS) * 1.05);
  });

  it('keeps every version of a DOI in one shard, whatever its case', () => {
    expect(depositDueShard('10.5555/Balcanica.L.1')).toBe(depositDueShard('10.5555/balcanica.l.1'));
    expect(keys.depositIndex('2026-01-01T00:00:00.000Z', '10.5555/X').gsi3pk).toBe(keys.depositIndex('2027-01-01T00:00:00.000Z', '10.5555/x').gsi3pk);
  });

  it('still lists the one partition heads written before the split sit in', () => {
    expect(DEPOSIT_DUE_PARTITIONS).toContain(DEPOSIT_DUE);
  });
});
