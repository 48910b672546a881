import type { FailureClass } from '../classify/failure-class.js';
import type { GoErrorCause } from './go-error-cause.js';
import { extractOrigin, inferStepFromUrl } from './extract-origin.js';
import { HTTP_STATUS } from './match-go-error.js';

/** Classifies on the 3-digit code, never on the reason phrase (§6.1). */
export function classifyStatusCode(code: number, url: string): FailureClass {
  if (code === 401 || code === 407) return 'proxy.auth_required';
  if (code === 403) return 'proxy.forbidden';
  if (code === 404) return 'module.not_found';
  if (code === 410) return 'module.gone';
  if (code === 429) return 'proxy.rate_limited';
  if (code >= 500) return 'proxy.server_error';
  // Plain http to a TLS port: Go's TLS server answers 400 (§6.6).
  if (code === 400 && url.startsWith('http://')) return 'tls.protocol_error';
  if (code < 400) return 'proxy.bad_content';
  return 'proxy.forbidden';
}

export interface HttpStatusMatch {
  readonly cause: GoErrorCause;
  /** Where the status line ends: the `server response` that follows is the server's text, not a cause. */
  readonly end: number;
  readonly url: string;
}

/** Finds `reading <URL>: NNN …` and its `server response` detail. */
export function matchHttpStatus(text: string): HttpStatusMatch | null {
  if (!text.includes('reading ')) return null;
  const m = HTTP_STATUS.exec(text);
  if (m?.[1] && m[2]) {
    const code = Number(m[2]);
    const statusLine = `${m[2]}${m[3] ?? ''}`.trim();
    const detail = (m[4] ?? m[5] ?? '').replace(/\n\t/g, ' ').trim();
    const evidence = `HTTP ${statusLine}${detail ? `; server response: ${detail.slice(0, 300)}` : ''}`;
    const detailAt = m[0].indexOf('\n\tserver response:');
    const statusEnd = m.index + (detailAt === -1 ? m[0].length : detailAt);
    return { cause: { class: classifyStatusCode(code, m[1]), hop: extractOrigin(m[1]), step: inferStepFromUrl(m[1]), evidence }, end: statusEnd, url: m[1] };
  }
  const file = /reading (file:\/\/\S+?): ([^\n]*(?:no such file or directory|permission denied|cannot find the file)[^\n]*)/.exec(text);
  if (file?.[1] && file[2]) {
    const cls: FailureClass = file[2].includes('permission denied') ? 'proxy.forbidden' : 'module.not_found';
    return { cause: { class: cls, hop: 'file://', step: inferStepFromUrl(file[1]), evidence: file[2] }, end: file.index + file[0].length, url: file[1] };
  }
  return null;
}
