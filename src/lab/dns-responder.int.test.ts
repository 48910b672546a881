import { createSocket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsResponder } from './dns-responder.js';
import type { DnsResponder } from './dns-responder.js';

describe('startDnsResponder', () => {
  let dns: DnsResponder;
  let resolver: Resolver;
  beforeAll(async () => {
    dns = await startDnsResponder();
    resolver = new Resolver({ timeout: 200, tries: 1 });
    resolver.setServers([`${dns.host}:${dns.port}`]);
  });
  afterAll(async () => { await dns.close(); });

  it('answers A records for lab names with 127.0.0.1', async () => {
    expect(await resolver.resolve4('goproxy.corp.example')).toEqual(['127.0.0.1']);
    expect(await resolver.resolve4('Vanity.Corp.Example')).toEqual(['127.0.0.1']);
  });

  it('answers AAAA with no records and NOERROR', async () => {
    await expect(resolver.resolve6('goproxy.corp.example')).rejects.toMatchObject({ code: 'ENODATA' });
  });

  it('answers NXDOMAIN for the nxdomain name and for names outside the lab', async () => {
    await expect(resolver.resolve4('nxdomain.corp.example')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(resolver.resolve4('proxy.golang.org')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });

  it('answers SERVFAIL for the servfail name', async () => {
    await expect(resolver.resolve4('servfail.corp.example')).rejects.toMatchObject({ code: 'ESERVFAIL' });
  });

  it('never answers for the silent name', async () => {
    await expect(resolver.resolve4('silent.corp.example')).rejects.toMatchObject({ code: 'ETIMEOUT' });
    expect(dns.queries.some((q) => q.name === 'silent.corp.example' && q.behaviour === 'silence')).toBe(true);
  });

  it('answers a raw query that carries an EDNS0 OPT record, echoing its id', async () => {
    const name = Buffer.concat(['sum', 'corp', 'example'].map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)])));
    const query = Buffer.concat([
      Buffer.from([0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 1]),
      name, Buffer.from([0, 0, 1, 0, 1]),
      Buffer.from([0, 0, 41, 0x10, 0x00, 0, 0, 0, 0, 0, 0]),
    ]);
    const socket = createSocket('udp4');
    const answer = await new Promise<Buffer>((resolve) => {
      socket.once('message', resolve);
      socket.send(query, dns.port, dns.host);
    });
    socket.close();
    expect([answer.readUInt16BE(0), answer.readUInt16BE(2) & 0x000f, answer.readUInt16BE(6)]).toEqual([0x1234, 0, 1]);
    expect([...answer.subarray(-4)]).toEqual([127, 0, 0, 1]);
  });
});
