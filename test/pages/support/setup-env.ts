// What Taro's H5 build defines at compile time; the pages and Taro's runtime read them.
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
process.env.FRAMEWORK = 'react'
process.env.SUPPORT_TARO_POLYFILL = 'disabled'
process.env.SUPPORT_DINGTALK_NAVIGATE = 'disabled'

const flags = [
  'ENABLE_INNER_HTML',
  'ENABLE_ADJACENT_HTML',
  'ENABLE_SIZE_APIS',
  'ENABLE_TEMPLATE_CONTENT',
  'ENABLE_CLONE_NODE',
  'ENABLE_CONTAINS',
  'ENABLE_MUTATION_OBSERVER',
]
for (const flag of flags) (globalThis as Record<string, unknown>)[flag] = true
// Taro's components: define the web components (the current adapter), as the H5 build does.
;(globalThis as Record<string, unknown>).DEPRECATED_ADAPTER_COMPONENT = false
