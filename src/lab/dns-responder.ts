import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';

/** How the responder treats one name. */
export type DnsBehaviour = 'answer' | 'nxdomain' | 'servfail' | 'silence';

/** The lab's DNS faults; every other name under `corp.example` resolves to 127.0.0.1, the rest is NXDOMAIN. */
export const LAB_DNS_NAMES: Readonly<Record<string, DnsBehaviour>> = {
  'nxdomain.corp.example': 'nxdomain',
  'servfail.corp.example': 'servfail',
  'silent.corp.example': 'silence',
};

export interface DnsQuery {
  readonly name: string;
  readonly type: number;
  readonly behaviour: DnsBehaviour;
}

export interface DnsResponder {
  readonly host: string;
  readonly port: number;
  readonly queries: readonly DnsQuery[];
  close(): Promise<void>;
}

export interface DnsResponderOptions {
  readonly port?: number;
  readonly host?: string;
  /** Overrides per name (lower case, no trailing dot). */
  readonly names?: Readonly<Record<string, DnsBehaviour>>;
}

const TYPE_A = 1;
const RCODE_NOERROR = 0;
const RCODE_SERVFAIL = 2;
const RCODE_NXDOMAIN = 3;
const LOOPBACK = [127, 0, 0, 1];

interface Question {
  readonly name: string;
  readonly type: number;
  /** The question section exactly as received (echoed in the answer). */
  readonly raw: Buffer;
}

/** Parses the header and first question of a DNS query (RFC 1035 §4.1); null when malformed. */
function parseDnsQuestion(msg: Buffer): Question | null {
  if (msg.length < 12 || msg.readUInt16BE(4) < 1) return null;
  const labels: string[] = [];
  let offset = 12;
  for (;;) {
    const len = msg[offset];
    if (len === undefined || len > 63) return null;
    offset += 1;
    if (len === 0) break;
    if (offset + len > msg.length) return null;
    labels.push(msg.toString('latin1', offset, offset + len));
    offset += len;
  }
  if (offset + 4 > msg.length) return null;
  return { name: labels.join('.').toLowerCase(), type: msg.readUInt16BE(offset), raw: msg.subarray(12, offset + 4) };
}

/** Encodes the answer to `query`: one A record for 127.0.0.1 when `address` is set, none otherwise. */
function encodeDnsAnswer(query: Buffer, question: Question, rcode: number, address: readonly number[] | null): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0);
  const opcodeAndRd = query.readUInt16BE(2) & 0x7900;
  header.writeUInt16BE(0x8000 | opcodeAndRd | 0x0400 | 0x0080 | rcode, 2); // QR, AA, RA
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(address === null ? 0 : 1, 6);
  const parts = [header, question.raw];
  if (address !== null) {
    const rr = Buffer.alloc(16);
    rr.writeUInt16BE(0xc00c, 0); // pointer to the question's name
    rr.writeUInt16BE(TYPE_A, 2);
    rr.writeUInt16BE(1, 4); // IN
    rr.writeUInt32BE(60, 6);
    rr.writeUInt16BE(4, 10);
    address.forEach((octet, i) => rr.writeUInt8(octet, 12 + i));
    parts.push(rr);
  }
  return Buffer.concat(parts);
}

function decideBehaviour(name: string, names: Readonly<Record<string, DnsBehaviour>>): DnsBehaviour {
  const fixed = names[name] ?? LAB_DNS_NAMES[name];
  if (fixed !== undefined) return fixed;
  return name === 'corp.example' || name.endsWith('.corp.example') || name === 'localhost' ? 'answer' : 'nxdomain';
}

/** Starts a UDP DNS responder on loopback (port 0 = any; 53 inside the recorder's network namespace). */
export async function startDnsResponder(options: DnsResponderOptions = {}): Promise<DnsResponder> {
  const host = options.host ?? '127.0.0.1';
  const names = options.names ?? {};
  const queries: DnsQuery[] = [];
  const socket = createSocket('udp4');
  socket.on('message', (msg, rinfo) => {
    const question = parseDnsQuestion(msg);
    if (question === null) return;
    const behaviour = decideBehaviour(question.name, names);
    queries.push({ name: question.name, type: question.type, behaviour });
    if (behaviour === 'silence') return;
    const rcode = behaviour === 'nxdomain' ? RCODE_NXDOMAIN : behaviour === 'servfail' ? RCODE_SERVFAIL : RCODE_NOERROR;
    const address = behaviour === 'answer' && question.type === TYPE_A ? LOOPBACK : null;
    socket.send(encodeDnsAnswer(msg, question, rcode, address), rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(options.port ?? 0, host, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  const { port } = socket.address() as AddressInfo;
  return {
    host,
    port,
    queries,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
