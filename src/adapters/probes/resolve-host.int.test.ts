import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createDnsResolver } from './resolve-host.js';

type Script = Readonly<Record<string, { readonly rcode: number; readonly a?: readonly string[] } | 'drop'>>;

/** A tiny authoritative responder: answers A from the script, AAAA with no data, drops what says 'drop'. */
async function startDnsResponder(script: Script): Promise<{ server: string; queries: string[] }> {
  const socket: UdpSocket = createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (packet, peer) => {
    const { name, type, end } = readQuestion(packet);
    queries.push(`${name}/${type}`);
    const entry = script[name] ?? { rcode: 3 };
    if (entry === 'drop') return;
    const answers = type === 1 ? entry.a ?? [] : [];
    const header = Buffer.alloc(12);
    packet.copy(header, 0, 0, 2);
    header.writeUInt16BE(0x8180 | entry.rcode, 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    const records = answers.map((ip) => {
      const rr = Buffer.alloc(16);
      rr.writeUInt16BE(0xc00c, 0);
      rr.writeUInt16BE(1, 2);
      rr.writeUInt16BE(1, 4);
      rr.writeUInt32BE(60, 6);
      rr.writeUInt16BE(4, 10);
      ip.split('.').forEach((octet, i) => rr.writeUInt8(Number(octet), 12 + i));
      return rr;
    });
    socket.send(Buffer.concat([header, packet.subarray(12, end), ...records]), peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => socket.close(() => resolve())));
  return { server: `127.0.0.1:${(socket.address() as AddressInfo).port}`, queries };
}

function readQuestion(packet: Buffer): { name: string; type: number; end: number } {
  const labels: string[] = [];
  let offset = 12;
  for (let length = packet.readUInt8(offset); length !== 0; length = packet.readUInt8(offset)) {
    labels.push(packet.subarray(offset + 1, offset + 1 + length).toString('latin1'));
    offset += length + 1;
  }
  return { name: labels.join('.').toLowerCase(), type: packet.readUInt16BE(offset + 1), end: offset + 5 };
}

/** A UDP port on which nothing listens (bound, then closed). */
async function findClosedUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address() as AddressInfo;
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

describe('createDnsResolver', () => {
  it('returns the A records and names the server it asked', async () => {
    const dns = await startDnsResponder({ 'goproxy.corp.example': { rcode: 0, a: ['127.0.0.1', '127.0.0.2'] } });
    const resolve = createDnsResolver({ servers: [dns.server], timeoutMs: 500, tries: 1 });
    await expect(resolve('goproxy.corp.example')).resolves.toEqual({ ok: true, addresses: ['127.0.0.1', '127.0.0.2'], server: dns.server });
    expect(dns.queries.sort()).toEqual(['goproxy.corp.example/1', 'goproxy.corp.example/28']);
  });

  it.each([
    ['nx.corp.example', { rcode: 3 }, 'DNS_NXDOMAIN', 'no such host'],
    ['empty.corp.example', { rcode: 0 }, 'DNS_NXDOMAIN', 'no such host'],
    ['servfail.corp.example', { rcode: 2 }, 'DNS_SERVFAIL', 'server misbehaving'],
    ['refused.corp.example', { rcode: 5 }, 'DNS_SERVFAIL', 'server misbehaving'],
    ['slow.corp.example', 'drop', 'DNS_TIMEOUT', 'i/o timeout'],
  ] as const)('maps %s to %s', async (name, behaviour, code, words) => {
    const dns = await startDnsResponder({ [name]: behaviour });
    const resolve = createDnsResolver({ servers: [dns.server], timeoutMs: 100, tries: 1 });
    const answer = await resolve(name);
    expect(answer).toEqual({ ok: false, code, server: dns.server, detail: `dial tcp: lookup ${name} on ${dns.server}: ${words}` });
  });

  it('reports a closed resolver port as unreachable', async () => {
    const port = await findClosedUdpPort();
    const resolve = createDnsResolver({ servers: [`127.0.0.1:${port}`], timeoutMs: 200, tries: 1 });
    const answer = await resolve('goproxy.corp.example');
    expect(answer).toMatchObject({ ok: false, code: 'DNS_UNREACHABLE', server: `127.0.0.1:${port}` });
  });

  it('answers IP literals, localhost and pinned hosts without a query', async () => {
    const dns = await startDnsResponder({});
    const resolve = createDnsResolver({ servers: [dns.server], timeoutMs: 100, tries: 1, hosts: { 'pinned.corp.example': ['127.0.0.9'] } });
    await expect(resolve('127.0.0.1')).resolves.toEqual({ ok: true, addresses: ['127.0.0.1'], server: null });
    await expect(resolve('[::1]')).resolves.toEqual({ ok: true, addresses: ['::1'], server: null });
    await expect(resolve('localhost')).resolves.toEqual({ ok: true, addresses: ['127.0.0.1'], server: null });
    await expect(resolve('Pinned.corp.example')).resolves.toEqual({ ok: true, addresses: ['127.0.0.9'], server: null });
    expect(dns.queries).toEqual([]);
  });
});
