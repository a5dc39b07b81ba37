import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/runCli';
import { createProjectStore } from '../../main/services/projectStore';
import { createFlow, createProject } from '../../shared/model/create';
import type { Project } from '../../shared/model/project';

const golden = fileURLToPath(new URL('../fixtures/golden/', import.meta.url));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function projectOnDisk(project: Project): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-cli-'));
  return (await createProjectStore({ projectsDir: dir }).create(project.name, project)).path;
}

function cleanProject(): Project {
  const project = createProject('Clean');
  project.flows.push(createFlow('tour', 'Welcome', 'en'), createFlow('survey', 'NPS', 'en'));
  return project;
}

describe('stepwise CLI', () => {
  it('exports the golden project to the committed bundle, byte for byte, twice', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'stepwise-cli-')), 'bundle.json');
    const first = await run('export', join(golden, 'Golden.stepwise'), '--out', out);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^Wrote .*bundle\.json \(4 flows, \d+ bytes\) with 3 warning\(s\)/);
    const bytes = readFileSync(out, 'utf8');
    expect(bytes).toBe(readFileSync(join(golden, 'bundle.json'), 'utf8'));
    await run('export', join(golden, 'Golden.stepwise', 'project.json'), '--out', out);
    expect(readFileSync(out, 'utf8')).toBe(bytes);
  });

  it('lint: a clean project exits 0, with --json', async () => {
    const result = await run('lint', await projectOnDisk(cleanProject()), '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({ errors: 0, warnings: 0, problems: [] });
  });

  it('lint: errors exit 1 and are listed with where they are; export is refused', async () => {
    const project = cleanProject();
    const tour = project.flows[0]!;
    if (tour.kind === 'tour') tour.tour.steps[0]!.type = 'tooltip';
    const checklist = createFlow('checklist', 'Start', 'en');
    checklist.checklist.items[0]!.action = { kind: 'startFlow', flowId: 'deleted_flow' };
    project.flows.push(checklist);
    const path = await projectOnDisk(project);
    const result = await run('lint', path, '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out) as { errors: number; problems: { code: string; flowId: string; itemId?: string; message: string }[] };
    expect(report.errors).toBe(2);
    expect(report.problems.map((problem) => problem.code)).toEqual(['noAnchor', 'missingFlow']);
    expect(report.problems[0]).toMatchObject({ flowId: tour.id, itemId: tour.kind === 'tour' ? tour.tour.steps[0]!.id : '' });
    expect(report.problems[1]!.message).toBe('“Start” item 1 refers to a flow that was deleted (deleted_flow): choose another flow.');

    const exported = await run('export', path, '--out', join(path, 'bundle.json'));
    expect(exported.code).toBe(1);
    expect(exported.err).toMatch(/^Not exported: 2 error\(s\) must be fixed first\./);
  });

  it('validate: a good bundle exits 0, a malformed one 1 with paths, a missing file 2', async () => {
    expect((await run('validate', join(golden, 'bundle.json'))).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'stepwise-cli-'));
    const broken = JSON.parse(readFileSync(join(golden, 'bundle.json'), 'utf8'));
    broken.flows[0].tour.steps[0].placement = 'sideways';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    const invalid = await run('validate', join(dir, 'broken.json'), '--json');
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.out)).toMatchObject({ ok: false, kind: 'invalid', problems: [{ path: '$.flows[0].tour.steps[0].placement' }] });
    writeFileSync(join(dir, 'text.json'), 'not json {');
    expect((await run('validate', join(dir, 'text.json'))).err).toMatch(/is not valid JSON/);
    const missing = await run('validate', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`Could not read ${join(dir, 'nope.json')}: it does not exist.`);
  });

  it('validate: a version that is not a whole number is "not a valid version", not "newer"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepwise-cli-'));
    const goldenBundle = readFileSync(join(golden, 'bundle.json'), 'utf8');
    for (const version of ['1.5', '1e400']) {
      const file = join(dir, `v${version}.json`);
      writeFileSync(file, goldenBundle.replace(/"version": \d+/, `"version": ${version}`));
      const result = await run('validate', file);
      expect(result.code, version).toBe(1);
      expect(result.err, version).toContain(`${file} is not a valid bundle:\n  $.version is ${version === '1.5' ? '1.5' : 'Infinity'}, which is not a valid version`);
      expect(result.err, version).not.toContain('newer');
    }
  });

  it('validate says a version 1 bundle is valid and is read as version 2', async () => {
    const v1 = fileURLToPath(new URL('../fixtures/formatV1/bundle.json', import.meta.url));
    expect(await run('validate', v1)).toMatchObject({ code: 0, out: `${v1} is a valid Stepwise bundle (version 1, read as 2, 4 flows).` });
  });

  it('validate and lint read files that start with a UTF-8 byte-order mark', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepwise-cli-'));
    const bundle = join(dir, 'bom.json');
    writeFileSync(bundle, `\uFEFF${readFileSync(join(golden, 'bundle.json'), 'utf8')}`);
    expect(await run('validate', bundle)).toMatchObject({ code: 0, out: `${bundle} is a valid Stepwise bundle (version 2, 4 flows).` });

    const project = await projectOnDisk(cleanProject());
    const file = join(project, 'project.json');
    writeFileSync(file, `\uFEFF${readFileSync(file, 'utf8')}`);
    expect(await run('lint', project)).toMatchObject({ code: 0, out: 'No problems found.' });
  });

  it('lint: a project whose version is 1.5 or 1e400 is "not a valid version", with the file and path', async () => {
    for (const version of ['1.5', '1e400']) {
      const project = await projectOnDisk(cleanProject());
      const file = join(project, 'project.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/"version": \d+/, `"version": ${version}`));
      const result = await run('lint', project);
      expect(result.code, version).toBe(2);
      expect(result.err, version).toContain(`${file} has a problem at $.version`);
      expect(result.err, version).toContain('which is not a valid version');
      expect(result.err, version).not.toContain('newer');
    }
  });

  it('lint, export and check on a project folder with git conflict markers: exit 2 naming the file, the line and both sides; no bundle is written', async () => {
    const project = cleanProject();
    const tour = project.flows[0]!;
    const path = await projectOnDisk(project);
    const file = join(path, 'flows', `${tour.id}.json`);
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((row) => row.includes('"name": "Welcome"'));
    lines.splice(at, 1, '<<<<<<< HEAD', lines[at]!.replace('Welcome', 'Welcome by Ben'), '=======', lines[at]!.replace('Welcome', 'Welcome by Ana'), '>>>>>>> ana');
    writeFileSync(file, lines.join('\n'));
    const message =
      `${basename(path)}/flows/${tour.id}.json still has git conflict markers from a merge, at line ${at + 1}: one side (HEAD) names the flow "Welcome by Ben", the other (ana) "Welcome by Ana". ` +
      'Keep one side in the file, then `git add` it and commit to finish the merge, and open the project again. Nothing was changed.';
    const out = join(path, 'bundle.json');
    for (const argv of [['lint', path], ['lint', path, '--json'], ['export', path, '--out', out], ['check', path, '--json']]) {
      const result = await run(...argv);
      expect(result, argv.join(' ')).toEqual({ code: 2, out: '', err: message });
    }
    expect(existsSync(out)).toBe(false);
  });

  it('usage errors exit 2 with the usage text', async () => {
    for (const argv of [[], ['frobnicate', 'x'], ['export', join(golden, 'Golden.stepwise')], ['lint', 'a', 'b'], ['lint', 'x', '--bogus']]) {
      const result = await run(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.out + result.err).toContain('Usage:');
    }
    expect((await run('lint', join(tmpdir(), 'no-such-project.stepwise'))).code).toBe(2);
  });
});
