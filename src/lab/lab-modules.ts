import { buildModuleZip } from './module-zip.js';
import type { ModuleZip } from './module-zip.js';

/** One module version the lab serves, consistent across `@v/list`, `.info`, `.mod` and `.zip`. */
export interface LabModuleVersion {
  readonly module: string;
  readonly version: string;
  readonly time: string;
  readonly content: ModuleZip;
  /** The same version with other bits (same go.mod): what a tampering mirror serves. */
  readonly tampered: ModuleZip;
}

/** A module the lab serves through its GOPROXY, with its versions oldest first. */
export interface LabModule {
  readonly module: string;
  readonly versions: readonly LabModuleVersion[];
}

const LAB_MODULE_VERSIONS: ReadonlyArray<readonly [module: string, versions: readonly string[]]> = [
  ['corp.example/hello', ['v1.0.0', 'v1.1.0']],
  ['corp.example/BigCorp/Lib', ['v1.0.0']],
  ['corp.example/private', ['v1.0.0']],
  ['corp.example/hello/v2', ['v1.0.0', 'v2.0.0']],
  ['vanity.corp.example/private', ['v1.0.0']],
  ['expired.corp.example/legacy', ['v1.0.0']],
];

/** Case-encodes a module path for GOPROXY URLs (https://go.dev/ref/mod#goproxy-protocol). */
export function escapeLabModulePath(module: string): string {
  return module.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}

function buildVersion(module: string, version: string, index: number): LabModuleVersion {
  const pkg = module.split('/').filter((e) => !/^v\d+$/.test(e)).at(-1)?.toLowerCase().replace(/[^a-z0-9]/g, '') ?? 'lab';
  const goMod = `module ${module}\n\ngo 1.19\n`;
  const source = `// Package ${pkg} is served by the gomod-doctor lab.\npackage ${pkg}\n\n// Version is the module version.\nconst Version = "${version}"\n`;
  const evil = `${source}\n// Tampered: these bits are not the ones recorded in go.sum.\nconst Backdoor = true\n`;
  return {
    module,
    version,
    time: `2024-0${Math.min(index + 1, 9)}-01T00:00:00Z`,
    content: buildModuleZip(module, version, { 'go.mod': goMod, [`${pkg}.go`]: source }),
    tampered: buildModuleZip(module, version, { 'go.mod': goMod, [`${pkg}.go`]: evil }),
  };
}

/** Builds the lab's modules (deterministic bytes, so hashes are stable across runs). */
export function buildLabModules(): ReadonlyMap<string, LabModule> {
  const byEscapedPath = new Map<string, LabModule>();
  for (const [module, versions] of LAB_MODULE_VERSIONS) {
    byEscapedPath.set(escapeLabModulePath(module), {
      module,
      versions: versions.map((version, i) => buildVersion(module, version, i)),
    });
  }
  return byEscapedPath;
}

/** The go.sum lines (zip and go.mod) of one honest lab module version. */
export function formatGoSumLines(v: LabModuleVersion): string {
  return `${v.module} ${v.version} ${v.content.h1}\n${v.module} ${v.version}/go.mod ${v.content.modH1}\n`;
}
