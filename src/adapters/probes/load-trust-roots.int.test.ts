import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadTrustRoots } from './load-trust-roots.js';

const TLS_DIR = new URL('../../../assets/lab-tls/', import.meta.url);

async function makeTempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'trust-roots-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('loadTrustRoots', () => {
  it('reads SSL_CERT_FILE and every file of SSL_CERT_DIR, skipping junk and duplicates', async () => {
    const ca = await readFile(new URL('ca.pem', TLS_DIR), 'utf8');
    const rogue = await readFile(new URL('rogue-ca.pem', TLS_DIR), 'utf8');
    const dir = await makeTempDir();
    await writeFile(join(dir, 'bundle.pem'), `${ca}\n-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n`);
    await mkdir(join(dir, 'certs'));
    await writeFile(join(dir, 'certs', 'a.pem'), rogue);
    await writeFile(join(dir, 'certs', 'b.pem'), ca);
    await writeFile(join(dir, 'certs', 'README'), 'not a certificate');
    const roots = await loadTrustRoots({ certFile: join(dir, 'bundle.pem'), certDirs: [join(dir, 'certs')] });
    expect(roots.map((pem) => pem.trim())).toEqual([ca.trim(), rogue.trim()]);
  });

  it('trusts nothing when SSL_CERT_FILE is missing and the directories are empty, as go does', async () => {
    const dir = await makeTempDir();
    await expect(loadTrustRoots({ certFile: join(dir, 'missing.pem'), certDirs: [dir] })).resolves.toEqual([]);
  });
});
