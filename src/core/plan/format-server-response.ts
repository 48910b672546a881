/**
 * The `server response:` detail the go command appends to `reading <URL>: <status>` (cmd/go/internal/web/http.go):
 * only for text/plain bodies in utf-8/us-ascii made of printable characters, cut at the first blank line,
 * 8 lines and 648 bytes.
 */
const MAX_LINES = 8;
const MAX_BYTES = 648;

export function formatServerResponse(contentType: string | undefined, body: string | undefined): string {
  if (contentType === undefined || body === undefined || body === '') return '';
  const [mediaType = '', ...params] = contentType.split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== 'text/plain') return '';
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'us-ascii') return '';
  if (/[^\P{C}\t\n\r]/u.test(body)) return '';

  let text = body;
  let truncatedTooLong = false;
  if (new TextEncoder().encode(text).length > MAX_BYTES) {
    text = new TextDecoder().decode(new TextEncoder().encode(text).slice(0, MAX_BYTES)).replace(/\uFFFD$/, '');
    truncatedTooLong = true;
  }
  const lines: string[] = [];
  let truncatedLines = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') break;
    if (lines.length === MAX_LINES) {
      truncatedLines = true;
      break;
    }
    lines.push(line);
  }
  if (lines.length === 0) return '';
  if (truncatedLines) lines.push('[Truncated: too many lines.]');
  else if (truncatedTooLong) lines.push('[Truncated: too long.]');
  return lines.length === 1 ? `\n\tserver response: ${lines[0]}` : `\n\tserver response:\n\t${lines.join('\n\t')}`;
}
