const path = require('node:path')

module.exports = {
  displayName: 'browser',
  rootDir: path.resolve(__dirname, '..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
  setupFiles: ['<rootDir>/test/setup/clock.ts'],
  transform: { '\\.[jt]sx?$': 'babel-jest' },
  moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/types/$1' },
}
