const path = require('node:path')

// The real weapp build (dist/) rendered and tapped with miniprogram-simulate under jsdom.
module.exports = {
  displayName: 'weapp',
  rootDir: path.resolve(__dirname, '..'),
  testEnvironment: '<rootDir>/test/pages/support/environment.js',
  testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/weapp/support/setup.ts'],
  setupFiles: ['<rootDir>/test/setup/clock.ts'],
  transform: { '\\.[jt]sx?$': 'babel-jest' },
  moduleNameMapper: {
    '^@shared/(.*)$': '<rootDir>/types/$1',
  },
}
