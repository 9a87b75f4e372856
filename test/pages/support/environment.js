const JsdomEnvironment = require('jest-environment-jsdom').default

/**
 * jsdom, plus Node's own fetch so that Taro.request reaches the emulator over real HTTP (jsdom has no fetch,
 * and Node's global one is not visible inside the jsdom sandbox), with the Blob and FormData that fetch sends
 * (a photo's upload: jsdom's own are not what Node's fetch reads).
 */
class PagesEnvironment extends JsdomEnvironment {
  constructor(config, context) {
    super(config, context)
    const g = this.global
    for (const name of [
      'fetch',
      'Headers',
      'Request',
      'Response',
      'AbortController',
      'AbortSignal',
      'Blob',
      'File',
      'FormData',
    ]) {
      g[name] = globalThis[name]
    }
    g.TextEncoder = globalThis.TextEncoder
    g.TextDecoder = globalThis.TextDecoder
    g.structuredClone = globalThis.structuredClone
  }
}

module.exports = PagesEnvironment
