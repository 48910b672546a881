/**
 * The ref advertisement of git's smart HTTP protocol (`/info/refs?service=git-upload-pack`): pkt-lines of
 * `<sha> <refname>`. https://git-scm.com/docs/http-protocol
 */
export function parseGitRefs(body: string): Map<string, string> {
  const refs = new Map<string, string>();
  let offset = 0;
  while (offset + 4 <= body.length) {
    const length = Number.parseInt(body.slice(offset, offset + 4), 16);
    if (Number.isNaN(length)) break;
    if (length === 0) {
      offset += 4;
      continue;
    }
    const line = body.slice(offset + 4, offset + length).replace(/\n$/, '');
    offset += length;
    if (line.startsWith('#')) continue;
    const [sha = '', ref = ''] = line.split('\0')[0]?.split(' ') ?? [];
    if (/^[0-9a-f]{40}$/.test(sha) && ref !== '') refs.set(ref.replace(/\^\{\}$/, ''), sha);
  }
  return refs;
}
