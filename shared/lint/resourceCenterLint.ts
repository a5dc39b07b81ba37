import type { FlowOf } from '../model/flow';
import type { LocalizedText } from '../model/localizedText';
import type { Project } from '../model/project';
import { articleImageRefs, MAX_ARTICLE_IMAGE_BYTES, type ResourceCenterSection } from '../model/resourceCenter';
import type { LintProblem } from './lintProblem';

/** What lintFlow hands over: how to report a problem and how to count a text that must be written or may be. */
export interface FlowLintTools {
  add(problem: Omit<LintProblem, 'flowId'>): void;
  texts(text: LocalizedText, what: string, itemId?: string): void;
  optional(text: LocalizedText, what: string, itemId?: string): void;
}

const SECTION_NAMES: Record<ResourceCenterSection['kind'], string> = {
  guides: 'Guides',
  articles: 'Help articles',
  search: 'Search',
  announcements: 'Announcements',
  contact: 'Contact',
};

const kb = (bytes: number) => `${Math.round(bytes / 1024)} kB`;

/**
 * A resource center's problems, each with the path the Problems panel shows (“Help” section 2
 * (Help articles) article 3) and the section or article as itemId, so the editor can select it.
 */
export function lintResourceCenter(project: Project, flow: FlowOf<'resourceCenter'>, { add, texts, optional }: FlowLintTools): void {
  const name = `“${flow.name}”`;
  const body = flow.resourceCenter;
  const flowIds = new Map(project.flows.map((candidate) => [candidate.id, candidate]));
  const images = new Map(body.images.map((image) => [image.id, image]));
  const articleIds = new Set(body.sections.flatMap((section) => (section.kind === 'articles' ? section.articles.map((article) => article.id) : [])));

  texts(body.launcher.label, `${name} launcher label`);
  // The panel's own words ("Search help", "Was this helpful?", "Yes") are read by every user, in their language.
  for (const [key, value] of Object.entries(body.labels)) texts(value, `${name} panel text “${key}”`);
  if (!body.sections.some((section) => section.kind === 'contact')) {
    add({ severity: 'error', code: 'noContact', message: `${name} has no contact section: add one, so that people who do not find the answer can reach a person.` });
  }

  body.sections.forEach((section, index) => {
    const where = `${name} section ${index + 1} (${SECTION_NAMES[section.kind]})`;
    const itemId = section.id;
    const empty = (message: string, severity: 'error' | 'warning' = 'warning') => add({ severity, code: 'emptySection', itemId, message: `${where} ${message}` });
    if (section.kind !== 'search') texts(section.title, `${where} title`, itemId);
    switch (section.kind) {
      case 'guides':
        if (!section.items.length) empty('has no guides, so it is not shown: add a tour or checklist, or remove the section.');
        section.items.forEach((item, position) => {
          const guide = `${where} guide ${position + 1}`;
          texts(item.title, `${guide} title`, itemId);
          const target = flowIds.get(item.flowId);
          if (!target) add({ severity: 'error', code: 'missingFlow', itemId, message: `${guide} starts a flow that was deleted (${item.flowId}): choose another flow.` });
          else if (target.kind !== 'tour' && target.kind !== 'checklist') add({ severity: 'error', code: 'missingFlow', itemId, message: `${guide} starts “${target.name}”, which is not a tour or checklist.` });
        });
        break;
      case 'articles':
        if (!section.articles.length) empty('has no articles, so it is not shown: write one, or remove the section.');
        section.articles.forEach((article, position) => {
          const at = `${where} article ${position + 1}`;
          texts(article.title, `${at} title`, article.id);
          texts(article.body, `${at} text`, article.id);
          const shown = new Set(Object.values(article.body).flatMap(articleImageRefs));
          for (const imageId of shown) {
            if (!images.has(imageId)) add({ severity: 'error', code: 'missingImage', itemId: article.id, message: `${at} shows an image that is not in the resource center (${imageId}): insert it again or remove the line.` });
          }
          for (const related of article.related) {
            if (!articleIds.has(related)) add({ severity: 'warning', code: 'missingArticle', itemId: article.id, message: `${at} lists a related article that was deleted (${related}); it is left out.` });
          }
        });
        break;
      case 'announcements':
        if (!section.items.length) empty('has no announcements, so it is not shown.');
        section.items.forEach((item, position) => {
          texts(item.title, `${where} announcement ${position + 1} title`, itemId);
          optional(item.body, `${where} announcement ${position + 1} text`, itemId);
        });
        break;
      case 'contact':
        if (!section.email && !section.url && !section.phone) empty('has no e-mail address, link or phone number: people would find no way to reach you.', 'error');
        optional(section.hours, `${where} opening hours`, itemId);
        break;
      case 'search':
        if (!articleIds.size && !body.sections.some((other) => other.kind === 'guides' && other.items.length)) empty('has no articles or guides to search.');
        break;
    }
  });

  const shownAnywhere = new Set(body.sections.flatMap((section) => (section.kind === 'articles' ? section.articles.flatMap((article) => Object.values(article.body).flatMap(articleImageRefs)) : [])));
  body.images.forEach((image, index) => {
    // Every image travels in the bundle, shown or not: one no article shows only makes the page's download larger.
    if (!shownAnywhere.has(image.id)) {
      add({ severity: 'warning', code: 'unusedImage', itemId: image.id, message: `${name} image ${index + 1} is not shown in any article, yet the bundle carries it (${kb(image.bytes)}): insert it in an article or remove it.` });
    }
    if (image.bytes > MAX_ARTICLE_IMAGE_BYTES) {
      add({ severity: 'error', code: 'imageTooLarge', itemId: image.id, message: `${name} image ${index + 1} is ${kb(image.bytes)}; article images can be up to ${kb(MAX_ARTICLE_IMAGE_BYTES)} because the bundle carries them: crop it or save it smaller.` });
    }
    optional(image.alt, `${name} image ${index + 1} description`, image.id);
  });
}
