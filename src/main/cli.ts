#!/usr/bin/env node
import { runCli } from './run-cli.js';

// The composition root of the command line: the only place that hands process state to the commands.
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
