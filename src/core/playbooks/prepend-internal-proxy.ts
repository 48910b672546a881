const DEFAULT_GOPROXY = 'https://proxy.golang.org,direct';
const INTERNAL_PROXY_PLACEHOLDER = 'https://<internal-goproxy>';

/**
 * GOPROXY with the organisation's caching proxy first and the current list after it
 * (`https://goproxy.corp.example,https://proxy.golang.org,direct`).
 */
export function prependInternalProxy(current: string | null, internalProxy: string = INTERNAL_PROXY_PLACEHOLDER): string {
  const list = current === null || current.trim() === '' ? DEFAULT_GOPROXY : current.trim();
  const entries = list.split(/[,|]/).map((e) => e.trim().replace(/\/+$/, ''));
  if (entries.includes(internalProxy.replace(/\/+$/, ''))) return list;
  if (list === 'off') return internalProxy;
  return `${internalProxy},${list}`;
}
