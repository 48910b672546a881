import { describe, expect, it } from 'vitest';
import { parseGoMod } from './parse-go-mod.js';

const GO_MOD = `// a comment
module corp.example/app // trailing comment

go 1.21
toolchain go1.22.1

require example.com/single v1.0.0
require (
	github.com/BurntSushi/toml v1.2.1 // indirect
	"golang.org/x/mod" v0.12.0
	corp.example/lib v0.0.0-20191109021931-daa7c04131f5 // indirect; reason
)

replace corp.example/lib => ../lib
replace (
	example.com/single v1.0.0 => example.com/fork v1.0.1
)
exclude example.com/bad v1.3.0
retract v0.9.0
`;

describe('parseGoMod', () => {
  const mod = parseGoMod(GO_MOD);

  it('reads module, go and toolchain', () => {
    expect([mod.module, mod.go, mod.toolchain]).toEqual(['corp.example/app', '1.21', 'go1.22.1']);
  });

  it('reads single and block requires with their indirect markers', () => {
    expect(mod.require).toEqual([
      { path: 'example.com/single', version: 'v1.0.0', indirect: false },
      { path: 'github.com/BurntSushi/toml', version: 'v1.2.1', indirect: true },
      { path: 'golang.org/x/mod', version: 'v0.12.0', indirect: false },
      { path: 'corp.example/lib', version: 'v0.0.0-20191109021931-daa7c04131f5', indirect: true },
    ]);
  });

  it('reads directory and module replacements', () => {
    expect(mod.replace).toEqual([
      { old: { path: 'corp.example/lib', version: null }, new: { path: '../lib', version: null } },
      { old: { path: 'example.com/single', version: 'v1.0.0' }, new: { path: 'example.com/fork', version: 'v1.0.1' } },
    ]);
  });

  it('reads excludes and ignores unknown verbs', () => {
    expect(mod.exclude).toEqual([{ path: 'example.com/bad', version: 'v1.3.0' }]);
    expect(mod.errors).toEqual([]);
  });

  it.each([
    ['require a.example/m', 'go.mod:1: usage: require module/path v1.2.3'],
    ['module', 'go.mod:1: usage: module module/path'],
    ['require (\na.example/m v1.0.0', 'go.mod: unterminated require block'],
    ['module "a.example/m', 'go.mod:1: unterminated quoted string'],
  ])('reports %j', (text, error) => {
    expect(parseGoMod(text).errors).toEqual([error]);
  });

  it('reads a raw-string module path', () => {
    expect(parseGoMod('module `corp.example/x`\n').module).toBe('corp.example/x');
  });
});
