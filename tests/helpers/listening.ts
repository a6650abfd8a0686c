/**
 * Which addresses a TCP port is listened on, read from the kernel's socket tables (Linux
 * /proc/net/tcp and tcp6): what any process would see, whatever the server says of itself.
 */
import { existsSync, readFileSync } from 'node:fs';

const LISTEN = '0A';

/** `0100007F` → `127.0.0.1` (IPv4 in /proc is little-endian per 32-bit word). */
function ipv4(hex: string): string {
  return [6, 4, 2, 0].map((i) => parseInt(hex.slice(i, i + 2), 16)).join('.');
}

/** 32 hex digits, four little-endian words → a compact text form good enough to compare. */
function ipv6(hex: string): string {
  const bytes: number[] = [];
  for (let w = 0; w < 4; w++) for (const i of [6, 4, 2, 0]) bytes.push(parseInt(hex.slice(w * 8 + i, w * 8 + i + 2), 16));
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) return `::ffff:${bytes.slice(12).join('.')}`;
  const groups = Array.from({ length: 8 }, (_, k) => ((bytes[2 * k]! << 8) | bytes[2 * k + 1]!).toString(16));
  return groups.join(':').replace(/\b(?:0:)+0\b/, ':').replace(/^:?:/, '::');
}

export const procAvailable = (): boolean => existsSync('/proc/net/tcp');

/** Every local address a socket listens on at `port`. */
export function listeningAddresses(port: number): string[] {
  const out: string[] = [];
  for (const [file, decode] of [['/proc/net/tcp', ipv4], ['/proc/net/tcp6', ipv6]] as const) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 4 || cols[3] !== LISTEN) continue;
      const [addr, hexPort] = cols[1]!.split(':');
      if (parseInt(hexPort!, 16) === port) out.push(decode(addr!));
    }
  }
  return out;
}

/** Loopback only: 127.0.0.0/8, ::1, or IPv4-mapped 127.x. */
export const isLoopback = (address: string): boolean => /^127\./.test(address) || address === '::1' || /^::ffff:127\./.test(address);
