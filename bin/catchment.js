#!/usr/bin/env node
// The command line runs the compiled engine; `npm install` compiles it (the prepare script).
const cli = require('../dist/src/cli/main.js');
cli.quietOnClosedPipe();
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
