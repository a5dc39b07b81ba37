// The `stepwise` command for developers and CI: export, validate, lint, check. See runCli.ts.
import { runCli } from './runCli';

const code = await runCli(process.argv.slice(2), { out: (text) => console.log(text), err: (text) => console.error(text) });
process.exitCode = code;
