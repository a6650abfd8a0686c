/** The site bucket for Site flow tests: written bodies by key, written only when changed (as the S3 adapter does). */
import type { ObjectStore, PutOutcome } from '#adapters/object-store';

export function memorySite(): { store: ObjectStore; files: Map<string, string> } {
  const files = new Map<string, string>();
  const putIfChanged = async (key: string, body: string | Uint8Array): Promise<PutOutcome> => {
    const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
    const written = files.get(key) !== text;
    files.set(key, text);
    return { key, sha256: 'x', written };
  };
  return { store: { putIfChanged } as unknown as ObjectStore, files };
}
