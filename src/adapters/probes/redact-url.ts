/**
 * The URL with its password masked as Go's `url.URL.Redacted` does (`https://user:xxxxx@host/…`);
 * unparsable input comes back with anything before an `@` in the authority masked.
 */
export function redactUrl(raw: string | URL): string {
  let url: URL;
  try {
    url = new URL(raw.toString());
  } catch {
    return raw.toString().replace(/\/\/[^/@]*@/, '//xxxxx@');
  }
  if (url.password !== '') url.password = 'xxxxx';
  return url.toString();
}
