/**
 * Reading the version items an OAI-PMH page lists (oai-store.ts), with every read asked for in the
 * same turn of the event loop sent together: the stage's repository reads a page's records from up
 * to 20 journals' sources at once, and with one reader shared by those sources that is one
 * BatchGetItem per hundred records, not one per journal (issue 16).
 */
import { attempt, batchGetAll, type BatchGetOptions, type Item, type RecordsTable } from './records-table.ts';

export type Projection = NonNullable<BatchGetOptions['projection']>;

export type VersionReader = {
  /** The items at `keys` that exist, by `idOf` (eventually consistent unless `consistent`). */
  read(keys: readonly Item[], consistent: boolean, projection: Projection): Promise<Map<string, Item>>;
};

export const idOf = (item: Item): string => `${String(item.pk)}\u0000${String(item.sk)}`;

/** BatchGetItem takes at most 100 keys. */
const BATCH = 100;

type Waiting = { readonly keys: readonly Item[]; readonly resolve: (found: Map<string, Item>) => void; readonly reject: (error: unknown) => void };

export function createVersionReader(table: RecordsTable): VersionReader {
  /** Reads asked for in this turn, by how they are read (consistency and projection). */
  let queued = new Map<string, { consistent: boolean; projection: Projection; waiting: Waiting[] }>();

  async function send(consistent: boolean, projection: Projection, waiting: readonly Waiting[]): Promise<void> {
    try {
      const unique = [...new Map(waiting.flatMap((w) => w.keys).map((k) => [idOf(k), k])).values()];
      const chunks = Array.from({ length: Math.ceil(unique.length / BATCH) }, (_, n) => unique.slice(n * BATCH, (n + 1) * BATCH));
      const found = new Map<string, Item>();
      for (const items of await Promise.all(chunks.map((chunk) => attempt('read OAI records', () => batchGetAll(table, chunk, { consistent, projection }))))) for (const item of items) found.set(idOf(item), item);
      for (const w of waiting) w.resolve(new Map(w.keys.flatMap((k) => (found.has(idOf(k)) ? [[idOf(k), found.get(idOf(k))!] as const] : []))));
    } catch (error) {
      for (const w of waiting) w.reject(error);
    }
  }

  function flush(): void {
    const batches = queued;
    queued = new Map();
    for (const { consistent, projection, waiting } of batches.values()) void send(consistent, projection, waiting);
  }

  return {
    read(keys, consistent, projection) {
      if (keys.length === 0) return Promise.resolve(new Map());
      return new Promise((resolve, reject) => {
        const how = `${String(consistent)}\u0000${projection.expression}`;
        if (queued.size === 0) setImmediate(flush);
        const batch = queued.get(how) ?? { consistent, projection, waiting: [] };
        batch.waiting.push({ keys, resolve, reject });
        queued.set(how, batch);
      });
    },
  };
}
