// The emulator the page and weapp tests talk to: the real one, as a child process (test/helpers/emulator.ts).
export { startEmulator, type Emulator } from '../../helpers/emulator'
