// `npm start`: the desktop app in Electron; where its binary is missing and cannot be fetched,
// one line says so and the web host starts instead.
import { spawn } from 'node:child_process';
import { findElectronBinary, tryInstallElectron } from './electronBinary.mjs';

let electron = findElectronBinary();
if (!electron && !process.env.STEPWISE_NO_ELECTRON && (await tryInstallElectron())) electron = findElectronBinary();

const child = electron
  ? spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' })
  : (console.log('Electron is not installed on this machine (its binary could not be downloaded), so Stepwise starts in your browser instead.'),
    spawn(process.execPath, ['dist/main/web-host.js', '--open', ...process.argv.slice(2)], { stdio: 'inherit' }));

child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
