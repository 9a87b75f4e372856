/**
 * Builds each cloud function into the folder that deploys: cloudfunctions/<name>/index.js, one bundle
 * with the shared code (types/, server/) inside and wx-server-sdk left to the function's own
 * package.json. CloudBase runs Node.js 16 and newer; the bundle targets that.
 */
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

const root = path.resolve(__dirname, '..')
const functionsDir = path.join(root, 'cloudfunctions')

export function functionNames(): string[] {
  return fs
    .readdirSync(functionsDir)
    .filter((name) => fs.existsSync(path.join(functionsDir, name, 'src', 'index.ts')))
    .sort()
}

export async function buildFunctions(names = functionNames()): Promise<void> {
  await Promise.all(
    names.map((name) =>
      build({
        entryPoints: [path.join(functionsDir, name, 'src', 'index.ts')],
        outfile: path.join(functionsDir, name, 'index.js'),
        bundle: true,
        platform: 'node',
        target: 'node16',
        format: 'cjs',
        external: ['wx-server-sdk'],
        sourcemap: 'linked',
        sourcesContent: false,
        legalComments: 'none',
        logLevel: 'warning',
      }),
    ),
  )
}

if (require.main === module) {
  const started = Date.now()
  buildFunctions()
    .then(() => console.log(`built ${functionNames().join(', ')} in ${Date.now() - started} ms`))
    .catch((err: unknown) => {
      console.error(err)
      process.exit(1)
    })
}
