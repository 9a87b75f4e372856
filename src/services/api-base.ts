/**
 * Where the H5 build finds the emulator (`TARO_APP_API_BASE`, empty = the page's own origin). Read on every
 * call, not at import, so that tests can point the pages at an emulator they start themselves.
 */
export function apiBase(): string {
  return (process.env.TARO_APP_API_BASE || '').replace(/\/+$/, '')
}
