const path = require('node:path')

module.exports = {
  displayName: 'server',
  rootDir: path.resolve(__dirname, '..'),
  testEnvironment: 'node',
  testMatch: [
    '<rootDir>/test/emulator/**/*.test.ts',
    '<rootDir>/test/functions/**/*.test.ts',
    '<rootDir>/test/budget/**/*.test.ts',
    '<rootDir>/test/authorization/**/*.test.ts',
  ],
  setupFiles: ['<rootDir>/test/setup/clock.ts'],
  transform: { '\\.[jt]sx?$': 'babel-jest' },
  moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/types/$1' },
}
