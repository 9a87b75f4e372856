// The instance of one function runs in a process of its own, started in the function's folder. The host is
// TypeScript: register the loader from the emulator's own packages, load the host, then unregister it so
// that the function's code is loaded by plain Node.js, as on CloudBase.
const unregister = require('tsx/cjs/api').register()
require('./function-host.ts')
unregister()
