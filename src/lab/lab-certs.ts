import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The certificate kinds the lab serves HTTPS with (assets/lab-tls/, made by scripts/make-lab-certs.sh). */
export type LabCertKind = 'trusted' | 'unknownAuthority' | 'expired' | 'wrongName';

export interface LabKeyPair {
  readonly cert: string;
  readonly key: string;
}

const FILES: Record<LabCertKind, string> = {
  trusted: 'leaf',
  unknownAuthority: 'untrusted',
  expired: 'expired',
  wrongName: 'wrongname',
};

/** Absolute path of the lab's certificate directory (same relative place from src/lab and dist/lab). */
const LAB_TLS_DIR = fileURLToPath(new URL('../../assets/lab-tls/', import.meta.url));

/** Absolute path of the lab CA: the SSL_CERT_FILE that makes the go command trust the lab. */
export const LAB_CA_FILE = `${LAB_TLS_DIR}ca.pem`;

/** Reads the key pair of one certificate kind. */
export function readLabKeyPair(kind: LabCertKind): LabKeyPair {
  const base = `${LAB_TLS_DIR}${FILES[kind]}`;
  return { cert: readFileSync(`${base}.pem`, 'utf8'), key: readFileSync(`${base}-key.pem`, 'utf8') };
}

/** Reads the lab CA certificate (PEM). */
export function readLabCa(): string {
  return readFileSync(LAB_CA_FILE, 'utf8');
}
