/**
 * What a share of a page carries: WeChat opens `path` (the page itself, with its query) for whoever taps
 * the card in a chat, and `query` for a 朋友圈 post (which always opens the page that shared it).
 */
export interface Share {
  message: { title: string; path: string }
  timeline: { title: string; query: string }
}

export function shareOf(route: string, params: Record<string, string>, title: string): Share {
  const query = Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&')
  return { message: { title, path: query ? `${route}?${query}` : route }, timeline: { title, query } }
}
