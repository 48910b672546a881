import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { LabModule, LabModuleVersion } from './lab-modules.js';

/**
 * Faults the lab GOPROXY serves, chosen by the first path element (`/<fault>/<module>/@v/…`).
 * `<fault>-on-<step>` applies the fault to one step only (e.g. `s403-on-zip`), the others are healthy.
 */
export const GOPROXY_FAULTS = [
  'ok', 's401', 's403', 's404', 's410', 's429', 's500', 's502', 'private410', 'auth',
  'stall-headers', 'stall-body', 'reset', 'eof', 'truncate', 'redirect-loop', 'html', 'not-zip',
  'tampered', 'other-version', 'slow',
] as const;

export type GoproxyFault = (typeof GOPROXY_FAULTS)[number];

export type GoproxyStep = 'list' | 'info' | 'mod' | 'zip' | 'latest' | 'sumdb';

/** One request the lab saw. The Authorization value itself is never kept. */
export interface LabRequest {
  readonly server: string;
  readonly method: string;
  readonly path: string;
  readonly host: string;
  readonly authorization: boolean;
}

/**
 * Answers `/sumdb/<name>/<rest>` (supported, lookup/…, tile/…, latest) for the checksum-DB stand-in;
 * resolves false when it does not serve that name or path (the lab then answers 404).
 */
export type SumdbHandler = (req: IncomingMessage, res: ServerResponse, name: string, rest: string) => boolean;

export interface FaultGoproxyOptions {
  readonly modules: ReadonlyMap<string, LabModule>;
  readonly log: LabRequest[];
  /** Added to every answer of the `slow` fault (`slow-<ms>` overrides it). */
  readonly latencyMs: number;
  /** Basic credentials the `auth` fault accepts. */
  readonly credentials: { readonly user: string; readonly password: string };
  readonly sumdb?: SumdbHandler;
  /** Requests that never get an answer; the lab destroys them on close. */
  readonly stalled: Set<ServerResponse>;
}

interface ParsedRequest {
  readonly fault: string;
  readonly onlyStep: GoproxyStep | null;
  readonly slowMs: number | null;
  readonly rest: string;
}

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };

const STATUS_BODIES: Record<string, readonly [number, string]> = {
  s401: [401, 'unauthorized: authentication required\n'],
  s403: [403, 'forbidden: artifact blocked by policy\n'],
  s429: [429, 'too many requests: rate limit exceeded, retry later\n'],
  s500: [500, 'internal server error\n'],
  s502: [502, 'bad gateway: upstream github.com unreachable\n'],
};

const LOGIN_PAGE = '<!DOCTYPE html>\n<html><head><title>Sign in - Corp SSO</title></head>\n'
  + '<body><form method="post" action="/login"><input name="user"><input name="password" type="password">'
  + '<button>Sign in</button></form></body></html>\n';

/** Records the request, for tests that assert the order of fall-through. */
export function recordLabRequest(log: LabRequest[], server: string, req: IncomingMessage): void {
  log.push({
    server,
    method: req.method ?? 'GET',
    path: req.url ?? '/',
    host: req.headers.host ?? '',
    authorization: req.headers.authorization !== undefined,
  });
}

function parseFaultPath(pathname: string): ParsedRequest | null {
  const match = /^\/([^/]+)\/(.*)$/.exec(pathname);
  if (match === null) return null;
  let fault = match[1] ?? '';
  let onlyStep: GoproxyStep | null = null;
  let slowMs: number | null = null;
  const only = /^(.+)-on-(list|info|mod|zip|latest|sumdb)$/.exec(fault);
  if (only !== null) {
    fault = only[1] ?? fault;
    onlyStep = (only[2] ?? null) as GoproxyStep | null;
  }
  const slow = /^slow-(\d+)$/.exec(fault);
  if (slow !== null) {
    fault = 'slow';
    slowMs = Number(slow[1]);
  }
  return { fault, onlyStep, slowMs, rest: match[2] ?? '' };
}

function parseStep(rest: string): { step: GoproxyStep; escaped: string; file: string } | null {
  if (rest.startsWith('sumdb/')) return { step: 'sumdb', escaped: '', file: rest.slice('sumdb/'.length) };
  const latest = /^(.+)\/@latest$/.exec(rest);
  if (latest !== null) return { step: 'latest', escaped: latest[1] ?? '', file: '' };
  const v = /^(.+)\/@v\/(list|.+\.(info|mod|zip))$/.exec(rest);
  if (v === null) return null;
  const file = v[2] ?? '';
  const step: GoproxyStep = file === 'list' ? 'list' : (v[3] as 'info' | 'mod' | 'zip');
  return { step, escaped: v[1] ?? '', file };
}

function sendText(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...TEXT, ...headers });
  res.end(body);
}

function findVersion(mod: LabModule | undefined, file: string): LabModuleVersion | undefined {
  const version = file.replace(/\.(info|mod|zip)$/, '').replace(/!([a-z])/g, (_, c: string) => c.toUpperCase());
  return mod?.versions.find((v) => v.version === version);
}

function formatInfo(version: string, time: string): string {
  return `${JSON.stringify({ Version: version, Time: time })}\n`;
}

function sendPrivateGone(res: ServerResponse, module: string): void {
  const host = module.split('/')[0] ?? module;
  sendText(res, 410, `not found: module ${module}: git ls-remote -q origin in /tmp/gopath/pkg/mod/cache/vcs/`
    + '3b0b4e1c9f1c2a7de5d9e0f3f6d8c1b2a4e5f60718293a4b5c6d7e8f9a0b1c2d: exit status 128:\n'
    + `\tfatal: could not read Username for 'https://${host}': terminal prompts disabled\n`
    + 'Confirm the import path was entered correctly.\n'
    + 'If this is a private repository, see https://golang.org/doc/faq#git_https for additional information.\n');
}

function isAuthorized(req: IncomingMessage, credentials: FaultGoproxyOptions['credentials']): boolean {
  const expected = `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`;
  return req.headers.authorization === expected;
}

function serveHealthy(res: ServerResponse, step: GoproxyStep, module: LabModule | undefined, file: string, tampered: boolean): void {
  if (module === undefined) {
    sendText(res, 404, 'not found: module unknown to the gomod-doctor lab\n');
    return;
  }
  const newest = module.versions.at(-1);
  if (step === 'list') {
    sendText(res, 200, module.versions.map((v) => `${v.version}\n`).join(''));
    return;
  }
  if (step === 'latest') {
    if (newest === undefined) sendText(res, 404, 'not found: no versions\n');
    else sendText(res, 200, formatInfo(newest.version, newest.time), { 'content-type': 'application/json' });
    return;
  }
  const version = findVersion(module, file);
  if (version === undefined) {
    sendText(res, 404, `not found: ${module.module}@${file.replace(/\.(info|mod|zip)$/, '')}: invalid version: unknown revision\n`);
    return;
  }
  if (step === 'info') sendText(res, 200, formatInfo(version.version, version.time), { 'content-type': 'application/json' });
  else if (step === 'mod') sendText(res, 200, version.content.mod);
  else {
    const zip = tampered ? version.tampered.zip : version.content.zip;
    res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(zip.length) });
    res.end(zip);
  }
}

function serveSumdb(req: IncomingMessage, res: ServerResponse, file: string, sumdb: SumdbHandler | undefined): void {
  const match = /^(.+?)\/(supported|latest|lookup\/.+|tile\/.+)$/.exec(file);
  if (match !== null && sumdb !== undefined && sumdb(req, res, match[1] ?? '', match[2] ?? '')) return;
  if (!res.headersSent) sendText(res, 404, 'not found\n');
}

/** Keeps a response unanswered until the client goes away or the lab closes. */
function holdStalled(res: ServerResponse, stalled: Set<ServerResponse>): void {
  stalled.add(res);
  res.on('close', () => stalled.delete(res));
}

/** Sends a TCP RST; a TLS socket is reset through the TCP socket under it (its handle is not a TCP handle). */
function resetConnection(socket: Socket): void {
  const raw = (socket as Socket & { _parent?: Socket | null })._parent ?? socket;
  raw.resetAndDestroy();
}

function serveFault(req: IncomingMessage, res: ServerResponse, fault: string, module: LabModule | undefined, body: { module: string; file: string }, options: FaultGoproxyOptions): boolean {
  const status = STATUS_BODIES[fault];
  if (status !== undefined) {
    sendText(res, status[0], status[1], fault === 's429' ? { 'retry-after': '30' } : fault === 's401' ? { 'www-authenticate': 'Basic realm="lab goproxy"' } : {});
    return true;
  }
  const socket: Socket = req.socket;
  switch (fault) {
    case 's404':
      sendText(res, 404, `not found: ${body.module}@${body.file}: no such module in this proxy\n`);
      return true;
    case 's410':
      sendText(res, 410, 'not found: gone\n');
      return true;
    case 'private410':
      sendPrivateGone(res, body.module);
      return true;
    case 'auth':
      if (isAuthorized(req, options.credentials)) return false;
      sendText(res, 401, 'unauthorized: authentication required\n', { 'www-authenticate': 'Basic realm="lab goproxy"' });
      return true;
    case 'stall-headers':
      holdStalled(res, options.stalled);
      return true;
    case 'stall-body':
      holdStalled(res, options.stalled);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '1048576' });
      res.flushHeaders();
      return true;
    case 'reset':
      resetConnection(socket);
      return true;
    case 'eof':
      socket.destroy();
      return true;
    case 'redirect-loop':
      res.writeHead(302, { location: req.url ?? '/', 'content-type': 'text/plain' });
      res.end('Found\n');
      return true;
    case 'html':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(LOGIN_PAGE);
      return true;
    default:
      return serveContentFault(req, res, fault, module, body.file);
  }
}

function serveContentFault(req: IncomingMessage, res: ServerResponse, fault: string, module: LabModule | undefined, file: string): boolean {
  const version = findVersion(module, file);
  if (fault === 'other-version' && version !== undefined && file.endsWith('.info')) {
    sendText(res, 200, formatInfo('v9.9.9', version.time), { 'content-type': 'application/json' });
    return true;
  }
  if (fault === 'not-zip' && file.endsWith('.zip')) {
    sendText(res, 200, 'this is not a zip file\n', { 'content-type': 'application/zip' });
    return true;
  }
  if (fault === 'truncate' && version !== undefined && file.endsWith('.zip')) {
    const zip = version.content.zip;
    res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(zip.length) });
    res.write(zip.subarray(0, Math.floor(zip.length / 2)), () => req.socket.destroy());
    return true;
  }
  return false;
}

/** Serves one GOPROXY-protocol request of the lab, applying the fault named by the first path element. */
export async function handleGoproxyRequest(req: IncomingMessage, res: ServerResponse, pathname: string, options: FaultGoproxyOptions): Promise<void> {
  const parsed = parseFaultPath(pathname);
  const target = parsed === null ? null : parseStep(parsed.rest);
  if (parsed === null || target === null) {
    sendText(res, 404, 'not found: not a GOPROXY path of the gomod-doctor lab\n');
    return;
  }
  const known = parsed.fault === 'ok' || (GOPROXY_FAULTS as readonly string[]).includes(parsed.fault);
  if (!known) {
    sendText(res, 404, `not found: unknown lab fault ${parsed.fault}\n`);
    return;
  }
  const applies = parsed.onlyStep === null || parsed.onlyStep === target.step;
  const fault = applies ? parsed.fault : 'ok';
  if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, parsed.slowMs ?? options.latencyMs));
  if (target.step === 'sumdb') {
    const sumdbFault = fault === 'tampered' || fault === 'slow' || fault === 'other-version' || fault === 'not-zip' || fault === 'truncate' ? 'ok' : fault;
    if (sumdbFault === 'ok' || !serveFault(req, res, sumdbFault, undefined, { module: 'sumdb', file: target.file }, options)) {
      serveSumdb(req, res, target.file, options.sumdb);
    }
    return;
  }
  const module = options.modules.get(target.escaped);
  const moduleName = module?.module ?? target.escaped;
  if (fault !== 'ok' && fault !== 'slow' && serveFault(req, res, fault, module, { module: moduleName, file: target.file || '@latest' }, options)) return;
  serveHealthy(res, target.step, module, target.file, fault === 'tampered');
}

/** Serves `/sumdb/<name>/…` outside any fault prefix (a direct GOSUMDB URL). */
export function handleSumdbRequest(req: IncomingMessage, res: ServerResponse, pathname: string, sumdb: SumdbHandler | undefined): void {
  serveSumdb(req, res, pathname.replace(/^\/sumdb\//, ''), sumdb);
}
