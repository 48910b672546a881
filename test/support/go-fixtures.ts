import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** What `npm run record-go` wrote for one lab scenario: the real go command's output against the lab. */
export interface GoFixture {
  readonly scenario: string;
  readonly goVersion: string;
  readonly command: string;
  readonly exitCode: number | null;
  readonly stderr: string;
  readonly hung: boolean;
  readonly timeToFailMs: number | null;
}

export const GO_FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures', 'go');

export function loadGoFixtures(): GoFixture[] {
  return readdirSync(GO_FIXTURES_DIR).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(join(GO_FIXTURES_DIR, f), 'utf8')) as GoFixture);
}

/** The paths (and queries) of the requests the go command made itself (`-x` prints `# get <URL>`), tiles aside. */
export function goRequestPaths(stderr: string): string[] {
  return [...stderr.matchAll(/^# get (\S+)$/gm)]
    .map((m) => new URL((m[1] ?? '').replace('<port>', '1')))
    .map((u) => u.pathname + u.search)
    .filter((p) => !p.includes('/tile/'));
}

/** The error block go printed, without the `-x` trace. */
export function goErrorText(stderr: string): string {
  return stderr.split('\n')
    .filter((l) => !l.startsWith('# ') && !l.startsWith('<time> # ') && !l.startsWith('cd ') && !l.startsWith('mkdir ') && !l.startsWith('-> '))
    .join('\n').trim();
}

/** Takes out what differs between any two runs: ports, times, cache hashes, the lab host names vs loopback. */
export function normalizeGoText(text: string): string {
  return text
    .replace(/https:\/\/(?:git|goproxy)\.corp\.example/g, 'https://127.0.0.1:<port>')
    .replace(/127\.0\.0\.1:(?:\d+|<port>)/g, '127.0.0.1:<port>')
    .replace(/<local>/g, '127.0.0.1:<port>')
    .replace(/current time \S+ is/g, 'current time <now> is')
    .replace(/cache\/vcs\/(?:[0-9a-f]{64}|<hash>)/g, 'cache/vcs/<hash>');
}

/** Puts plausible values back where the recorder took out run-specific ones, so the text reads like live output. */
export function denormalizeGoText(text: string): string {
  return text
    .replace(/<port>/g, '40000')
    .replace(/<time>/g, '0.012s')
    .replace(/<GOMODCACHE>/g, '/home/dev/go/pkg/mod')
    .replace(/<hash>/g, '0'.repeat(64));
}
