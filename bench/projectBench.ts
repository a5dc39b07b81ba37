import { buildBundle, serializeBundle } from '../shared/bundle/buildBundle';
import { validateBundle } from '../shared/bundle/validateBundle';
import { loadProjectText } from '../shared/project/loadProject';
import { stableStringify } from '../shared/stableJson';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProjectStore } from '../main/services/projectStore';
import { generateProject } from './generateProject';
import { kb, measure, ms, printTable } from './measure';

/** Project model figures for the generated 200 x 50 project. */
export async function runProjectBench(): Promise<void> {
  const project = generateProject(200, 50);
  const text = stableStringify(project);
  const load = await measure('load project (parse, migrate, validate)', () => {
    const result = loadProjectText(text, 'bench/project.json');
    if (!result.ok) throw new Error(result.error.message);
  });
  const save = await measure('serialize project (stable JSON)', () => stableStringify(project));
  const exportRun = await measure('build + serialize bundle', () => serializeBundle(buildBundle(project)));
  const bundleText = serializeBundle(buildBundle(project));
  const validate = await measure('validate bundle', () => validateBundle(bundleText));
  const identical = serializeBundle(buildBundle(project)) === bundleText;

  // The project folder on a real disk (fsync included), as the app opens and saves it.
  const work = mkdtempSync(join(tmpdir(), 'stepwise-bench-'));
  const store = createProjectStore({ projectsDir: work });
  const firstSave = performance.now();
  const { path } = await store.create('Bench', project);
  const firstSaveMs = performance.now() - firstSave;
  const files = readdirSync(join(path, 'flows')).length + 1;
  const open = await measure('open the project folder (read, check, validate)', () => createProjectStore({ projectsDir: work }).open(path));
  let edit = 0;
  const saveEdited = () => {
    const flows = project.flows.slice();
    const flow = flows[100]!;
    if (flow.kind !== 'tour') throw new Error('the generated flow 100 should be a tour');
    const steps = flow.tour.steps.map((step, index) => (index === 10 ? { ...step, title: { ...step.title, en: `Edited ${edit++}` } } : step));
    flows[100] = { ...flow, tour: { ...flow.tour, steps } };
    return store.save(path, { ...project, flows });
  };
  const editOne = await measure('save after editing one step', saveEdited);
  // Files a developer would see changed in git after that save (.backup/ is Stepwise's own, not in git).
  const mtimes = () => new Map(readdirSync(path, { recursive: true, encoding: 'utf8' }).filter((file) => !file.startsWith('.backup')).map((file) => [file, statSync(join(path, file)).mtimeMs]));
  const beforeEdit = mtimes();
  await saveEdited();
  const filesWritten = [...mtimes()].filter(([file, mtime]) => beforeEdit.get(file) !== mtime && statSync(join(path, file)).isFile()).length;
  rmSync(work, { recursive: true, force: true });
  printTable('Project model — generated project of 200 flows x 50 steps (10,000 steps)', [
    { name: 'project file size', value: kb(text.length) },
    { name: load.name, value: ms(load.medianMs) },
    { name: save.name, value: ms(save.medianMs) },
    { name: `first save as a folder (${files} files)`, value: ms(firstSaveMs) },
    { name: open.name, value: ms(open.medianMs), budget: '< 1000 ms to open' },
    { name: editOne.name, value: ms(editOne.medianMs) },
    { name: 'files that save writes', value: String(filesWritten) },
    { name: exportRun.name, value: ms(exportRun.medianMs), budget: '<= 200 ms' },
    { name: 'bundle size', value: kb(bundleText.length) },
    { name: 'bundle byte-identical across runs', value: identical ? 'yes' : 'NO' },
    { name: validate.name, value: ms(validate.medianMs) },
  ]);
}
