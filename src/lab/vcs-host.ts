import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the lab's vanity host answers to `https://<import path>?go-get=1` (https://go.dev/ref/mod#vcs-find). */
type DiscoveryAnswer =
  | { readonly kind: 'mod'; readonly proxyPath: string }
  | { readonly kind: 'git'; readonly repoPath: string }
  | { readonly kind: 'no-meta' }
  | { readonly kind: 'not-found' };

/** Import paths the lab's discovery host knows. Anything else gets a 404. */
const LAB_DISCOVERY: Readonly<Record<string, DiscoveryAnswer>> = {
  // Private module reached in direct mode: a `mod` tag pointing back at the lab GOPROXY (no git needed).
  'vanity.corp.example/private': { kind: 'mod', proxyPath: '/ok' },
  // Private git repository that wants credentials (git smart HTTP answers 401).
  'vanity.corp.example/secret': { kind: 'git', repoPath: '/git/secret' },
  // An SSO or wiki page with no go-import tag.
  'vanity.corp.example/nometa': { kind: 'no-meta' },
  'vanity.corp.example/notfound': { kind: 'not-found' },
  // Served on the host whose certificate is expired (SNI): reachable only with GOINSECURE.
  'expired.corp.example/legacy': { kind: 'mod', proxyPath: '/ok' },
};

/** Credentials the git endpoint accepts (it then answers that the repository does not exist). */
const GIT_USER = 'alice';
const GIT_PASSWORD = 's3cret';

function hostWithoutPort(host: string): string {
  return host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
}

/** Where the meta tags point: the lab's trusted HTTPS server, by IP and port or (on port 443) by name. */
export interface DiscoveryBases {
  readonly proxy: string;
  readonly git: string;
}

/** Answers go-get discovery for the lab's vanity host (https://go.dev/ref/mod#vcs-find). */
export function handleDiscoveryRequest(req: IncomingMessage, res: ServerResponse, pathname: string, bases: DiscoveryBases): void {
  const importPath = `${hostWithoutPort(req.headers.host ?? '')}${pathname}`.replace(/\/$/, '');
  const answer = LAB_DISCOVERY[importPath];
  if (answer === undefined || answer.kind === 'not-found') {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('404 page not found\n');
    return;
  }
  const meta = answer.kind === 'mod'
    ? `<meta name="go-import" content="${importPath} mod ${bases.proxy}${answer.proxyPath}">\n`
    : answer.kind === 'git'
      ? `<meta name="go-import" content="${importPath} git ${bases.git}${answer.repoPath}">\n`
      : '';
  const title = answer.kind === 'no-meta' ? 'Corp Wiki - Sign in' : importPath;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!DOCTYPE html>\n<html><head>\n<title>${title}</title>\n${meta}</head>\n<body>gomod-doctor lab</body></html>\n`);
}

/**
 * Git smart HTTP that wants credentials: 401 with `WWW-Authenticate: Basic` without them, and
 * "repository not found" (404) with the lab's own, so nothing but the auth step is modelled.
 */
export function handleGitRequest(req: IncomingMessage, res: ServerResponse): void {
  const expected = `Basic ${Buffer.from(`${GIT_USER}:${GIT_PASSWORD}`).toString('base64')}`;
  if (req.headers.authorization !== expected) {
    res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Basic realm="lab"' });
    res.end('authentication required\n');
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('repository not found\n');
}
