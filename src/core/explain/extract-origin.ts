import type { StepKind } from '../diagnosis.js';

// scheme://[userinfo@]host[:port]; Go 1.19 prints `https:/host/…` for zip body reads (golang/go#52727).
const ORIGIN = /^([a-z][a-z0-9+.-]*):\/\/?(?:[^/@\s]*@)?([^/\s?#]*)/i;

/** The URL's origin as the hop table prints it: scheme and host[:port], credentials removed. */
export function extractOrigin(url: string): string | null {
  const m = ORIGIN.exec(url);
  if (!m?.[1] || m[2] === undefined) return null;
  const scheme = m[1].toLowerCase();
  if (scheme === 'file') return 'file://';
  if (m[2] === '') return null;
  return `${scheme}://${m[2].toLowerCase()}`;
}

/** Removes userinfo from a URL (`https://u:p@h/x` → `https://h/x`) and repairs Go 1.19's `https:/h`. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*):\/\/?(?:[^/@\s]*@)?/i, (_all, scheme: string) => `${scheme.toLowerCase()}://`);
}

/** The request kind a URL stands for, from the GOPROXY protocol, the checksum DB and go-get paths. */
export function inferStepFromUrl(url: string): StepKind | null {
  const scheme = url.indexOf(':/');
  const hostStart = scheme === -1 ? 0 : url.charCodeAt(scheme + 2) === 47 ? scheme + 3 : scheme + 2;
  const slash = url.indexOf('/', hostStart);
  const path = slash === -1 ? '' : url.slice(slash);
  if (path.includes('go-get=1')) return 'discovery';
  if (path.includes('/lookup/') || path.includes('/tile/')) return 'sumdb-lookup';
  if (path.endsWith('/supported')) return 'sumdb-supported';
  if (path.endsWith('/@v/list')) return 'list';
  if (path.endsWith('/@latest')) return 'latest';
  if (path.endsWith('.info')) return 'info';
  if (path.endsWith('.mod')) return 'mod';
  if (path.endsWith('.zip')) return 'zip';
  if (path.includes('/info/refs') || path.endsWith('.git') || path.endsWith('.git/')) return 'git-refs';
  return null;
}

/** True when the URL is a checksum-DB request (direct, or proxied under `/sumdb/`). */
export function isSumdbUrl(url: string): boolean {
  return url.includes('/lookup/') || url.includes('/tile/') || url.includes('/sumdb/') || /^https?:\/\/sum\.golang\./i.test(url);
}
