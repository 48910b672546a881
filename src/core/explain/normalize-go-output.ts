const ESC = String.fromCharCode(27);

/** Length of the CSI sequence (`ESC [ params intermediates final`) that starts `part` after its ESC; 0 when none. */
function measureCsi(part: string): number {
  if (part.charCodeAt(0) !== 91 /* [ */) return 0;
  let i = 1;
  while (i < part.length && part.charCodeAt(i) >= 0x30 && part.charCodeAt(i) <= 0x3f) i++;
  while (i < part.length && part.charCodeAt(i) >= 0x20 && part.charCodeAt(i) <= 0x2f) i++;
  const final = part.charCodeAt(i);
  return final >= 0x40 && final <= 0x7e ? i + 1 : 0;
}

/** Removes ANSI colour codes and turns CRLF/CR line ends into LF, cheaply when there are none. */
export function normalizeGoOutput(text: string): string {
  let out = text;
  if (out.includes(ESC)) {
    const parts = out.split(ESC);
    for (let i = 1; i < parts.length; i++) {
      const part = parts[i] ?? '';
      const csi = measureCsi(part);
      parts[i] = csi === 0 ? `${ESC}${part}` : part.slice(csi);
    }
    out = parts.join('');
  }
  if (out.includes('\r')) {
    out = out.replaceAll('\r\n', '\n');
    if (out.includes('\r')) out = out.replaceAll('\r', '\n');
  }
  return out;
}
