const path = require('node:path')

// The H5 pages rendered with Testing Library under jsdom, talking over HTTP to a real emulator.
module.exports = {
  displayName: 'pages',
  rootDir: path.resolve(__dirname, '..'),
  testEnvironment: '<rootDir>/test/pages/support/environment.js',
  testMatch: ['<rootDir>/test/pages/**/*.test.tsx'],
  setupFiles: ['<rootDir>/test/setup/clock.ts', '<rootDir>/test/pages/support/setup-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/pages/support/setup-dom.ts'],
  transform: { '\\.[jt]sx?$': 'babel-jest', '\\.mjs$': 'babel-jest' },
  // Taro and taro-ui ship ES modules, and so do some packages they nest under their own node_modules (.pnpm
  // folders): transform every file whose whole path mentions one of them.
  transformIgnorePatterns: [
    '^(?!.*/(@tarojs|taro-ui|@stencil|swiper|ssr-window|dom7|lodash-es|query-string|decode-uri-component|split-on-first|filter-obj|nanoid)/).*/node_modules/',
  ],
  // Like Taro's build for H5, prefer `x.h5.tsx` over `x.tsx`.
  moduleFileExtensions: ['h5.tsx', 'h5.ts', 'tsx', 'ts', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/pages/support/taro.ts',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '\\.(css|scss|sass|less)$': '<rootDir>/test/pages/support/style-stub.js',
    '\\.(png|jpe?g|gif|svg)$': '<rootDir>/test/pages/support/file-stub.js',
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@shared/(.*)$': '<rootDir>/types/$1',
  },
}
