import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { AppError, ErrorCode } from '../core/errors.js';

export interface EmbeddedRedis {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * A private redis-server on loopback with an append-only file under `dataDir` (DESIGN §2): the default when
 * REDIS_URL is unset. Fails with a clear error when no redis-server binary is on PATH.
 */
export async function startEmbeddedRedis(options: { dataDir: string; port?: number; binary?: string; readyTimeoutMs?: number }): Promise<EmbeddedRedis> {
  await mkdir(options.dataDir, { recursive: true });
  const port = options.port ?? await findFreePort();
  const child = spawn(options.binary ?? 'redis-server', [
    '--bind', '127.0.0.1', '--port', String(port), '--dir', options.dataDir,
    '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', '--protected-mode', 'yes',
    '--maxmemory-policy', 'noeviction', '--daemonize', 'no', '--loglevel', 'warning',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = waitForPing(port, options.readyTimeoutMs ?? 5000);
  const first = await Promise.race([ready.then(() => 'ready' as const), spawnError, exited.then((code) => new Error(`redis-server exited with ${code}: ${stderr.trim()}`))]);
  if (first !== 'ready') {
    child.kill('SIGKILL');
    const missing = (first as NodeJS.ErrnoException).code === 'ENOENT';
    throw new AppError(ErrorCode.REDIS_UNAVAILABLE, missing
      ? 'REDIS_URL is unset and no redis-server binary is on PATH: install Redis (≥ 6.2) or set REDIS_URL'
      : `could not start the embedded redis-server: ${first.message}`, { cause: first });
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: child.pid ?? 0,
    stop: () => stopChild(child, exited),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** A port the kernel just handed out on 127.0.0.1 (released again before redis-server binds it). */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves when the Redis on `port` answers PING with PONG; rejects after `timeoutMs`. */
export async function waitForPing(port: number, timeoutMs: number, host = '127.0.0.1'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await pingOnce(port, host, Math.min(500, Math.max(50, deadline - Date.now())))) return;
    if (Date.now() >= deadline) throw new Error(`no PONG from ${host}:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function pingOnce(port: number, host: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (ok: boolean): void => { socket.destroy(); resolve(ok); };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}
