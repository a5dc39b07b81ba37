import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { BuilderApiError } from '../../shared/api/apiError';
import { BundleImageError, buildBundle, serializeBundle } from '../../shared/bundle/buildBundle';
import { validateBundle } from '../../shared/bundle/validateBundle';
import { lintProject, type LintProblem } from '../../shared/lint/lintProject';
import { writeFileAtomic } from '../services/atomicWrite';
import { bundleImageFiles, readBundleImageData } from '../../shared/bundle/bundleImageData';
import { createProjectStore } from '../services/projectStore';
import { CheckUsageError, runCheck } from './checkCommand';

export const USAGE = `Usage:
  stepwise export <project> --out <bundle.json> [--ready-only]   write the flow bundle (refused while lint finds errors)
  stepwise validate <bundle.json> [--json]                       check a bundle against the published schema
  stepwise lint <project> [--json] [--strict]                    list problems (errors, and warnings)
  stepwise check <project> [--base-url URL] [--screen ID]... [--json] [--verbose] [--report FILE.html] [--timeout S] [--state-dir DIR]
                                                                 load each screen's page (saved sign-in, recorded path) and
                                                                 resolve every anchor as the player would: ok, moved,
                                                                 changed, ambiguous or missing
    --base-url URL   check another deployment: every screen's address on this origin (https://staging.example.com)
    --screen ID      only this screen (repeatable)
    --json           the report as JSON, led by "result" ("ok" or "problems"), "exitCode", "problems" and "screensFailed"
    --verbose        list every moved step too (by default a count per flow: they still play)
    --report FILE    also write an offline HTML report with both screenshots per step
    --timeout S      seconds each page may take to load (default 30)
    --state-dir DIR  where the app keeps saved sign-ins (default: $STEPWISE_STATE_DIR, else the OS's app-data folder)

<project> is a .stepwise folder or its project.json.
Exit codes: 0 ok, 1 problems found (lint errors, --strict warnings, an invalid bundle; check: a step changed,
ambiguous or missing, or a screen that could not be checked), 2 usage or I/O error.`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes, as the README documents them. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

class UsageError extends Error {}

function formatLint(problems: readonly LintProblem[]): string {
  return problems.map((problem) => `${problem.severity === 'error' ? 'error  ' : 'warning'}  ${problem.message}`).join('\n');
}

/** The store for a project given on the command line; it only reads here, never writing into a project it lints or exports. */
const storeFor = (path: string) => createProjectStore({ projectsDir: dirname(resolve(path)) });

async function openProject(path: string) {
  return (await storeFor(path).open(path)).project;
}

/** Node's words for an unknown option suggest '-- "--bogus"' with a quote left open: ours name the option and stop. */
function usageMessage(error: Error): string {
  if ((error as { code?: string }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return error.message;
  const option = /^Unknown option '([^']*)'/.exec(error.message)?.[1];
  return option ? `Unknown option ${option}.` : 'Unknown option.';
}

/** The CLI without a process: parses argv, runs, writes to io, returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        'ready-only': { type: 'boolean' },
        json: { type: 'boolean' },
        strict: { type: 'boolean' },
        help: { type: 'boolean' },
        'base-url': { type: 'string' },
        screen: { type: 'string', multiple: true },
        report: { type: 'string' },
        timeout: { type: 'string' },
        'state-dir': { type: 'string' },
        verbose: { type: 'boolean' },
      },
    });
    const [command, target, ...extra] = positionals;
    if (values.help || !command) {
      io.out(USAGE);
      return values.help ? EXIT.ok : EXIT.usage;
    }
    if (!target) throw new UsageError(`${command} needs a file.`);
    if (extra.length) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}.`);
    const checkOnly = (['base-url', 'screen', 'report', 'timeout', 'state-dir', 'verbose'] as const).filter((name) => values[name] !== undefined);
    if (command !== 'check' && checkOnly.length) throw new UsageError(`--${checkOnly[0]} is an option of stepwise check, not of ${command}.`);

    switch (command) {
      case 'lint': {
        const problems = lintProject(await openProject(target));
        const errors = problems.filter((problem) => problem.severity === 'error').length;
        if (values.json) io.out(JSON.stringify({ errors, warnings: problems.length - errors, problems }, null, 2));
        else io.out(problems.length ? `${formatLint(problems)}\n${errors} error(s), ${problems.length - errors} warning(s).` : 'No problems found.');
        return errors || (values.strict && problems.length) ? EXIT.problems : EXIT.ok;
      }
      case 'export': {
        if (!values.out) throw new UsageError('export needs --out <bundle.json>.');
        const project = await openProject(target);
        const readyOnly = Boolean(values['ready-only']);
        const problems = lintProject(project, { readyOnly });
        const errors = problems.filter((problem) => problem.severity === 'error');
        if (errors.length) {
          io.err(`Not exported: ${errors.length} error(s) must be fixed first.\n${formatLint(errors)}`);
          return EXIT.problems;
        }
        // Article images travel inside the bundle, read from the project's images folder.
        const imageData = await readBundleImageData(bundleImageFiles(project, readyOnly), (file) => storeFor(target).readImage(target, file));
        let bundle: ReturnType<typeof buildBundle>;
        try {
          bundle = buildBundle(project, { readyOnly, imageData });
        } catch (error) {
          if (!(error instanceof BundleImageError)) throw error;
          io.err(`Not exported: ${error.message}`);
          return EXIT.problems;
        }
        const text = serializeBundle(bundle);
        const out = resolve(values.out);
        await mkdir(dirname(out), { recursive: true });
        await writeFileAtomic(out, text);
        const warnings = problems.length;
        io.out(`Wrote ${out} (${bundle.flows.length} flows, ${Buffer.byteLength(text)} bytes)${warnings ? ` with ${warnings} warning(s):\n${formatLint(problems)}` : '.'}`);
        return EXIT.ok;
      }
      case 'validate': {
        let text: string;
        try {
          text = await readFile(target, 'utf8');
        } catch (error) {
          throw new BuilderApiError({ code: 'io', message: `Could not read ${target}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (error as Error).message}.` });
        }
        const result = validateBundle(text);
        if (values.json) io.out(JSON.stringify(result.ok ? { ok: true, flows: result.bundle.flows.length } : { ok: false, kind: result.kind, problems: result.problems }, null, 2));
        else if (result.ok) io.out(`${target} is a valid Stepwise bundle (version ${result.upgradedFrom ? `${result.upgradedFrom}, read as ${result.bundle.version}` : result.bundle.version}, ${result.bundle.flows.length} flows).`);
        else io.err(`${target} is not a valid bundle:\n${result.problems.map((problem) => `  ${problem.path} ${problem.message}`).join('\n')}`);
        return result.ok ? EXIT.ok : EXIT.problems;
      }
      case 'check': {
        const problems = await runCheck(
          {
            target,
            project: await openProject(target),
            ...(values['base-url'] !== undefined ? { baseUrl: values['base-url'] } : {}),
            ...(values.screen ? { screens: values.screen } : {}),
            ...(values.json ? { json: true } : {}),
            ...(values.verbose ? { verbose: true } : {}),
            ...(values.report !== undefined ? { reportFile: values.report } : {}),
            ...(values.timeout !== undefined ? { timeout: values.timeout } : {}),
            ...(values['state-dir'] !== undefined ? { stateDir: values['state-dir'] } : {}),
          },
          io,
        );
        return problems ? EXIT.problems : EXIT.ok;
      }
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof CheckUsageError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      io.err(`${usageMessage(error as Error)}\n\n${USAGE}`);
      return EXIT.usage;
    }
    io.err(error instanceof Error ? error.message : String(error));
    // A damaged or missing project or bundle file is an I/O problem, not a lint finding.
    return EXIT.usage;
  }
}
