import { createHash, createPrivateKey, createPublicKey, randomBytes, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** A golang.org/x/mod/sumdb/note Ed25519 signer and the verifier key the go command takes in GOSUMDB. */
export interface NoteSigner {
  readonly name: string;
  /** `<name>+<hash hex>+<base64(0x01 || public key)>`: the first field of GOSUMDB. */
  readonly verifierKey: string;
  /** Signs `text` (which must end in a newline) and returns the note: text, blank line, `— <name> <sig>` line. */
  sign(text: string): string;
}

const ALG_ED25519 = 0x01;
/** PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows it. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * Creates a note signer for `name` from a 32-byte Ed25519 seed (random when absent).
 * Formats: https://pkg.go.dev/golang.org/x/mod/sumdb/note
 */
export function createNoteSigner(name: string, seed: Buffer = randomBytes(32)): NoteSigner {
  if (!/^[^\s+]+$/.test(name)) throw new TypeError(`note: invalid signer name ${JSON.stringify(name)}`);
  if (seed.length !== 32) throw new TypeError('note: an Ed25519 seed has 32 bytes');
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = Buffer.concat([Buffer.of(ALG_ED25519), readRawPublicKey(createPublicKey(privateKey))]);
  const keyHash = computeKeyHash(name, publicKey);
  const hashPrefix = Buffer.alloc(4);
  hashPrefix.writeUInt32BE(keyHash, 0);
  return {
    name,
    verifierKey: `${name}+${keyHash.toString(16).padStart(8, '0')}+${publicKey.toString('base64')}`,
    sign(text) {
      if (!text.endsWith('\n')) throw new TypeError('note: text must end in a newline');
      const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
      return `${text}\n\u2014 ${name} ${Buffer.concat([hashPrefix, signature]).toString('base64')}\n`;
    },
  };
}

/** First four bytes (big-endian) of SHA-256(name + "\n" + algorithm byte + public key). */
function computeKeyHash(name: string, publicKey: Buffer): number {
  return createHash('sha256').update(`${name}\n`, 'utf8').update(publicKey).digest().readUInt32BE(0);
}

function readRawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.x === undefined) throw new TypeError('note: Ed25519 public key without x');
  return Buffer.from(jwk.x, 'base64url');
}
