import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProjectStore } from '../../main/services/projectStore';
import { BuilderApiError } from '../../shared/api/apiError';
import { createFlow, createTourStep } from '../../shared/model/create';
import type { Flow } from '../../shared/model/flow';
import type { Project } from '../../shared/model/project';
import { loadProjectText } from '../../shared/project/loadProject';
import { storedProject } from '../../shared/project/storedElementMap';
import { stableStringify } from '../../shared/stableJson';
import { demoProject } from '../fixtures/demoProject';

/**
 * Issue 18's promise, with real git: two people change one project on two branches, and git merges
 * their folders (a file a flow, a file a screen, order as fractional keys) without a conflict; the
 * merged folder opens with both changes. One repository for the whole file: each pair of changes
 * starts two branches from the same base commit.
 */

const run = promisify(execFile);
let repo: string;
let folder: string;
/** The machine's and the user's git config must not matter (a global merge.conflictStyle, a hook, a signing key). */
const gitEnv = (home: string) => ({
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: home,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  LANG: 'C',
  LC_ALL: 'C',
});
let env: NodeJS.ProcessEnv;

async function git(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('git', args, { cwd: repo, env });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}
async function gitOk(...args: string[]): Promise<string> {
  const result = await git(...args);
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed (${result.code}):\n${result.out}`);
  return result.out;
}

const clone = <T>(value: T): T => structuredClone(value);
const tourOf = (project: Project, id: string) => {
  const flow = project.flows.find((candidate) => candidate.id === id);
  if (flow?.kind !== 'tour') throw new Error(`no tour ${id}`);
  return flow.tour;
};

/** A step of the base's tour by its place there (first: 0, last: -1), found by id wherever it is now. */
const stepOf = (project: Project, tourId: string, place: number) => {
  const id = tourOf(base, tourId).steps.at(place)!.id;
  return tourOf(project, tourId).steps.find((step) => step.id === id)!;
};

/** A tour with fixed ids (so the expected project can be built in memory) and several steps. */
function tour(id: string, name: string, titles: string[]): Flow {
  const flow = createFlow('tour', name, 'en');
  flow.id = id;
  flow.tour.steps = titles.map((title, index) => ({ ...createTourStep('en'), id: `${id}_step${index + 1}`, title: { en: title }, body: { en: `About ${title}.` } }));
  return flow;
}

/**
 * The base: the demo project (a tour of 3 steps, a hotspot, a checklist that starts the tour, a
 * survey) plus a captured screen with its 39-element map and the tour and hotspot made on it
 * (tests/fixtures/formatV2), and one more tour that somebody will delete.
 */
async function baseProject(): Promise<Project> {
  const captured = loadProjectText(await readFile(new URL('../fixtures/formatV2/project.json', import.meta.url), 'utf8'), 'formatV2/project.json');
  if (!captured.ok) throw new Error(captured.error.message);
  const project = demoProject();
  const [invoicesTour, customersHotspot] = captured.project.flows;
  project.screens.push(...captured.project.screens);
  project.flows = [
    invoicesTour!,
    ...project.flows,
    tour('tour_old_announcement', 'Old announcement', ['We moved', 'Find reports here', 'Thanks']),
    customersHotspot!,
  ];
  return project;
}

interface Change {
  name: string;
  apply: (project: Project) => void;
}

/** The flows each change works on, so the pairs can be chosen honestly: apart, or all in one flow. */
interface Targets {
  moved: string;
  renamed: string;
  edited: string;
  deleted: string;
}

const NEW_FLOW = tour('tour_billing', 'Billing tour', ['Plans', 'Invoices', 'Cards']);

function changes(targets: Targets): Change[] {
  return [
    { name: 'add a flow', apply: (project) => void project.flows.push(clone(NEW_FLOW)) },
    {
      name: 'add a screen',
      apply: (project) => {
        const screen = clone(project.screens.find((candidate) => candidate.id === 'screen_invoices')!);
        project.screens.push({ ...screen, id: 'screen_invoices_new', name: 'Invoices (new layout)', image: { ...screen.image, file: `${'d'.repeat(64)}.png` } });
      },
    },
    {
      name: `move ${targets.moved} to the top`,
      apply: (project) => {
        const index = project.flows.findIndex((flow) => flow.id === targets.moved);
        project.flows.unshift(...project.flows.splice(index, 1));
      },
    },
    { name: `rename ${targets.renamed}`, apply: (project) => void (project.flows.find((flow) => flow.id === targets.renamed)!.name = 'Renamed by Ana') },
    { name: `edit the first step of ${targets.edited}`, apply: (project) => void (stepOf(project, targets.edited, 0).title = { en: 'Start here', he: 'התחילו כאן' }) },
    { name: `edit the last step of ${targets.edited}`, apply: (project) => void (stepOf(project, targets.edited, -1).body = { en: 'That is all.', he: 'זה הכל.' }) },
    {
      name: `add a step at the end of ${targets.edited}`,
      apply: (project) => void tourOf(project, targets.edited).steps.push({ ...createTourStep('en'), id: 'step_added', title: { en: 'One more thing' } }),
    },
    { name: `delete ${targets.deleted}`, apply: (project) => void (project.flows = project.flows.filter((flow) => flow.id !== targets.deleted)) },
    { name: 'change the theme', apply: (project) => void (project.theme.brandColor = '#0f766e') },
  ];
}

const pairsOf = <T>(items: readonly T[]): [T, T][] => items.flatMap((first, index) => items.slice(index + 1).map((second): [T, T] => [first, second]));

/** What a person does in the app: open the project, change it, save (the store writes only what changed). */
async function changeAndSave(change: (project: Project) => void): Promise<void> {
  const store = createProjectStore({ projectsDir: repo });
  const opened = await store.open(folder);
  change(opened.project);
  await store.save(folder, opened.project);
}

/** A branch from the base with one person's change committed. */
async function branch(name: string, change: (project: Project) => void): Promise<void> {
  await gitOk('checkout', '-q', '-f', '-B', name, 'base');
  await gitOk('clean', '-q', '-fdx'); // what Stepwise keeps for itself (.backup/) is ignored, and not carried over
  await changeAndSave(change);
  await gitOk('add', '-A');
  await gitOk('commit', '-q', '-m', name);
}

/** A branch whose project is one project.json of format 3, as Stepwise wrote it before folders. */
async function commitSingleFile(name: string, from: string, project: Project): Promise<void> {
  await gitOk('checkout', '-q', '-f', '-B', name, from);
  await gitOk('clean', '-q', '-fdx');
  await gitOk('rm', '-q', '-r', '--ignore-unmatch', '--', join(folder, 'flows'), join(folder, 'screens'));
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'project.json'), stableStringify(storedProject({ ...project, version: 3 } as unknown as Project)));
  await gitOk('add', '-A');
  await gitOk('commit', '-q', '-m', name);
}

/** Two branches, one person each, then `git merge` of the first into the second. */
async function mergeTwo(first: (project: Project) => void, second: (project: Project) => void, mergeArgs: string[] = []) {
  await branch('ana', first);
  await branch('ben', second);
  return git(...mergeArgs, 'merge', '--no-edit', 'ana');
}

let base: Project;
const timings: number[] = [];

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'stepwise-team-'));
  env = gitEnv(repo);
  await gitOk('init', '-q', '-b', 'main');
  for (const [key, value] of [
    ['user.name', 'Stepwise Test'],
    ['user.email', 'test@stepwise.invalid'],
    ['commit.gpgsign', 'false'],
    ['core.autocrlf', 'false'],
    ['core.hooksPath', '/dev/null'],
  ]) {
    await gitOk('config', key!, value!);
  }
  base = await baseProject();
  folder = (await createProjectStore({ projectsDir: repo }).create('Acme onboarding', base)).path;
  await gitOk('add', '-A');
  await gitOk('commit', '-q', '-m', 'base');
  await gitOk('tag', 'base');
});

afterAll(async () => {
  if (timings.length) console.info(`teamMerge: ${timings.length} merges of two branches, ${Math.round(timings.reduce((sum, ms) => sum + ms, 0) / timings.length)} ms each on average`);
  await rm(repo, { recursive: true, force: true });
});

describe('two people change one project on two branches, and git merges them', () => {
  it('the base is committed as a folder of small files, with what Stepwise keeps for itself ignored', async () => {
    const tracked = (await gitOk('ls-files')).trim().split('\n');
    expect(tracked).toEqual(
      expect.arrayContaining(['Acme onboarding.stepwise/.gitattributes', 'Acme onboarding.stepwise/.gitignore', 'Acme onboarding.stepwise/project.json', 'Acme onboarding.stepwise/flows/tour_dashboard.json', 'Acme onboarding.stepwise/screens/screen_invoices.json']),
    );
    expect(tracked).toHaveLength(3 + base.flows.length + base.screens.length);
  });

  // Each change on its own flow: the tour whose steps are edited is not the renamed or moved one.
  const apart = changes({ moved: 'survey_nps', renamed: 'flow_tour_invoices', edited: 'tour_dashboard', deleted: 'tour_old_announcement' });
  // Rename, move and step edits all in one flow's file (different lines of it).
  const together = changes({ moved: 'tour_dashboard', renamed: 'tour_dashboard', edited: 'tour_dashboard', deleted: 'tour_old_announcement' });
  const inOneFlow = (change: Change) => /^(move|rename|edit|add a step)/.test(change.name);

  const cases = [
    ...pairsOf(apart).map(([first, second]) => ({ first, second, where: 'rename and move on other flows than the steps' })),
    ...pairsOf(together.filter(inOneFlow)).map(([first, second]) => ({ first, second, where: 'all in one flow file' })),
  ];

  // Each change is made once, on its own branch from the base; a pair merges two of them.
  const branches = new Map<Change, string>();
  async function branchOf(change: Change): Promise<string> {
    if (!branches.has(change)) {
      const name = `change-${branches.size + 1}`;
      await branch(name, change.apply);
      branches.set(change, name);
    }
    return branches.get(change)!;
  }

  it.each(cases)('$first.name + $second.name ($where): merges with no conflict and opens with both changes', async ({ first, second }) => {
    const started = performance.now();
    const [ana, ben] = [await branchOf(first), await branchOf(second)];
    await gitOk('checkout', '-q', '-f', '-B', 'ben', ben);
    await gitOk('clean', '-q', '-fdx');
    const merge = await git('merge', '--no-edit', ana);
    expect(merge.code, merge.out).toBe(0);
    expect(await gitOk('status', '--porcelain')).toBe('');
    const store = createProjectStore({ projectsDir: repo });
    const opened = await store.open(folder);
    timings.push(performance.now() - started);
    expect(opened.notices).toEqual([]);
    const expected = clone(base);
    first.apply(expected);
    second.apply(expected);
    expect(opened.project).toEqual(expected);
    // The merged files are what Stepwise itself would write: saving them changes nothing for git.
    await store.save(folder, opened.project);
    expect(await gitOk('status', '--porcelain')).toBe('');
  });

  it('on Windows (core.autocrlf): the .gitattributes Stepwise writes keeps LF line ends, merges open the same way, and a save adds no change for git', async () => {
    await gitOk('config', 'core.autocrlf', 'true');
    try {
      const [add, , move, rename] = apart;
      await gitOk('checkout', '-q', '-f', '-B', 'crlf-base', 'base');
      await gitOk('rm', '-q', '-r', '--cached', '.');
      await gitOk('reset', '-q', '--hard'); // the working tree as a Windows checkout has it
      expect(await readFile(join(folder, 'project.json'), 'utf8')).not.toContain('\r\n');
      const merge = await mergeTwo(
        (project) => (add!.apply(project), move!.apply(project)),
        rename!.apply,
      );
      expect(merge.code, merge.out).toBe(0);
      const store = createProjectStore({ projectsDir: repo });
      const opened = await store.open(folder);
      const expected = clone(base);
      [add!, move!, rename!].forEach((change) => change.apply(expected));
      expect(opened.project).toEqual(expected);
      await store.save(folder, opened.project);
      expect(await gitOk('status', '--porcelain')).toBe('');
    } finally {
      await gitOk('config', '--unset', 'core.autocrlf');
    }
  });

  it('on Windows without that .gitattributes (a team removed it): files checked out with CRLF are not rewritten by a save', async () => {
    await gitOk('config', 'core.autocrlf', 'true');
    try {
      await gitOk('checkout', '-q', '-f', '-B', 'crlf-no-attributes', 'base');
      await gitOk('rm', '-q', join(folder, '.gitattributes'));
      await gitOk('commit', '-q', '-m', 'no attributes');
      await gitOk('rm', '-q', '-r', '--cached', '.');
      await gitOk('reset', '-q', '--hard');
      const flowFile = join(folder, 'flows', 'tour_dashboard.json');
      expect(await readFile(flowFile, 'utf8')).toContain('\r\n');
      const store = createProjectStore({ projectsDir: repo });
      const opened = await store.open(folder);
      await store.save(folder, opened.project);
      expect(await readFile(flowFile, 'utf8')).toContain('\r\n'); // same content: left as checked out
      expect(await gitOk('status', '--porcelain')).toBe('');
    } finally {
      await gitOk('config', '--unset', 'core.autocrlf');
    }
  });

  it('two people who each move a different flow to the top: both on top, in id order, no conflict', async () => {
    const toTop = (id: string) => (project: Project) => void project.flows.unshift(...project.flows.splice(project.flows.findIndex((flow) => flow.id === id), 1));
    const merge = await mergeTwo(toTop('survey_nps'), toTop('hotspot_help'));
    expect(merge.code, merge.out).toBe(0);
    const opened = await createProjectStore({ projectsDir: repo }).open(folder);
    expect(opened.project.flows.map((flow) => flow.id).slice(0, 3)).toEqual(['hotspot_help', 'survey_nps', 'flow_tour_invoices']);
  });

  it('one deletes a flow the other edited: git stops (modify/delete), and the folder opens with the edited flow, so nothing is lost', async () => {
    const merge = await mergeTwo(
      (project) => void (tourOf(project, 'tour_old_announcement').steps[0]!.title = { en: 'We moved, again' }),
      (project) => void (project.flows = project.flows.filter((flow) => flow.id !== 'tour_old_announcement')),
    );
    expect(merge.code).toBe(1);
    expect(merge.out).toContain('CONFLICT (modify/delete): Acme onboarding.stepwise/flows/tour_old_announcement.json deleted in HEAD and modified in ana.');
    const opened = await createProjectStore({ projectsDir: repo }).open(folder);
    expect(tourOf(opened.project, 'tour_old_announcement').steps[0]!.title.en).toBe('We moved, again');
    await gitOk('merge', '--abort');
  });

  it('the same two additions in the old single-file layout (format 3): a conflict, as the issue measured', async () => {
    await commitSingleFile('single-base', 'base', base);
    await commitSingleFile('ana', 'single-base', { ...base, flows: [...base.flows, clone(NEW_FLOW)] });
    await commitSingleFile('ben', 'single-base', { ...base, flows: [...base.flows, tour('tour_reports', 'Reports tour', ['Filters', 'Export'])] });
    const merge = await git('merge', '--no-edit', 'ana');
    expect(merge.code).toBe(1);
    expect(merge.out).toContain('CONFLICT (content): Merge conflict in Acme onboarding.stepwise/project.json');
    await gitOk('merge', '--abort');
  });

  it('two people who each add a flow at the end of the outline: both flows, after the others', async () => {
    const other = tour('tour_reports', 'Reports tour', ['Filters', 'Export']);
    const merge = await mergeTwo(
      (project) => void project.flows.push(clone(NEW_FLOW)),
      (project) => void project.flows.push(clone(other)),
    );
    expect(merge.code, merge.out).toBe(0);
    const store = createProjectStore({ projectsDir: repo });
    const opened = await store.open(folder);
    expect(opened.notices).toEqual([]);
    // Both got the same key (after the last flow); the id decides, the same on every machine.
    expect(opened.project.flows.map((flow) => flow.id)).toEqual([...base.flows.map((flow) => flow.id), 'tour_billing', 'tour_reports']);
    // The next save gives one of them a key of its own and touches no other file.
    await store.save(folder, opened.project);
    expect((await gitOk('status', '--porcelain')).trim().split('\n')).toHaveLength(1);
    expect((await store.open(folder)).project.flows.map((flow) => flow.id)).toEqual(opened.project.flows.map((flow) => flow.id));
  });

  it('two people who each add a screen: both screens', async () => {
    const addScreen = (id: string) => (project: Project) => void project.screens.push({ ...clone(project.screens[0]!), id, name: id });
    const merge = await mergeTwo(addScreen('screen_ana'), addScreen('screen_ben'));
    expect(merge.code, merge.out).toBe(0);
    const opened = await createProjectStore({ projectsDir: repo }).open(folder);
    expect(opened.project.screens.map((screen) => screen.id)).toEqual([...base.screens.map((screen) => screen.id), 'screen_ana', 'screen_ben']);
  });
});

describe('what git cannot merge, Stepwise names', () => {
  /** Opens the conflicted folder: the error, and the line of the first marker in `file`. */
  async function openConflicted(file: string) {
    const line = (await readFile(file, 'utf8')).split('\n').findIndex((row) => row.startsWith('<<<<<<<')) + 1;
    const error = (await createProjectStore({ projectsDir: repo })
      .open(folder)
      .then(
        () => null,
        (failure: unknown) => failure,
      )) as BuilderApiError;
    expect(error).toBeInstanceOf(BuilderApiError);
    expect(error.code).toBe('mergeConflict');
    expect(error.file).toBe(file);
    return { line, message: error.message };
  }

  const renameTour = (name: string) => (project: Project) => void (project.flows.find((flow) => flow.id === 'tour_dashboard')!.name = name);

  for (const style of ['merge', 'diff3']) {
    it(`two renames of one flow: a git conflict, and opening it names the file, the line and both names (conflict style ${style})`, async () => {
      const merge = await mergeTwo(renameTour('Tour by Ana'), renameTour('Tour by Ben'), ['-c', `merge.conflictStyle=${style}`]);
      expect(merge.code).toBe(1);
      expect(merge.out).toContain('CONFLICT (content): Merge conflict in Acme onboarding.stepwise/flows/tour_dashboard.json');
      const file = join(folder, 'flows', 'tour_dashboard.json');
      const { line, message } = await openConflicted(file);
      expect(line).toBeGreaterThan(1);
      expect(message).toBe(
        `Acme onboarding.stepwise/flows/tour_dashboard.json still has git conflict markers from a merge, at line ${line}: one side (HEAD) names the flow "Tour by Ben", the other (ana) "Tour by Ana". ` +
          'Keep one side in the file, then `git add` it and commit to finish the merge, and open the project again. Nothing was changed.',
      );
      expect(await gitOk('status', '--porcelain')).toBe('UU "Acme onboarding.stepwise/flows/tour_dashboard.json"\n');

      // Taking one side is all it needs.
      await gitOk('checkout', '--theirs', '--', file);
      expect((await createProjectStore({ projectsDir: repo }).open(folder)).project.flows.find((flow) => flow.id === 'tour_dashboard')!.name).toBe('Tour by Ana');
      await gitOk('merge', '--abort');
    });
  }

  it('two moves of one flow to different places: the conflict says so, without the order keys', async () => {
    const moveTo = (index: number) => (project: Project) => {
      const [flow] = project.flows.splice(project.flows.findIndex((candidate) => candidate.id === 'survey_nps'), 1);
      project.flows.splice(index, 0, flow!);
    };
    const merge = await mergeTwo(moveTo(0), moveTo(base.flows.length - 1));
    expect(merge.code).toBe(1);
    const file = join(folder, 'flows', 'survey_nps.json');
    const { line, message } = await openConflicted(file);
    expect(message).toBe(
      `Acme onboarding.stepwise/flows/survey_nps.json still has git conflict markers from a merge, at line ${line}: both sides moved the flow "NPS", each to another place in the list. ` +
        'Keep one side in the file, then `git add` it and commit to finish the merge, and open the project again. Nothing was changed.',
    );
    await gitOk('merge', '--abort');
  });

  it('two changes of the theme colour: a conflict in project.json, named with its line, the field and both values', async () => {
    const merge = await mergeTwo(
      (project) => void (project.theme.brandColor = '#0f766e'),
      (project) => void (project.theme.brandColor = '#b91c1c'),
    );
    expect(merge.code).toBe(1);
    const file = join(folder, 'project.json');
    const { line, message } = await openConflicted(file);
    expect(message).toBe(
      `Acme onboarding.stepwise/project.json still has git conflict markers from a merge, at line ${line}: both sides changed the project "Acme onboarding" at $.theme.brandColor: one side (HEAD) has "#b91c1c", the other (ana) "#0f766e". ` +
        'Keep one side in the file, then `git add` it and commit to finish the merge, and open the project again. Nothing was changed.',
    );
    await gitOk('merge', '--abort');
  });

  it('two edits of one step title: the conflict names the flow, the step field and both texts', async () => {
    const retitle = (title: string) => (project: Project) => void (tourOf(project, 'tour_dashboard').steps[1]!.title.en = title);
    const merge = await mergeTwo(retitle('Revenue this month'), retitle('Your revenue'));
    expect(merge.code).toBe(1);
    const file = join(folder, 'flows', 'tour_dashboard.json');
    const { line, message } = await openConflicted(file);
    expect(message).toContain(
      `at line ${line}: both sides changed the flow "Dashboard tour" at $.flow.tour.steps[1].title.en: one side (HEAD) has "Your revenue", the other (ana) "Revenue this month".`,
    );
    await gitOk('merge', '--abort');
  });

  it('the team upgrades: one branch saved with this version (a folder), another changed the single file; the conflict says so, and its advice keeps that change', async () => {
    await commitSingleFile('single-base', 'base', base);
    const renamed = clone(base);
    renamed.flows.find((flow) => flow.id === 'survey_nps')!.name = 'NPS (renamed before the upgrade)';
    await commitSingleFile('old-app', 'single-base', renamed);
    await gitOk('checkout', '-q', '-f', '-B', 'upgraded', 'single-base');
    await changeAndSave(() => undefined); // opened and saved by this version: the folder, with the old file as .bak
    await gitOk('add', '-A');
    await gitOk('commit', '-q', '-m', 'upgraded');
    const merge = await git('merge', '--no-edit', 'old-app');
    expect(merge.code).toBe(1);

    const file = join(folder, 'project.json');
    const { line, message } = await openConflicted(file);
    expect(message).toBe(
      `Acme onboarding.stepwise/project.json still has git conflict markers from a merge, at line ${line}: one side (HEAD) has the project as a folder of small files, the other (old-app) changed the single project.json of before. ` +
        `To keep that side's changes, run "git checkout --theirs -- project.json" in Acme onboarding.stepwise, delete flows/ and screens/, then open and save the project ` +
        '(what the other side changed in flow files since the move is not kept); `git add` the folder and commit to finish the merge. Nothing was changed.',
    );

    // The advice, step by step.
    await gitOk('checkout', '--theirs', '--', file);
    await rm(join(folder, 'flows'), { recursive: true });
    await rm(join(folder, 'screens'), { recursive: true });
    const store = createProjectStore({ projectsDir: repo });
    const opened = await store.open(folder);
    expect(opened.project.flows.find((flow) => flow.id === 'survey_nps')!.name).toBe('NPS (renamed before the upgrade)');
    await store.save(folder, opened.project);
    await gitOk('add', '-A');
    await gitOk('commit', '-q', '--no-edit');
    const merged = await createProjectStore({ projectsDir: repo }).open(folder);
    expect(merged.notices).toEqual([]);
    expect(merged.project).toEqual(renamed);
    expect(await readdir(join(folder, 'flows'))).toHaveLength(base.flows.length);
  });

  it('two people who copied the same flow file (the same id in three files): repaired on load with a notice, and the next save gives each its own file', async () => {
    const copyFlowFile = (name: string) => async () => {
      await gitOk('checkout', '-q', '-f', '-B', name, 'base');
      await copyFile(join(folder, 'flows', 'tour_dashboard.json'), join(folder, 'flows', `tour_dashboard ${name}.json`));
      await gitOk('add', '-A');
      await gitOk('commit', '-q', '-m', `${name} copies the tour`);
    };
    await copyFlowFile('ana')();
    await copyFlowFile('ben')();
    const merge = await git('merge', '--no-edit', 'ana');
    expect(merge.code, merge.out).toBe(0);

    const store = createProjectStore({ projectsDir: repo });
    const opened = await store.open(folder);
    const tours = opened.project.flows.filter((flow) => flow.name === 'Dashboard tour');
    expect(tours).toHaveLength(3);
    expect(new Set(tours.map((flow) => flow.id)).size).toBe(3);
    // The file named after the id keeps it, so what refers to the flow (the checklist) still finds the original.
    expect(tours.map((flow) => flow.id)).toContain('tour_dashboard');
    // One notice a copy, naming its file; its steps' repeated ids are counted in it.
    const [anaCopy, benCopy] = opened.project.flows.filter((flow) => flow.name === 'Dashboard tour' && flow.id !== 'tour_dashboard');
    expect(opened.notices).toEqual(
      [anaCopy!, benCopy!].map(
        (copy, index) =>
          `${join(folder, 'flows', `tour_dashboard ${['ana', 'ben'][index]}.json`)} at $.flow.id repeated the id "tour_dashboard"; it is now "${copy.id}", and its 3 repeated step ids are new too.`,
      ),
    );
    const steps = tourOf(opened.project, 'tour_dashboard').steps.map((step) => step.id);
    const allStepIds = tours.flatMap((flow) => (flow.kind === 'tour' ? flow.tour.steps.map((step) => step.id) : []));
    expect(new Set(allStepIds).size).toBe(allStepIds.length);
    expect(steps).toEqual(['step_new_invoice', 'step_revenue', 'step_activity']);

    await store.save(folder, opened.project);
    const files = (await readdir(join(folder, 'flows'))).sort();
    expect(files).toEqual(opened.project.flows.map((flow) => `${flow.id}.json`).sort());
    const reopened = await store.open(folder);
    expect(reopened.notices).toEqual([]);
    expect(reopened.project).toEqual(opened.project);
  });

  it('a flow file copied by hand gets the same fresh id on every open (the copy\'s name when it is a free id), the open says it was repaired, and the save that follows writes the fix', async () => {
    await gitOk('checkout', '-q', '-f', '-B', 'copies', 'base');
    const flows = join(folder, 'flows');
    const original = await readFile(join(flows, 'tour_dashboard.json'), 'utf8');
    // cp flows/tour_dashboard.json flows/setup-checklist.json, name edited; and a copy whose name is no id.
    await writeFile(join(flows, 'setup-checklist.json'), original.replace('"name": "Dashboard tour"', '"name": "Setup tour"'));
    await writeFile(join(flows, 'tour_dashboard (copy).json'), original.replace('"name": "Dashboard tour"', '"name": "Copied tour"'));
    await gitOk('add', '-A');
    await gitOk('commit', '-q', '-m', 'copies by hand');

    const idsOf = (project: Project) => project.flows.map((flow) => [flow.name, flow.id, ...(flow.kind === 'tour' ? flow.tour.steps.map((step) => step.id) : [])]);
    const first = await createProjectStore({ projectsDir: repo }).open(folder);
    const second = await createProjectStore({ projectsDir: repo }).open(folder);
    expect(idsOf(second.project)).toEqual(idsOf(first.project));
    expect(second.notices).toEqual(first.notices);
    expect(first.repaired).toBe(true);
    const byName = (name: string) => first.project.flows.find((flow) => flow.name === name)!;
    expect(byName('Dashboard tour').id).toBe('tour_dashboard');
    expect(byName('Setup tour').id).toBe('setup-checklist');
    expect(byName('Copied tour').id).toMatch(/^[A-Za-z0-9_-]{12}$/);

    // What the editor does with a repaired project: save it as opened.
    const store = createProjectStore({ projectsDir: repo });
    const opened = await store.open(folder);
    await store.save(folder, opened.project);
    expect((await readdir(flows)).sort()).toEqual(opened.project.flows.map((flow) => `${flow.id}.json`).sort());
    expect(await gitOk('status', '--porcelain')).toContain(`?? "Acme onboarding.stepwise/flows/${byName('Copied tour').id}.json"`);
    const third = await createProjectStore({ projectsDir: repo }).open(folder);
    expect(third.notices).toEqual([]);
    expect(third.repaired).toBeUndefined();
    expect(idsOf(third.project)).toEqual(idsOf(first.project));
  });
});
