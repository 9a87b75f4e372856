import '@testing-library/jest-dom'

// Each test starts pages that talk to a real emulator over HTTP.
jest.setTimeout(60000)
