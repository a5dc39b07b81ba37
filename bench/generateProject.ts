import { createFlow, createProject, createTourStep } from '../shared/model/create';
import type { Project } from '../shared/model/project';

/** A large project for benchmarks: `flows` tours of `steps` anchored steps each (200 x 50 = 10,000 steps). */
export function generateProject(flows = 200, steps = 50): Project {
  const project = createProject('Benchmark');
  const screenId = 'bench_screen';
  project.screens.push({
    id: screenId,
    name: 'Dashboard',
    image: { file: `${'b'.repeat(64)}.png`, width: 1440, height: 900 },
    source: { kind: 'url', url: 'https://app.example.com/dashboard', viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, fullPage: false },
    elements: [],
  });
  for (let f = 0; f < flows; f++) {
    const flow = createFlow('tour', `Tour ${f + 1}`, 'en');
    flow.tour.steps = Array.from({ length: steps }, (_, s) => {
      const step = createTourStep('en');
      step.type = 'tooltip';
      step.title = { en: `Step ${s + 1} of tour ${f + 1}` };
      step.body = { en: 'Click **here** to create your first report. It takes a minute.' };
      step.anchor = { screenId, selectors: [`[data-testid="item-${s}"]`, `#item-${s}`], box: { x: 20 * s, y: 10 * s, width: 120, height: 32 } };
      return step;
    });
    project.flows.push(flow);
  }
  return project;
}
