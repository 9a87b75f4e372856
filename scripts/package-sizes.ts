/**
 * The weapp build's package sizes as WeChat counts them: every file under a subpackage root (from
 * dist/app.json) belongs to that subpackage, everything else to the main package. WeChat allows 2 MB per
 * package; test/budget/size.test.ts holds us to a much smaller budget.
 */
import fs from 'node:fs'
import path from 'node:path'

export interface PackageSizes {
  /** Bytes of the main package (tab pages, app.js, the Taro runtime, shared chunks, assets). */
  main: number
  /** Bytes of each subpackage, by its root (e.g. `packages/worker`). */
  subpackages: Record<string, number>
}

// Files in dist/ that DevTools reads but never uploads.
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json'])

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

export function packageSizes(distDir: string): PackageSizes {
  const appJsonPath = path.join(distDir, 'app.json')
  if (!fs.existsSync(appJsonPath)) {
    throw new Error(`${distDir} holds no weapp build (no app.json): run \`npm run build:weapp\` first`)
  }
  const appJson = JSON.parse(fs.readFileSync(appJsonPath, 'utf8')) as {
    subPackages?: { root: string }[]
    subpackages?: { root: string }[]
  }
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((sub) => sub.root.replace(/\/+$/, ''))
  const sizes: PackageSizes = { main: 0, subpackages: Object.fromEntries(roots.map((root) => [root, 0])) }
  for (const file of filesUnder(distDir)) {
    const relative = path.relative(distDir, file).split(path.sep).join('/')
    if (NOT_UPLOADED.has(relative)) continue
    const bytes = fs.statSync(file).size
    const root = roots.find((r) => relative.startsWith(`${r}/`))
    if (root) sizes.subpackages[root] += bytes
    else sizes.main += bytes
  }
  return sizes
}
