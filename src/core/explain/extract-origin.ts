import type { StepKind } from '../diagnosis.js';

/**
 * The URL's origin as the hop table prints it: scheme and host[:port], credentials removed
 * (`https://u:xxxxx@h:8443/p` → `https://h:8443`). Accepts Go 1.19's `https:/h/…` (golang/go#52727).
 */
export function extractOrigin(url: string): string | null {
  const colon = url.indexOf(':/');
  if (colon <= 0) return null;
  const scheme = url.slice(0, colon).toLowerCase();
  if (!/^[a-z][a-z0-9+.-]*$/.test(scheme)) return null;
  if (scheme === 'file') return 'file://';
  const hostStart = url.charCodeAt(colon + 2) === 47 /* / */ ? colon + 3 : colon + 2;
  let hostEnd = url.length;
  for (let i = hostStart; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */ || c === 32 || c === 34 /* " */) {
      hostEnd = i;
      break;
    }
  }
  const authority = url.slice(hostStart, hostEnd);
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  return host === '' ? null : `${scheme}://${host.toLowerCase()}`;
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
