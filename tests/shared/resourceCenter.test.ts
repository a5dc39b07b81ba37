import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { BundleImageError, buildBundle, serializeBundle } from '../../shared/bundle/buildBundle';
import { bundleJsonSchema } from '../../shared/bundle/bundleJsonSchema';
import { importBundle } from '../../shared/bundle/importBundle';
import { validateBundle } from '../../shared/bundle/validateBundle';
import { lintProject } from '../../shared/lint/lintProject';
import { createFlow, createProject } from '../../shared/model/create';
import type { FlowOf } from '../../shared/model/flow';
import { flowSchema } from '../../shared/model/flow';
import { MAX_ARTICLE_IMAGE_BYTES } from '../../shared/model/resourceCenter';
import { resourceCenterBundle, resourceCenterProject, TINY_PNG_BASE64 } from '../fixtures/resourceCenterProject';

const center = (project = resourceCenterProject()) => project.flows.find((flow): flow is FlowOf<'resourceCenter'> => flow.kind === 'resourceCenter')!;

describe('the resource center in the model', () => {
  it('a new one has a search, an article and a contact, and lints clean apart from the contact it still needs to fill in', () => {
    const project = createProject('P');
    const flow = createFlow('resourceCenter', 'Help', 'en');
    expect(flow.resourceCenter.sections.map((section) => section.kind)).toEqual(['search', 'articles', 'contact']);
    project.flows.push(flow);
    expect(lintProject(project).map((problem) => problem.message)).toEqual([`“Help” section 3 (Contact) has no e-mail address, link or phone number: people would find no way to reach you.`]);
  });

  it('names what is wrong and where, with a message a person can act on', () => {
    const flow = createFlow('resourceCenter', 'Help', 'en');
    const broken = JSON.parse(JSON.stringify(flow)) as Record<string, any>;
    broken.resourceCenter.sections[2].email = 'not-an-address';
    broken.resourceCenter.sections[2].url = 'javascript:alert(1)';
    const result = flowSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'resourceCenter.sections.2.email: must be an e-mail address like help@example.com',
      'resourceCenter.sections.2.url: must start with http:// or https:// (a chat or ticket form)',
    ]);
  });
});

describe('the resource center in the bundle (format 3)', () => {
  it('is written as version 3 with its images inline; a bundle without one stays version 2', () => {
    const bundle = resourceCenterBundle();
    expect(bundle.version).toBe(3);
    const flow = bundle.flows.find((candidate) => candidate.kind === 'resourceCenter');
    expect(flow?.kind === 'resourceCenter' && flow.resourceCenter.images).toEqual([{ id: 'img_settings', src: `data:image/png;base64,${TINY_PNG_BASE64}`, alt: expect.any(Object) }]);
    const project = resourceCenterProject();
    project.flows = project.flows.filter((candidate) => candidate.kind !== 'resourceCenter');
    expect(buildBundle(project).version).toBe(2);
    // Deterministic, and valid against the published JSON Schema.
    const same = resourceCenterProject();
    const read = { imageData: () => TINY_PNG_BASE64 };
    expect(serializeBundle(buildBundle(same, read))).toBe(serializeBundle(buildBundle(same, read)));
    const check = new Ajv2020({ strict: false, allErrors: true }).compile(bundleJsonSchema());
    expect(check(JSON.parse(serializeBundle(bundle))), JSON.stringify(check.errors)).toBe(true);
  });

  it('refuses to export an image it cannot read, naming the file', () => {
    expect(() => buildBundle(resourceCenterProject())).toThrow(BundleImageError);
    expect(() => buildBundle(resourceCenterProject(), { imageData: () => undefined })).toThrow(`“Help center”: the article image images/${'a'.repeat(64)}.png could not be read from the project folder; add the image again or remove it.`);
  });

  it('validateBundle reads it back, refuses a resource center in a version 2 bundle and an image over the cap', () => {
    const text = serializeBundle(resourceCenterBundle());
    const read = validateBundle(text);
    expect(read.ok && read.bundle.version).toBe(3);
    const old = validateBundle(text.replace('"version": 3', '"version": 2'));
    expect(!old.ok && old.problems).toEqual([{ path: '$.flows[2].kind', message: 'is "resourceCenter", which needs bundle version 3; this bundle says 2' }]);
    const huge = JSON.parse(text);
    huge.flows[2].resourceCenter.images[0].src = `data:image/png;base64,${'A'.repeat(Math.ceil(MAX_ARTICLE_IMAGE_BYTES / 3) * 4 + 40)}`;
    const refused = validateBundle(huge);
    expect(!refused.ok && refused.problems.map((problem) => `${problem.path} ${problem.message}`)).toEqual(['$.flows[2].resourceCenter.images[0].src is larger than 256 kB']);
  });

  it('imports into a project without its images (the project keeps images as files), guides following their flows', () => {
    const project = createProject('Other');
    const { project: imported, renamed } = importBundle(project, resourceCenterBundle());
    expect(center(imported).resourceCenter.images).toEqual([]);
    expect(renamed).toContain('“Help center”: its 1 article images were not imported; add them again');
    const guides = center(imported).resourceCenter.sections.find((section) => section.kind === 'guides');
    expect(guides?.kind === 'guides' && guides.items.map((item) => item.flowId)).toEqual(['welcome_tour', 'setup_list']);
  });
});

describe('lint of a resource center', () => {
  const problems = (edit: (body: FlowOf<'resourceCenter'>['resourceCenter']) => void) => {
    const project = resourceCenterProject();
    edit(center(project).resourceCenter);
    return lintProject(project)
      .filter((problem) => problem.flowId === 'help_center')
      .map(({ severity, code, message, itemId }) => ({ severity, code, message, itemId }));
  };

  it('finds nothing in a complete one', () => {
    expect(problems(() => undefined)).toEqual([]);
  });

  it('an error without a contact section', () => {
    expect(problems((body) => (body.sections = body.sections.filter((section) => section.kind !== 'contact')))).toEqual([
      { severity: 'error', code: 'noContact', message: '“Help center” has no contact section: add one, so that people who do not find the answer can reach a person.', itemId: undefined },
    ]);
  });

  it('empty sections, a missing and a too large image, a deleted related article and guide, with their paths', () => {
    const found = problems((body) => {
      const articles = body.sections.find((section) => section.kind === 'articles')!;
      if (articles.kind !== 'articles') return;
      articles.articles[0]!.body.en += '\n![](image:gone)';
      articles.articles[0]!.related.push('deleted_article');
      body.images[0]!.bytes = 2 * MAX_ARTICLE_IMAGE_BYTES;
      const news = body.sections.find((section) => section.kind === 'announcements')!;
      if (news.kind === 'announcements') news.items = [];
      const guides = body.sections.find((section) => section.kind === 'guides')!;
      if (guides.kind === 'guides') guides.items[0]!.flowId = 'deleted_tour';
    });
    expect(found).toEqual([
      { severity: 'error', code: 'missingFlow', itemId: 'sec_guides', message: '“Help center” section 3 (Guides) guide 1 starts a flow that was deleted (deleted_tour): choose another flow.' },
      { severity: 'error', code: 'missingImage', itemId: 'art_invoice', message: '“Help center” section 4 (Help articles) article 1 shows an image that is not in the resource center (gone): insert it again or remove the line.' },
      { severity: 'error', code: 'imageTooLarge', itemId: 'img_settings', message: '“Help center” image 1 is 512 kB; article images can be up to 256 kB because the bundle carries them: crop it or save it smaller.' },
      { severity: 'warning', code: 'emptySection', itemId: 'sec_news', message: '“Help center” section 2 (Announcements) has no announcements, so it is not shown.' },
      { severity: 'warning', code: 'missingArticle', itemId: 'art_invoice', message: '“Help center” section 4 (Help articles) article 1 lists a related article that was deleted (deleted_article); it is left out.' },
    ]);
  });

  it('counts its texts for translation like every other kind', () => {
    const found = problems((body) => {
      delete body.launcher.label.tr;
    });
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', code: 'untranslated', message: '“Help center”: Turkish 34 of 35 texts translated; the others show the English text.' })]);
  });
});
