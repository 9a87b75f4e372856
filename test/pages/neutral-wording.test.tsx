/**
 * The pages speak of a person whose sex they do not know without 他/她, and never mix in Latin such as
 * "Ta": every text of src/ is read for it (a text, not a render: no page may say it in any state).
 */
import fs from 'node:fs'
import path from 'node:path'

const SRC = path.resolve(__dirname, '..', '..', 'src')

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sources(full)
    return /\.(tsx?|scss)$/.test(entry.name) ? [full] : []
  })
}

/** 他/她 of someone (其他, "other", is not a person), and "Ta" or "TA" standing alone among Chinese. */
const GENDERED = /(?<!其)[他她]/
const LATIN_TA = /(?<![A-Za-z])T[Aa](?![A-Za-z])/

test('no text of the app calls a person 他 or 她, or “Ta”', () => {
  const found: string[] = []
  for (const file of sources(SRC)) {
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        // Only what people read: strings and JSX text carry Chinese; comments are for engineers.
        const spoken = line.replace(/\/\/.*$|\/\*.*?\*\/|^\s*\*.*$/g, '')
        if (!/[\u4e00-\u9fa5]/.test(spoken)) return
        if (GENDERED.test(spoken) || LATIN_TA.test(spoken))
          found.push(`${path.relative(SRC, file)}:${i + 1}: ${line.trim()}`)
      })
  }
  expect(found).toEqual([])
})
