import fs from 'node:fs'
import path from 'node:path'
import { DIST, assertBuilt } from './support/weapp'

/** Every text file of the weapp build, relative to dist/. */
function builtFiles(dir = DIST): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return builtFiles(full)
    return /\.(js|json|wxml|wxss|wxs)$/.test(entry.name) ? [path.relative(DIST, full)] : []
  })
}

test('the weapp build carries no demo-identity picker: WeChat users are who WeChat says they are', () => {
  assertBuilt()
  const offenders = builtFiles().filter((file) => {
    const text = fs.readFileSync(path.join(DIST, file), 'utf8')
    return ['体验身份', 'identity-picker', '__emulator', 'x-wx-openid', 'demo-identity'].some((mark) =>
      text.includes(mark),
    )
  })
  expect(offenders).toEqual([])
})
