/**
 * The server tests' one emulator per test file, the twin of the pages tests' `startEmulatorForFile`
 * (test/pages/support/app.ts).
 */
import { startEmulator, type Emulator, type StartOptions } from './emulator'
import { ledgerViolations, readLedgerState } from './invariants'
import { connectSdk, type Sdk } from './sdk'

export interface FileEmulatorOptions extends StartOptions {
  /** The seed the database is reset to before each test; without it the file resets where it needs to. */
  reset?: 'demo' | 'none'
  /** Check the ledger's invariants (`ledgerViolations`) after each test. */
  ledger?: boolean
}

/**
 * Registers the file's hooks: before all, start an emulator with `options` (the StartOptions) and hand it
 * and an SDK connected to it to `started`, which keeps them in the file's own variables; after all, stop it;
 * before each test, reset it to `options.reset`; after each test, with `ledger`, expect no ledger violation.
 * Call it at the top of the file, before the file's own hooks: those run after the reset and after the
 * ledger check, in the order they are declared.
 */
export function startEmulatorForFile(
  options: FileEmulatorOptions,
  started: (emu: Emulator, sdk: Sdk) => void,
): void {
  const { reset, ledger, ...start } = options
  let emu: Emulator | undefined
  let sdk: Sdk | undefined
  beforeAll(async () => {
    emu = await startEmulator(start)
    sdk = connectSdk(emu.url)
    started(emu, sdk)
  })
  afterAll(async () => {
    await emu?.stop()
  })
  if (reset)
    beforeEach(async () => {
      await emu!.reset(reset)
    })
  if (ledger)
    afterEach(async () => {
      expect(ledgerViolations(await readLedgerState(sdk!))).toEqual([])
    })
}
