import { X509Certificate } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface TrustSettings {
  /** SSL_CERT_FILE: replaces Go's default bundle list (a missing file means no roots from files). */
  readonly certFile: string | null;
  /** SSL_CERT_DIR split on `:`; empty = unset, so Go's default directories are read. */
  readonly certDirs: readonly string[];
}

/** crypto/x509 root_linux.go `certFiles`: the first one that reads wins. */
const DEFAULT_CERT_FILES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/tls/cacert.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
];
/** crypto/x509 root_linux.go `certDirectories`. */
const DEFAULT_CERT_DIRS = ['/etc/ssl/certs', '/etc/pki/tls/certs', '/system/etc/security/cacerts'];

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The roots Go's crypto/x509 would trust on Linux (root_unix.go `loadSystemRoots`): the first
 * readable bundle file, plus every file of the cert directories. Unparsable blocks are skipped,
 * duplicates removed. An empty list makes every verification fail as unknown authority, as in Go.
 */
export async function loadTrustRoots(trust: TrustSettings): Promise<string[]> {
  const pems = new Set<string>();
  const files = trust.certFile !== null ? [trust.certFile] : DEFAULT_CERT_FILES;
  for (const file of files) {
    const text = await readTextOrNull(file);
    if (text === null) continue;
    addPemBlocks(text, pems);
    break;
  }
  const dirs = trust.certDirs.length > 0 ? trust.certDirs : DEFAULT_CERT_DIRS;
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.sort()) {
      const text = await readTextOrNull(join(dir, name));
      if (text !== null) addPemBlocks(text, pems);
    }
  }
  return [...pems];
}

async function readTextOrNull(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    // Missing, unreadable or a directory: Go skips it the same way.
    return null;
  }
}

function addPemBlocks(text: string, into: Set<string>): void {
  for (const match of text.matchAll(PEM_BLOCK)) {
    const pem = `${match[0]}\n`;
    if (into.has(pem)) continue;
    try {
      new X509Certificate(pem);
      into.add(pem);
    } catch {
      // Go's AppendCertsFromPEM also skips blocks that do not parse.
    }
  }
}
