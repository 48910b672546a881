import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModuleZip } from './module-zip.js';

/** One module version to lay out in a `file://` GOPROXY directory. */
export interface GoproxyDirEntry {
  /** The module path, already case-escaped when it has upper-case letters (https://go.dev/ref/mod#goproxy-protocol). */
  readonly module: string;
  readonly version: string;
  readonly files: ModuleZip;
}

/**
 * Writes `<dir>/<module>/@v/{list,<v>.info,<v>.mod,<v>.zip}` so that `GOPROXY=file://<dir>` serves the
 * modules offline; returns that GOPROXY value.
 */
export async function writeGoproxyDir(dir: string, entries: readonly GoproxyDirEntry[]): Promise<string> {
  const versionsByModule = new Map<string, string[]>();
  for (const { module, version, files } of entries) {
    const base = join(dir, ...module.split('/'), '@v');
    await mkdir(base, { recursive: true });
    const info = JSON.stringify({ Version: version, Time: '2024-01-01T00:00:00Z' });
    await writeFile(join(base, `${version}.info`), `${info}\n`);
    await writeFile(join(base, `${version}.mod`), files.mod);
    await writeFile(join(base, `${version}.zip`), files.zip);
    versionsByModule.set(module, [...(versionsByModule.get(module) ?? []), version]);
  }
  for (const [module, versions] of versionsByModule) {
    await writeFile(join(dir, ...module.split('/'), '@v', 'list'), versions.map((v) => `${v}\n`).join(''));
  }
  return `file://${dir}`;
}
