/**
 * Secrets the functions need (signing keys for one-time codes). On CloudBase they are environment
 * variables set for the function; here every `*_SECRET` variable that a function's config.json leaves
 * empty is generated once, kept in DATA_DIR/secrets.json (readable by its owner only) and given to the
 * function on every call — so codes stay valid across restarts and differ between installations.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export class Secrets {
  private file: string
  private values: Record<string, string>

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'secrets.json')
    this.values = fs.existsSync(this.file)
      ? (JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, string>)
      : {}
  }

  get(name: string): string {
    let value = this.values[name]
    if (!value) {
      value = crypto.randomBytes(32).toString('base64url')
      this.values[name] = value
      fs.writeFileSync(this.file, JSON.stringify(this.values, null, 2), { mode: 0o600 })
    }
    return value
  }
}
