/**
 * docs/API.md is the repository's own contract, so it must document exactly the actions the functions
 * declare. Heading convention: every action has a heading line of exactly `### <function>.<action>`
 * (e.g. `### needs.create`): three hashes, one space, the function's folder name, a dot and the action's
 * name as declared in `defineFunction({ actions: { … } })`, nothing else on the line. No other heading in
 * the document has that form (actions not implemented yet are listed without such headings).
 */
import fs from 'node:fs'
import path from 'node:path'
import { declaredActions } from '../helpers/actions'

const DOC = path.resolve(__dirname, '..', '..', 'docs', 'API.md')
const ACTION_HEADING = /^### ([A-Za-z][\w-]*)\.([A-Za-z]\w*)\s*$/

function documentedActions(): { byFunction: Record<string, string[]>; duplicates: string[] } {
  const byFunction: Record<string, string[]> = {}
  const seen = new Set<string>()
  const duplicates: string[] = []
  for (const line of fs.readFileSync(DOC, 'utf8').split(/\r?\n/)) {
    const match = ACTION_HEADING.exec(line)
    if (!match) continue
    const [, fn, action] = match
    const name = `${fn}.${action}`
    if (seen.has(name)) duplicates.push(name)
    seen.add(name)
    ;(byFunction[fn] ??= []).push(action)
  }
  return { byFunction, duplicates }
}

const sorted = (lists: Record<string, string[]>) =>
  Object.fromEntries(
    Object.keys(lists)
      .sort()
      .map((fn) => [fn, [...new Set(lists[fn])].sort()]),
  )

describe('docs/API.md', () => {
  test('documents every action each function declares, once, and no action that no function declares', () => {
    const declared = declaredActions()
    const { byFunction, duplicates } = documentedActions()
    const declaredNames = Object.entries(declared).flatMap(([fn, actions]) =>
      actions.map((a) => `${fn}.${a}`),
    )
    const documentedNames = Object.entries(byFunction).flatMap(([fn, actions]) =>
      actions.map((a) => `${fn}.${a}`),
    )
    const missing = declaredNames.filter((n) => !documentedNames.includes(n))
    const extra = documentedNames.filter((n) => !declaredNames.includes(n))
    if (missing.length > 0 || extra.length > 0 || duplicates.length > 0) {
      throw new Error(
        [
          missing.length ? `declared but without a "### function.action" heading: ${missing.join(', ')}` : '',
          extra.length ? `documented but declared by no function: ${extra.join(', ')}` : '',
          duplicates.length ? `documented twice: ${duplicates.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; '),
      )
    }
    expect(sorted(byFunction)).toEqual(sorted(declared))
  })
})
