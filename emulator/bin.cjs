#!/usr/bin/env node
// Starts the emulator from any folder (`cloudbase-emulator` once this package is linked or installed): the
// TypeScript loader comes from the emulator's own packages, not from the project it is run in.
require('tsx/cjs/api').register()
require('./cli.ts')
