import { describe, expect, it } from 'vitest';
import { lintProject } from '../../shared/lint/lintProject';
import type { FlowOf } from '../../shared/model/flow';
import { MAX_ARTICLE_IMAGE_BYTES } from '../../shared/model/resourceCenter';
import { resourceCenterProject } from '../fixtures/resourceCenterProject';

function imageProblems(edit: (body: FlowOf<'resourceCenter'>['resourceCenter']) => void) {
  const project = resourceCenterProject();
  edit((project.flows.find((flow) => flow.kind === 'resourceCenter') as FlowOf<'resourceCenter'>).resourceCenter);
  return lintProject(project).filter((problem) => ['missingImage', 'imageTooLarge', 'unusedImage'].includes(problem.code));
}

describe('resource center images in lint', () => {
  it('has nothing to say about an image an article shows, within the cap', () => {
    expect(imageProblems(() => undefined)).toEqual([]);
  });

  it('warns about an image no article shows, since the bundle still carries it', () => {
    const found = imageProblems((body) => body.images.push({ id: 'img_spare', file: `${'c'.repeat(64)}.png`, bytes: 40 * 1024, alt: {} }));
    expect(found).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'unusedImage', itemId: 'img_spare', message: '“Help center” image 2 is not shown in any article, yet the bundle carries it (40 kB): insert it in an article or remove it.' }),
    ]);
  });

  it('an image shown only in one language counts as shown', () => {
    const found = imageProblems((body) => {
      body.images.push({ id: 'img_tr', file: `${'c'.repeat(64)}.png`, bytes: 1_000, alt: {} });
      const articles = body.sections.find((section) => section.kind === 'articles');
      if (articles?.kind === 'articles') articles.articles[1]!.body.tr += '\n\n![](image:img_tr)';
    });
    expect(found).toEqual([]);
  });

  it('an image over the cap and a line naming an image that is not there are errors', () => {
    const found = imageProblems((body) => {
      body.images[0]!.bytes = MAX_ARTICLE_IMAGE_BYTES + 1;
      const articles = body.sections.find((section) => section.kind === 'articles');
      if (articles?.kind === 'articles') articles.articles[2]!.body.en += '\n\n![](image:gone)';
    });
    expect(found.map((problem) => [problem.severity, problem.code, problem.itemId])).toEqual([
      ['error', 'missingImage', 'art_invite'],
      ['error', 'imageTooLarge', 'img_settings'],
    ]);
  });
});
