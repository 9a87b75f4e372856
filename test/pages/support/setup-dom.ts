import '@testing-library/jest-dom'
import { configure } from '@testing-library/react'

// Each test starts pages that talk to a real emulator over HTTP.
jest.setTimeout(60000)

// findBy… and waitFor wait for what a page shows after a real round trip to the emulator, which takes more than
// Testing Library's default second on a busy machine: they still return as soon as the condition holds.
configure({ asyncUtilTimeout: 10_000 })
