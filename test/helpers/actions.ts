/**
 * Every action each cloud function declares, read from its `defineFunction({ actions: { … } })` in
 * cloudfunctions/<name>/src/index.ts, so that tests covering "every action" cannot fall behind the code.
 */
import fs from 'node:fs'
import path from 'node:path'

const FUNCTIONS_DIR = path.resolve(__dirname, '../../cloudfunctions')

export function declaredActions(): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const name of fs.readdirSync(FUNCTIONS_DIR).sort()) {
    const index = path.join(FUNCTIONS_DIR, name, 'src', 'index.ts')
    if (!fs.existsSync(index)) continue
    const match = /actions:\s*\{([^}]*)\}/.exec(fs.readFileSync(index, 'utf8'))
    if (!match) throw new Error(`${index} declares no actions`)
    out[name] = match[1]
      .split(',')
      .map((a) => a.trim().split(':')[0].trim())
      .filter(Boolean)
  }
  return out
}
