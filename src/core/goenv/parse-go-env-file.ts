/**
 * The go env file (`go env -w`) and $GOROOT/go.env as cmd/go's readEnvFile reads them: `KEY=VALUE` lines, nothing
 * trimmed; lines without `=` or not starting with `A`–`Z` are ignored (comments); a later line wins.
 */
export function parseGoEnvFile(text: string): Readonly<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    const first = line[0] ?? '';
    if (eq < 0 || first < 'A' || first > 'Z') continue;
    values[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return values;
}

/** The standard $GOROOT/go.env of Go ≥ 1.21 (distributions may change it). */
export const STANDARD_GOROOT_GO_ENV = 'GOPROXY=https://proxy.golang.org,direct\nGOSUMDB=sum.golang.org\nGOTOOLCHAIN=auto\n';
