import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLabCa } from './lab-certs.js';
import { startLab } from './start-lab.js';
import type { Lab } from './start-lab.js';

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

interface GetOptions {
  readonly host?: string;
  readonly servername?: string;
  readonly auth?: string;
  readonly timeoutMs?: number;
}

const ca = readLabCa();

/** GET with node's own client, trusting the lab CA; rejects with the client's error code. */
function get(url: string, options: GetOptions = {}): Promise<Answer> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (options.host !== undefined) headers.host = options.host;
    if (options.auth !== undefined) headers.authorization = `Basic ${Buffer.from(options.auth).toString('base64')}`;
    const req = request(url, { ca, headers, agent: false, ...(options.servername === undefined ? {} : { servername: options.servername }) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(options.timeoutMs ?? 5000, () => req.destroy(Object.assign(new Error('lab test timeout'), { code: 'TEST_TIMEOUT' })));
    req.on('error', reject);
    req.end();
  });
}

/** Resolves 'connected' or 'no answer' after `ms`; the black hole must give the latter. */
function tryConnect(port: number, ms: number): Promise<'connected' | 'no answer' | 'refused'> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const timer = setTimeout(() => { socket.destroy(); resolve('no answer'); }, ms);
    socket.once('connect', () => { clearTimeout(timer); socket.destroy(); resolve('connected'); });
    socket.once('error', () => { clearTimeout(timer); resolve('refused'); });
  });
}

describe('startLab', () => {
  let lab: Lab;
  const hello = 'corp.example/hello';
  beforeAll(async () => { lab = await startLab({ latencyMs: 20 }); });
  afterAll(async () => { await lab.close(); });

  it('serves a consistent module over the healthy fault', async () => {
    const base = `${lab.urls.trusted}/ok/${hello}/@v`;
    expect((await get(`${base}/list`)).body.toString()).toBe('v1.0.0\nv1.1.0\n');
    expect(JSON.parse((await get(`${base}/v1.0.0.info`)).body.toString())).toMatchObject({ Version: 'v1.0.0' });
    expect((await get(`${base}/v1.0.0.mod`)).body.toString()).toBe(`module ${hello}\n\ngo 1.19\n`);
    const zip = await get(`${base}/v1.0.0.zip`);
    expect(zip.status).toBe(200);
    expect(zip.body.equals(lab.modules.get(hello)?.versions[0]?.content.zip ?? Buffer.alloc(0))).toBe(true);
    expect(JSON.parse((await get(`${lab.urls.trusted}/ok/${hello}/@latest`)).body.toString())).toMatchObject({ Version: 'v1.1.0' });
  });

  it('serves case-encoded module paths', async () => {
    const answer = await get(`${lab.urls.trusted}/ok/corp.example/!big!corp/!lib/@v/v1.0.0.mod`);
    expect(answer.body.toString()).toContain('module corp.example/BigCorp/Lib');
  });

  it.each([
    ['s401', 401, 'unauthorized'],
    ['s403', 403, 'forbidden: artifact blocked by policy'],
    ['s404', 404, 'not found'],
    ['s410', 410, 'not found: gone'],
    ['s429', 429, 'too many requests'],
    ['s500', 500, 'internal server error'],
    ['s502', 502, 'bad gateway'],
    ['private410', 410, 'terminal prompts disabled'],
  ])('answers %s with status %i and a text/plain body', async (fault, status, text) => {
    const answer = await get(`${lab.urls.trusted}/${fault}/${hello}/@v/v1.0.0.info`);
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toMatch(/^text\/plain/);
    expect(answer.body.toString()).toContain(text);
  });

  it('fails only the named step with <fault>-on-<step>', async () => {
    expect((await get(`${lab.urls.trusted}/s403-on-zip/${hello}/@v/v1.0.0.info`)).status).toBe(200);
    expect((await get(`${lab.urls.trusted}/s403-on-zip/${hello}/@v/v1.0.0.zip`)).status).toBe(403);
  });

  it('accepts the lab credentials on the auth fault and refuses without them', async () => {
    expect((await get(`${lab.urls.trusted}/auth/${hello}/@v/v1.0.0.info`)).status).toBe(401);
    expect((await get(`${lab.urls.trusted}/auth/${hello}/@v/v1.0.0.info`, { auth: 'alice:s3cret' })).status).toBe(200);
  });

  it('records requests without the credentials', async () => {
    await get(`${lab.urls.trusted}/auth/${hello}/@v/v1.1.0.info`, { auth: 'alice:s3cret' });
    expect(lab.requests.at(-1)).toEqual({ server: 'trusted', method: 'GET', path: `/auth/${hello}/@v/v1.1.0.info`, host: `127.0.0.1:${lab.httpsPort}`, authorization: true });
    expect(JSON.stringify(lab.requests)).not.toContain('s3cret');
  });

  it('never answers on stall-headers', async () => {
    await expect(get(`${lab.urls.trusted}/stall-headers/${hello}/@v/v1.0.0.info`, { timeoutMs: 300 })).rejects.toMatchObject({ code: 'TEST_TIMEOUT' });
  });

  it('sends headers and then nothing on stall-body', async () => {
    await expect(get(`${lab.urls.trusted}/stall-body/${hello}/@v/v1.0.0.zip`, { timeoutMs: 300 })).rejects.toMatchObject({ code: 'TEST_TIMEOUT' });
  });

  it('resets the connection on reset and closes it on eof', async () => {
    await expect(get(`${lab.urls.http}/reset/${hello}/@v/v1.0.0.info`)).rejects.toMatchObject({ code: 'ECONNRESET' });
    await expect(get(`${lab.urls.trusted}/reset/${hello}/@v/v1.0.0.info`)).rejects.toMatchObject({ code: 'ECONNRESET' });
    await expect(get(`${lab.urls.http}/eof/${hello}/@v/v1.0.0.info`)).rejects.toMatchObject({ message: 'socket hang up' });
  });

  it('cuts a zip in the middle on truncate', async () => {
    await expect(get(`${lab.urls.http}/truncate/${hello}/@v/v1.0.0.zip`)).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('redirects to itself on redirect-loop', async () => {
    const path = `/redirect-loop/${hello}/@v/v1.0.0.info`;
    const answer = await get(`${lab.urls.trusted}${path}`);
    expect([answer.status, answer.headers.location]).toEqual([302, path]);
  });

  it('serves a login page on html and a bad zip on not-zip', async () => {
    const html = await get(`${lab.urls.trusted}/html/${hello}/@v/v1.0.0.info`);
    expect([html.status, html.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect((await get(`${lab.urls.trusted}/not-zip/${hello}/@v/v1.0.0.zip`)).body.toString()).toBe('this is not a zip file\n');
  });

  it('serves other bits on tampered and another version on other-version', async () => {
    const honest = lab.modules.get(hello)?.versions[0];
    const tampered = await get(`${lab.urls.trusted}/tampered/${hello}/@v/v1.0.0.zip`);
    expect(tampered.body.equals(honest?.content.zip ?? Buffer.alloc(0))).toBe(false);
    expect(honest?.tampered.h1).not.toBe(honest?.content.h1);
    expect((await get(`${lab.urls.trusted}/tampered/${hello}/@v/v1.0.0.mod`)).body.toString()).toBe(honest?.content.mod);
    expect(JSON.parse((await get(`${lab.urls.trusted}/other-version/${hello}/@v/v1.0.0.info`)).body.toString())).toMatchObject({ Version: 'v9.9.9' });
  });

  it('serves the checksum database through the proxy', async () => {
    expect((await get(`${lab.urls.trusted}/ok/sumdb/${lab.sumdb.name}/supported`)).status).toBe(200);
    const lookup = await get(`${lab.urls.trusted}/ok/sumdb/${lab.sumdb.name}/lookup/${hello}@v1.0.0`);
    expect(lookup.body.toString()).toContain(`${hello} v1.0.0 ${lab.modules.get(hello)?.versions[0]?.content.h1}`);
    expect((await get(`${lab.urls.trusted}/ok/sumdb/${lab.sumdb.name}/lookup/corp.example/private@v1.0.0`)).status).toBe(404);
    expect((await get(`${lab.urls.trusted}/ok/sumdb/sum.golang.org/supported`)).status).toBe(404);
  });

  it('fails TLS verification on the unknown-authority, expired and wrong-name servers', async () => {
    await expect(get(`${lab.urls.unknownAuthority}/ok/${hello}/@v/list`)).rejects.toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    await expect(get(`${lab.urls.expired}/ok/${hello}/@v/list`)).rejects.toMatchObject({ code: 'CERT_HAS_EXPIRED' });
    await expect(get(`${lab.urls.wrongName}/ok/${hello}/@v/list`)).rejects.toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
  });

  it('picks the certificate by SNI for the lab fault names', async () => {
    await expect(get(`${lab.urls.trusted}/ok/${hello}/@v/list`, { servername: 'expired.corp.example', host: 'expired.corp.example' })).rejects.toMatchObject({ code: 'CERT_HAS_EXPIRED' });
    expect((await get(`${lab.urls.trusted}/ok/${hello}/@v/list`, { servername: 'goproxy.corp.example', host: 'goproxy.corp.example' })).status).toBe(200);
  });

  it('refuses on refusedUrl and drops SYNs on blackholeUrl while the trusted port connects', async () => {
    expect(await tryConnect(Number(new URL(lab.refusedUrl).port), 500)).toBe('refused');
    expect(await tryConnect(Number(new URL(lab.blackholeUrl).port), 500)).toBe('no answer');
    expect(await tryConnect(lab.httpsPort, 500)).toBe('connected');
  });

  it('stalls the TLS handshake, resets on connect and answers HTTP to TLS', async () => {
    await expect(get(`${lab.tlsStallUrl}/ok/${hello}/@v/list`, { timeoutMs: 300 })).rejects.toMatchObject({ code: 'TEST_TIMEOUT' });
    await expect(get(`${lab.resetUrl}/ok/${hello}/@v/list`)).rejects.toMatchObject({ code: 'ECONNRESET' });
    const answer = await new Promise<string>((resolve) => {
      const socket = tlsConnect({ port: lab.httpPort, host: '127.0.0.1', ca });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    expect(answer).toBe('ERR_SSL_WRONG_VERSION_NUMBER');
  });

  it('answers go-get discovery by Host header', async () => {
    const base = lab.urls.trusted;
    const mod = await get(`${base}/private?go-get=1`, { host: 'vanity.corp.example' });
    expect(mod.body.toString()).toContain(`<meta name="go-import" content="vanity.corp.example/private mod ${lab.urls.trusted}/ok">`);
    const git = await get(`${base}/secret?go-get=1`, { host: 'vanity.corp.example' });
    expect(git.body.toString()).toContain(`content="vanity.corp.example/secret git ${lab.urls.trusted}/git/secret"`);
    const nometa = await get(`${base}/nometa?go-get=1`, { host: 'vanity.corp.example' });
    expect([nometa.status, nometa.body.toString().includes('go-import')]).toEqual([200, false]);
    expect((await get(`${base}/notfound?go-get=1`, { host: 'vanity.corp.example' })).status).toBe(404);
  });

  it('wants credentials on the git endpoint', async () => {
    const refs = await get(`${lab.urls.trusted}/git/secret/info/refs?service=git-upload-pack`);
    expect([refs.status, refs.headers['www-authenticate']]).toEqual([401, 'Basic realm="lab"']);
    expect((await get(`${lab.urls.trusted}/git/secret/info/refs?service=git-upload-pack`, { auth: 'alice:s3cret' })).status).toBe(404);
  });

  it('maps lab host names to its ports and leaves other names alone', () => {
    expect(lab.connectTo('vanity.corp.example', 443)).toEqual({ host: '127.0.0.1', port: lab.httpsPort });
    expect(lab.connectTo('goproxy.corp.example', 80)).toEqual({ host: '127.0.0.1', port: lab.httpPort });
    expect(lab.connectTo('nxdomain.corp.example', 443)).toBeNull();
    expect(lab.connectTo('proxy.golang.org', 443)).toBeNull();
  });

  it('delays the slow fault', async () => {
    const answer = await get(`${lab.urls.trusted}/slow-10/${hello}/@v/v1.0.0.info`);
    expect(answer.status).toBe(200);
  });
});

describe('startLab close', () => {
  it('starts and closes with nothing left listening', async () => {
    const lab = await startLab();
    const ports = [lab.httpsPort, lab.httpPort, Number(new URL(lab.connectProxy.pass).port)];
    await lab.close();
    for (const port of ports) expect(await tryConnect(port, 500)).toBe('refused');
  });

  it('closes while a request is stalled, cutting it', async () => {
    const lab = await startLab();
    const stalled = get(`${lab.urls.trusted}/stall-headers/corp.example/hello/@v/list`, { timeoutMs: 30_000 })
      .then(() => 'answered', (error: NodeJS.ErrnoException) => error.code);
    while (!lab.requests.some((r) => r.path.startsWith('/stall-headers/'))) await new Promise((resolve) => setImmediate(resolve));
    await lab.close();
    expect(await stalled).toBe('ECONNRESET');
  });
});
