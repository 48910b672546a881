import { performance } from 'node:perf_hooks';
import type { PeerCertificate } from 'node:tls';

/**
 * A TLS session to offer on the next handshake with the same peer, and the certificate that peer
 * presented on the full handshake it came from: a resumed handshake shows the client no certificate,
 * yet the report still needs its validity (days left) and name.
 */
export interface TlsSessionEntry {
  readonly session: Buffer;
  readonly certificate: PeerCertificate;
}

/** Sessions by peer (`proxy|host:port|servername`); only verified handshakes put sessions here. */
export interface TlsSessionCache {
  get(key: string): TlsSessionEntry | undefined;
  set(key: string, entry: TlsSessionEntry): void;
  delete(key: string): void;
}

export interface TlsSessionCacheOptions {
  /** Peers kept at once; the least recently used goes first (default 256). */
  readonly maxEntries?: number;
  /** A session older than this is not offered, so a changed certificate is seen within it (default 10 min). */
  readonly maxAgeMs?: number;
  /** Monotonic milliseconds (default performance.now). */
  readonly now?: () => number;
}

/**
 * An opt-in session store for the probe runner (TLS session resumption). Every phase still happens
 * (DNS, TCP, a TLS handshake round trip); what is skipped is the key exchange's CPU and the chain
 * verification, which the offered session already passed. Not for `diagnose`: its handshakes stay full.
 */
export function createTlsSessionCache(options: TlsSessionCacheOptions = {}): TlsSessionCache {
  const maxEntries = options.maxEntries ?? 256;
  const maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
  const now = options.now ?? (() => performance.now());
  const entries = new Map<string, { readonly entry: TlsSessionEntry; readonly storedAt: number }>();
  return {
    get(key) {
      const kept = entries.get(key);
      if (kept === undefined) return undefined;
      if (now() - kept.storedAt > maxAgeMs) {
        entries.delete(key);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, kept); // most recently used last
      return kept.entry;
    },
    set(key, entry) {
      entries.delete(key);
      entries.set(key, { entry, storedAt: now() });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done === true) break;
        entries.delete(oldest.value);
      }
    },
    delete(key) {
      entries.delete(key);
    },
  };
}
