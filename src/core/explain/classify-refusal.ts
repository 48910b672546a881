import type { FailureClass } from '../classify/failure-class.js';
import type { GoErrorCause } from './go-error-cause.js';
import { extractOrigin } from './extract-origin.js';
import { MALFORMED, OFF } from './match-go-error.js';

interface RefusalRule {
  readonly class: FailureClass;
  /** Cheap pre-filter: the pattern cannot match unless the text holds one of these. */
  readonly keys: readonly string[];
  readonly pattern: RegExp;
}

/**
 * Failures decided before (or instead of) any request: settings, go.sum, vendoring, toolchains,
 * input. Ordered: the first rule that matches wins. See go-modules.md §6.8, §6.9, §6.11–6.13.
 */
const REFUSAL_RULES: readonly RefusalRule[] = [
  { class: 'config.invalid', keys: ['proxy URL', 'GOPROXY list', 'parse '], pattern: /invalid proxy URL[^\n]*|invalid file:\/\/ proxy URL[^\n]*|GOPROXY list is not the empty string, but contains no entries|parse "?[a-z]+:\/\/[^\n]*?"?: invalid [^\n]*/ },
  { class: 'config.invalid', keys: ['GOSUMDB', 'sumdb name', 'verifiable signatures'], pattern: /missing GOSUMDB|invalid GOSUMDB[^\n]*|invalid sumdb name[^\n]*|note has no verifiable signatures/ },
  { class: 'config.invalid', keys: ['GOVCS'], pattern: /GOVCS disallows using [^\n]*|(?:empty entry|malformed entry|empty pattern|empty VCS list|relative pattern not allowed|unreachable pattern|empty VCS name) in GOVCS[^\n]*/ },
  { class: 'config.invalid', keys: ['refusing to', '-insecure'], pattern: /refusing to pass credentials to insecure URL[^\n]*|refusing to use HTTP_PROXY value in CGI environment|-insecure flag is no longer supported[^\n]*/ },
  { class: 'config.invalid', keys: ['GOFLAGS', '-mod', 'GOAUTH', 'GOTOOLCHAIN'], pattern: /parsing \$GOFLAGS[^\n]*|invalid value "[^"]*" for flag -mod[^\n]*|-mod may only be set to[^\n]*|invalid -mod=[^\n]*|GOAUTH[^\n]*|invalid GOTOOLCHAIN[^\n]*|go: GOFLAGS[^\n]*/ },
  { class: 'config.goproxy_off', keys: ['GOPROXY=off'], pattern: OFF },
  { class: 'vendor.inconsistent', keys: ['vendor'], pattern: /inconsistent vendoring[^\n]*|cannot query module due to -mod=vendor|(?:module|import) lookup disabled by -mod=vendor|can't determine available upgrades using the vendor directory|cannot find package "[^"\n]*" in:\n\t[^\n]*\/vendor\/[^\n]*/ },
  { class: 'gosum.missing', keys: ['go.sum entry', 'no required module', 'updates to go.mod'], pattern: /missing go\.sum entry[^\n]*|no required module provides package[^\n]*|updates to go\.mod needed[^\n]*/ },
  { class: 'toolchain.unavailable', keys: ['toolchain', 'requires go', 'in PATH'], pattern: /toolchain not available|requires go >= [^\n]*|cannot find "[^"\n]*" in PATH/ },
  { class: 'input.invalid_module_path', keys: ['malformed '], pattern: MALFORMED },
  { class: 'input.invalid_module_path', keys: ['known dependency', '@version', 'valid module path'], pattern: /not a known dependency|should not have @version[^\n]*|is not a valid module path[^\n]*/ },
];

const ANY_KEY = new RegExp(REFUSAL_RULES.flatMap((rule) => rule.keys).map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** Classifies a refusal the go command prints before any network cause; null when there is none. */
export function classifyRefusal(text: string): GoErrorCause | null {
  if (!ANY_KEY.test(text)) return null;
  for (const rule of REFUSAL_RULES) {
    if (!rule.keys.some((key) => text.includes(key))) continue;
    const m = rule.pattern.exec(text);
    if (!m) continue;
    const insecure = /insecure URL: (\S+)/.exec(m[0]);
    const hop = insecure?.[1] ? extractOrigin(insecure[1]) : null;
    return { class: rule.class, hop, step: rule.class.startsWith('config.') ? 'config' : null, evidence: m[0].trim() };
  }
  return null;
}
