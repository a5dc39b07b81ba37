import { buildBundle, serializeBundle } from '../shared/bundle/buildBundle';
import { validateBundle } from '../shared/bundle/validateBundle';
import { loadProjectText } from '../shared/project/loadProject';
import { stableStringify } from '../shared/stableJson';
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
  printTable('Project model — generated project of 200 flows x 50 steps (10,000 steps)', [
    { name: 'project file size', value: kb(text.length) },
    { name: load.name, value: ms(load.medianMs), budget: '< 1000 ms to open' },
    { name: save.name, value: ms(save.medianMs) },
    { name: exportRun.name, value: ms(exportRun.medianMs), budget: '<= 200 ms' },
    { name: 'bundle size', value: kb(bundleText.length) },
    { name: 'bundle byte-identical across runs', value: identical ? 'yes' : 'NO' },
    { name: validate.name, value: ms(validate.medianMs) },
  ]);
}
