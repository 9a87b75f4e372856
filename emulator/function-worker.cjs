// Worker threads do not inherit the TypeScript loader of the main thread: register it, then load the host.
require('tsx/cjs/api').register()
require('./function-worker.ts')
