// One Jest run, four kinds of test (see test/README.md):
//   server  — the emulator, the cloud functions and the budgets, over HTTP like the app;
//   pages   — the H5 pages rendered with Testing Library under jsdom;
//   weapp   — the real weapp build (dist/) rendered and tapped with miniprogram-simulate;
//   browser — the H5 build in Debian's Chromium, driven by playwright-core.
// Tests own their time zone: Asia/Shanghai, the product's, unless XIAOSHE_TEST_TZ names another (the time
// check also runs UTC and America/Los_Angeles). The machine's own zone never leaks in; the emulators and
// browsers the tests start take this one too.
process.env.TZ = process.env.XIAOSHE_TEST_TZ || 'Asia/Shanghai'

module.exports = {
  // Browser journeys and emulator restarts take seconds, not milliseconds.
  testTimeout: 120000,
  projects: [
    '<rootDir>/test/jest.server.config.js',
    '<rootDir>/test/jest.pages.config.js',
    '<rootDir>/test/jest.weapp.config.js',
    '<rootDir>/test/jest.browser.config.js',
  ],
}
