import { describe, expect, it, onTestFinished } from 'vitest';
import { computeTreeHash, hashRecord } from './merkle-tree.js';
import { startSumdbServer } from './start-sumdb-server.js';

const RECORDS = [
  { module: 'corp.example/BigCorp/Lib', version: 'v1.0.0', h1: 'h1:AAAA', modH1: 'h1:BBBB' },
  { module: 'corp.example/hello', version: 'v1.0.0', h1: 'h1:CCCC', modH1: 'h1:DDDD' },
];
const TEXTS = [
  'corp.example/BigCorp/Lib v1.0.0 h1:AAAA\ncorp.example/BigCorp/Lib v1.0.0/go.mod h1:BBBB\n',
  'corp.example/hello v1.0.0 h1:CCCC\ncorp.example/hello v1.0.0/go.mod h1:DDDD\n',
];

async function startInsideProxy() {
  const server = await startSumdbServer({ name: 'sum.lab.example', records: RECORDS, basePath: '/sumdb/sum.lab.example' });
  onTestFinished(() => server.close());
  const origin = server.url.slice(0, server.url.indexOf('/sumdb/'));
  const get = async (path: string) => {
    const response = await fetch(`${origin}${path}`);
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  };
  return { server, get };
}

describe('createSumdb', () => {
  it('signs a tree head over the records in the given order', async () => {
    const { get } = await startInsideProxy();
    const latest = await get('/sumdb/sum.lab.example/latest');
    const root = computeTreeHash(TEXTS.map((text) => hashRecord(text))).toString('base64');
    expect(latest.status).toBe(200);
    expect(latest.body.toString()).toMatch(new RegExp(`^go\\.sum database tree\\n2\\n${root.replace(/[+/]/g, '\\$&')}\\n\\n\u2014 sum\\.lab\\.example \\S+\\n$`));
  });

  it('answers a lookup by escaped path with the record id, its text and the signed tree head', async () => {
    const { get } = await startInsideProxy();
    const latest = (await get('/sumdb/sum.lab.example/latest')).body.toString();
    const lookup = await get('/sumdb/sum.lab.example/lookup/corp.example/!big!corp/!lib@v1.0.0');
    expect(lookup.status).toBe(200);
    expect(lookup.body.toString()).toBe(`0\n${TEXTS[0]}\n${latest}`);
  });

  it('serves hash tiles, data tiles and /supported, and records the paths asked for', async () => {
    const { server, get } = await startInsideProxy();
    expect(await get('/sumdb/sum.lab.example/tile/8/0/000.p/2')).toEqual({
      status: 200,
      body: Buffer.concat(TEXTS.map((text) => hashRecord(text))),
    });
    expect((await get('/sumdb/sum.lab.example/tile/8/data/000.p/2')).body.toString()).toBe(`0\n${TEXTS[0]}\n1\n${TEXTS[1]}\n`);
    expect((await get('/sumdb/sum.lab.example/supported')).status).toBe(200);
    expect(server.sumdb.requests).toEqual(['/tile/8/0/000.p/2', '/tile/8/data/000.p/2', '/supported']);
  });

  it.each([
    ['/sumdb/sum.lab.example/lookup/corp.example/hello@v1.0.1', 404],
    ['/sumdb/sum.lab.example/lookup/corp.example/hello@latest', 400],
    ['/sumdb/sum.lab.example/tile/8/0/000.p/3', 404],
    ['/sumdb/sum.lab.example/tile/8/0/000', 404],
    ['/sumdb/sum.lab.example/tile/8/0/0', 400],
    ['/sumdb/sum.lab.example/nothing', 404],
    ['/lookup/corp.example/hello@v1.0.0', 404],
  ])('answers %s with %i', async (path, status) => {
    const { get } = await startInsideProxy();
    expect((await get(path)).status).toBe(status);
  });
});
