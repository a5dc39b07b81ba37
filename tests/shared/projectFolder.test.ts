import { describe, expect, it } from 'vitest';
import { createFlow } from '../../shared/model/create';
import { PROJECT_VERSION, type Project } from '../../shared/model/project';
import { loadProjectText } from '../../shared/project/loadProject';
import { flowFile, folderOrder, loadProjectFolder, projectFolderFiles, screenFile } from '../../shared/project/projectFolder';
import { storedProject } from '../../shared/project/storedElementMap';
import { stableStringify } from '../../shared/stableJson';
import { sampleProject } from '../fixtures/sampleProject';

const DIR = '/projects/Acme.stepwise';

/** The sample project (its ids are random: made once) with a last tour of a fixed id. */
const PROJECT: Project = (() => {
  const value = sampleProject();
  const second = createFlow('tour', 'Second tour', 'en');
  second.id = 'tour_second';
  value.flows.push(second);
  return value;
})();
const project = (): Project => structuredClone(PROJECT);
const SECOND_KEY = `a${PROJECT.flows.length - 1}`;

/** The folder's files as a Map, with one file's text changed. */
function withFile(files: ReadonlyMap<string, string>, name: string, change: (text: string) => string): Map<string, string> {
  const copy = new Map(files);
  copy.set(name, change(copy.get(name) ?? ''));
  return copy;
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((row) => row.includes(needle)) + 1;

function failure(result: ReturnType<typeof loadProjectFolder>) {
  if (result.ok) throw new Error('expected the folder to be refused');
  return result.error;
}

describe('a project folder (format 4)', () => {
  it('is project.json without flows or screens, a file a flow and a file a screen, and reads back as the same project', () => {
    const original = project();
    const files = projectFolderFiles(original);
    expect([...files.keys()].sort()).toEqual(['project.json', ...original.flows.map((flow) => flowFile(flow.id)), ...original.screens.map((screen) => screenFile(screen.id))].sort());
    const main = JSON.parse(files.get('project.json')!) as Record<string, unknown>;
    expect(main).toMatchObject({ format: 'stepwise.project', version: PROJECT_VERSION, name: original.name });
    expect(main).not.toHaveProperty('flows');
    expect(main).not.toHaveProperty('screens');
    const loaded = loadProjectFolder(DIR, files);
    expect(loaded.ok && loaded.project).toEqual(original);
    expect(loaded.ok && loaded.repairs).toEqual([]);
  });

  it('writes "order" on its own line away from the name: after the flow, before the screen', () => {
    const files = projectFolderFiles(project());
    const flow = files.get(flowFile('tour_second'))!;
    expect(flow.startsWith('{\n  "flow": {\n')).toBe(true);
    expect(flow.endsWith(`  },\n  "order": "${SECOND_KEY}"\n}\n`)).toBe(true);
    const screen = files.get(screenFile(project().screens[0]!.id))!;
    expect(screen.startsWith('{\n  "order": "a0",\n  "screen": {\n')).toBe(true);
    expect(folderOrder(files)).toEqual({ flows: new Map(project().flows.map((item, index) => [item.id, `a${index}`])), screens: new Map([[project().screens[0]!.id, 'a0']]) });
  });

  it('folderOrder skips a file whose order line is damaged; the next save gives that item a key again', () => {
    const files = withFile(projectFolderFiles(project()), flowFile('tour_second'), (text) => text.replace(`"order": "${SECOND_KEY}"`, `"order": "${SECOND_KEY}\\q"`));
    expect(folderOrder(files).flows.has('tour_second')).toBe(false);
    expect(JSON.parse(projectFolderFiles(project(), folderOrder(files)).get(flowFile('tour_second'))!)).toMatchObject({ order: SECOND_KEY });
  });

  it('a damaged flow file is named with its line and column, and nothing else is blamed', () => {
    const files = withFile(projectFolderFiles(project()), flowFile('tour_second'), (text) => text.replace('"name": "Second tour",', '"name": "Second tour"'));
    const error = failure(loadProjectFolder(DIR, files));
    expect(error.kind).toBe('damaged');
    expect(error.file).toBe(`${DIR}/flows/tour_second.json`);
    const line = lineOf(files.get(flowFile('tour_second'))!, '"name": "Second tour"') + 1;
    expect(error.problems[0]).toMatchObject({ path: '$', line });
    expect(error.message).toMatch(new RegExp(`^${DIR}/flows/tour_second\\.json is damaged: .*line ${line}`));
  });

  it('a flow file of the wrong shape says what it should hold', () => {
    for (const text of ['[]', '{"order": "a1"}', '{"flow": "tour", "order": "a1"}']) {
      const error = failure(loadProjectFolder(DIR, withFile(projectFolderFiles(project()), flowFile('tour_second'), () => text)));
      expect(error.kind, text).toBe('invalid');
      expect(error.message, text).toBe(`${DIR}/flows/tour_second.json is not a Stepwise flow file: it should hold {"flow": {...}, "order": "..."}. Nothing was changed.`);
    }
    const screen = screenFile(project().screens[0]!.id);
    expect(failure(loadProjectFolder(DIR, withFile(projectFolderFiles(project()), screen, () => '{"flow": {}}'))).message).toContain(`${DIR}/${screen} is not a Stepwise screen file`);
  });

  it('a problem deep inside a step is named by its file, its path in that file and its line', () => {
    const files = withFile(projectFolderFiles(project()), flowFile('tour_second'), (text) => text.replace('"placement": "auto"', '"placement": "sideways"'));
    expect(files.get(flowFile('tour_second'))).toContain('"placement": "sideways"');
    const error = failure(loadProjectFolder(DIR, files));
    const file = `${DIR}/flows/tour_second.json`;
    const line = lineOf(files.get(flowFile('tour_second'))!, '"placement": "sideways"');
    expect(error.kind).toBe('invalid');
    expect(error.file).toBe(file);
    expect(error.problems[0]).toMatchObject({ file, path: '$.flow.tour.steps[0].placement', line });
    expect(error.message).toMatch(new RegExp(`^${file} has a problem at \\$\\.flow\\.tour\\.steps\\[0\\]\\.placement, line ${line}: it `));
  });

  it('a problem in project.json is named there, without a file of its own', () => {
    const files = withFile(projectFolderFiles(project()), 'project.json', (text) => text.replace(/"radius": \d+/, '"radius": 99'));
    const error = failure(loadProjectFolder(DIR, files));
    expect(error.file).toBe(`${DIR}/project.json`);
    expect(error.problems[0]).toMatchObject({ path: '$.theme.radius', line: lineOf(files.get('project.json')!, '"radius": 99') });
    expect(error.problems[0]).not.toHaveProperty('file');
  });

  it('keeps fields of project.json it does not know (written by a newer build) through a load and the next save', () => {
    const files = withFile(projectFolderFiles(project()), 'project.json', (text) => text.replace('{\n', '{\n  "reviewers": ["ana", "ben"],\n'));
    const loaded = loadProjectFolder(DIR, files);
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect((loaded.project as Project & { reviewers?: unknown }).reviewers).toEqual(['ana', 'ben']);
    expect(JSON.parse(projectFolderFiles(loaded.project, folderOrder(files)).get('project.json')!)).toMatchObject({ reviewers: ['ana', 'ben'] });
  });

  it('a project.json that holds the whole project beside flow files is refused: Stepwise cannot tell which is right', () => {
    const files = projectFolderFiles(project());
    files.set('project.json', stableStringify(storedProject({ ...project(), version: 3 } as unknown as Project)));
    const error = failure(loadProjectFolder(DIR, files));
    expect(error.kind).toBe('invalid');
    expect(error.message).toBe(
      `${DIR}/project.json holds the whole project (its flows and screens), and the folder also has ${files.size - 1} flow and screen file(s) (flows/${project().flows[0]!.id}.json…). ` +
        'Stepwise cannot tell which is right: keep project.json and remove the flows and screens folders, or take project.json from git. Nothing was changed.',
    );
  });

  it('a single project.json of format 3 or older still loads, marked as one', () => {
    const text = stableStringify(storedProject(project())).replace(`"version": ${PROJECT_VERSION}`, '"version": 3');
    const loaded = loadProjectFolder(DIR, new Map([['project.json', text]]));
    expect(loaded.ok && loaded.singleFile).toBe(true);
    expect(loaded.ok && loaded.migratedFrom).toBe(3);
    expect(loaded.ok && loaded.project).toEqual(loadProjectText(text, `${DIR}/project.json`).ok && project());
  });

  it('a version that is no whole number, or a newer one, is said as such, before flow files of an unknown shape are read', () => {
    for (const [version, words] of [
      ['1.5', 'which is not a valid version'],
      ['1e400', 'which is not a valid version'],
      ['"4"', 'which is not a valid version'],
      [String(PROJECT_VERSION + 1), 'was saved by a newer Stepwise'],
    ] as const) {
      const files = withFile(projectFolderFiles(project()), 'project.json', (text) => text.replace(/"version": \d+/, `"version": ${version}`));
      files.set(flowFile('tour_second'), '{"flow": "a shape from the future"}');
      const error = failure(loadProjectFolder(DIR, files));
      expect(error.file, version).toBe(`${DIR}/project.json`);
      expect(error.message, version).toContain(words);
    }
  });

  it('flows sort by their keys, then id, whatever the file names; a file named after another id is read by its content', () => {
    const files = projectFolderFiles(project());
    const second = files.get(flowFile('tour_second'))!;
    files.delete(flowFile('tour_second'));
    files.set('flows/renamed-by-hand.json', second.replace(`"order": "${SECOND_KEY}"`, '"order": "Zz"'));
    const loaded = loadProjectFolder(DIR, files);
    expect(loaded.ok && loaded.project.flows.map((flow) => flow.id)).toEqual(['tour_second', ...project().flows.slice(0, -1).map((flow) => flow.id)]);
  });

  it('the same id in two files (a copy made by hand, or by two people): the file named after the id keeps it, the copy gets a new one, with a notice naming the copy', () => {
    const files = projectFolderFiles(project());
    files.set('flows/tour_second (copy).json', files.get(flowFile('tour_second'))!);
    const loaded = loadProjectFolder(DIR, files);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const copies = loaded.project.flows.filter((flow) => flow.name === 'Second tour');
    expect(copies.map((flow) => flow.id)[0]).toBe('tour_second');
    expect(copies[1]!.id).not.toBe('tour_second');
    expect(loaded.repairs).toEqual([
      `${DIR}/flows/tour_second (copy).json at $.flow.id repeated the id "tour_second"; it is now "${copies[1]!.id}", and its 1 repeated step id is new too.`,
    ]);
  });

  describe('git conflict markers', () => {
    const conflicted = (text: string, ours: string, theirs: string, label = 'ana') => {
      const lines = text.split('\n');
      const at = lines.findIndex((row) => row.includes(ours));
      lines.splice(at, 1, '<<<<<<< HEAD', lines[at]!, '=======', lines[at]!.replace(ours, theirs), `>>>>>>> ${label}`);
      return { text: lines.join('\n'), line: at + 1 };
    };

    it('in a flow file: refused before anything is read, naming the file, the line and both names', () => {
      const files = projectFolderFiles(project());
      const { text, line } = conflicted(files.get(flowFile('tour_second'))!, '"name": "Second tour"', '"name": "Tour two"');
      files.set(flowFile('tour_second'), text);
      const error = failure(loadProjectFolder(DIR, files));
      expect(error.kind).toBe('mergeConflict');
      expect(error.file).toBe(`${DIR}/flows/tour_second.json`);
      expect(error.message).toBe(
        `Acme.stepwise/flows/tour_second.json still has git conflict markers from a merge, at line ${line}: one side (HEAD) names the flow "Second tour", the other (ana) "Tour two". ` +
          'Keep one side in the file, then `git add` it and commit to finish the merge, and open the project again. Nothing was changed.',
      );
      expect(error.problems).toEqual([{ path: '$', line, file: `${DIR}/flows/tour_second.json`, message: 'has git conflict markers (1)' }]);
    });

    it('a side labelled with a commit hash (git merge <commit>) shows its first 8 characters', () => {
      const files = projectFolderFiles(project());
      const hash = '3f2a9c1d0b8e7f6a5c4d3e2f1a0b9c8d7e6f5a4b';
      files.set(flowFile('tour_second'), conflicted(files.get(flowFile('tour_second'))!, '"name": "Second tour"', '"name": "Tour two"', hash).text);
      const error = failure(loadProjectFolder(DIR, files));
      expect(error.message).toContain('one side (HEAD) names the flow "Second tour", the other (3f2a9c1d) "Tour two".');
      expect(error.message).not.toContain(hash);
      expect(error.file).toBe(`${DIR}/flows/tour_second.json`);
    });

    it('in several files: the first is named, the others counted and listed as problems', () => {
      const files = projectFolderFiles(project());
      files.set(flowFile('tour_second'), conflicted(files.get(flowFile('tour_second'))!, '"name": "Second tour"', '"name": "Tour two"').text);
      files.set('project.json', conflicted(files.get('project.json')!, '"brandColor": ', '"brandColor": "#000000", "x": ').text);
      const error = failure(loadProjectFolder(DIR, files));
      expect(error.message).toContain(' 1 other file has conflicts too.');
      expect(error.problems.map((problem) => problem.file)).toEqual([`${DIR}/project.json`, `${DIR}/flows/tour_second.json`]);
    });

    it('project.json as a folder on one side and the whole single file on the other (a branch from before the upgrade): says which side is which and to keep the single file with --ours or --theirs', () => {
      const folderSide = projectFolderFiles(project()).get('project.json')!;
      const singleSide = stableStringify(storedProject({ ...project(), version: 3 } as unknown as Project));
      for (const [ours, theirs, keep] of [
        [folderSide, singleSide, '--theirs'],
        [singleSide, folderSide, '--ours'],
      ] as const) {
        const files = projectFolderFiles(project());
        files.set('project.json', `<<<<<<< HEAD\n${ours.trimEnd()}\n=======\n${theirs.trimEnd()}\n>>>>>>> old-app\n`);
        const message = failure(loadProjectFolder(DIR, files)).message;
        expect(message).toContain(`run "git checkout ${keep} -- project.json" in Acme.stepwise, delete flows/ and screens/, then open and save the project`);
        expect(message).toContain('`git add` the folder and commit to finish the merge.');
        expect(message).toContain(keep === '--theirs' ? 'one side (HEAD) has the project as a folder of small files, the other (old-app) changed the single project.json of before.' : 'one side (old-app) has the project as a folder of small files, the other (HEAD) changed');
      }
    });

    it('the same name on both sides: names what differs and each side’s value; a side that is not JSON on its own is said so', () => {
      const files = projectFolderFiles(project());
      const flow = files.get(flowFile('tour_second'))!;
      const { text } = conflicted(flow, '"frequency": "once"', '"frequency": "always"');
      files.set(flowFile('tour_second'), text);
      expect(failure(loadProjectFolder(DIR, files)).message).toContain(
        'both sides changed the flow "Second tour" at $.flow.frequency: one side (HEAD) has "once", the other (ana) "always".',
      );
      const broken = conflicted(flow, '"name": "Second tour",', '"name": "Tour two"').text;
      files.set(flowFile('tour_second'), broken);
      expect(failure(loadProjectFolder(DIR, files)).message).toContain('one side (HEAD) names the flow "Second tour", the other (ana) in a version that cannot be read on its own.');
    });
  });
});
