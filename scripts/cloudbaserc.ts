/**
 * Writes cloudbaserc.json — the file `@cloudbase/cli` (`tcb fn deploy`) reads — from each function's own
 * config.json (which WeChat DevTools reads), so that both deploy paths get the same timeout, memory,
 * environment variables and timer triggers. test/budget/deploy.test.ts checks that the file is current.
 *
 *   node --import tsx scripts/cloudbaserc.ts          # print
 *   node --import tsx scripts/cloudbaserc.ts --write  # write cloudbaserc.json
 */
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '..')

interface FunctionConfig {
  timeout?: number
  memorySize?: number
  envVariables?: Record<string, string>
  triggers?: Array<{ name: string; type: string; config: string }>
}

export function functionDirs(): string[] {
  const dir = path.join(root, 'cloudfunctions')
  return fs
    .readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, 'src', 'index.ts')))
    .sort()
}

export function readConfig(name: string): FunctionConfig {
  return JSON.parse(
    fs.readFileSync(path.join(root, 'cloudfunctions', name, 'config.json'), 'utf8'),
  ) as FunctionConfig
}

export function cloudbaserc(): object {
  return {
    version: '2.0',
    envId: '{{env.ENV_ID}}',
    functionRoot: './cloudfunctions',
    functions: functionDirs().map((name) => {
      const config = readConfig(name)
      return {
        name,
        runtime: 'Nodejs16.13',
        handler: 'index.main',
        installDependency: true,
        timeout: config.timeout ?? 3,
        memorySize: config.memorySize ?? 256,
        // Secrets (*_SECRET) are left empty here: set them in the CloudBase console or with
        // `tcb fn config update`, never in the repository.
        envVariables: config.envVariables ?? {},
        triggers: config.triggers ?? [],
        ignore: ['src', 'src/**', 'node_modules', 'node_modules/**', '*.map'],
      }
    }),
  }
}

export function cloudbasercText(): string {
  return `${JSON.stringify(cloudbaserc(), null, 2)}\n`
}

if (require.main === module) {
  if (process.argv.includes('--write'))
    fs.writeFileSync(path.join(root, 'cloudbaserc.json'), cloudbasercText())
  else process.stdout.write(cloudbasercText())
}
