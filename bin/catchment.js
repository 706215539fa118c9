#!/usr/bin/env node
// The command line runs the compiled engine; `npm install` compiles it (the prepare script).
require('../dist/src/cli/main.js').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
