/**
 * The bank accounts the transaction tests move money between: an emulator with the fixtures' collections and
 * functions (`transfer` moves one unit inside a function call, as the product's functions do), and `accounts`
 * documents of `{ balance }` read and written through the real SDK.
 */
import path from 'node:path'
import { startEmulator, type Emulator } from '../helpers/emulator'
import { connectSdk, type Sdk } from '../helpers/sdk'

export interface Bank {
  emu: Emulator
  sdk: Sdk
  balance(id: string): Promise<number>
  /** Opens (or resets) an account with this balance. */
  account(id: string, amount: number): Promise<void>
}

export async function startBank(lockWaitMs?: number): Promise<Bank> {
  const emu = await startEmulator({
    collectionsFile: path.join(__dirname, 'fixtures', 'collections.json'),
    functionsDir: path.join(__dirname, 'fixtures', 'functions'),
    lockWaitMs,
  })
  const sdk = connectSdk(emu.url)
  const accounts = () => sdk.db.collection('accounts')
  return {
    emu,
    sdk,
    balance: async (id) => (await accounts().doc(id).get()).data.balance as number,
    account: async (id, amount) => {
      await accounts()
        .doc(id)
        .set({ data: { balance: amount } })
    },
  }
}
