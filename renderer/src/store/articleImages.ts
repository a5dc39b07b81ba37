import { newId } from '../../../shared/model/ids';
import type { ArticleImage } from '../../../shared/model/resourceCenter';
import { useDocumentStore } from './documentStore';
import { useUiStore } from './uiStore';

/** The line of an article body that shows an image of its resource center (see shared/model/resourceCenter.ts). */
export function imageLine(imageId: string): string {
  return `![](image:${imageId})`;
}

/**
 * Adds an image the host stored (`project.addArticleImage`) to a resource center and shows it at
 * the end of an article's body in `locale`, on a line of its own: one undo step. The same file
 * added again reuses its image entry (files are named by their content). Ends the crop mode.
 * Returns the image id, or null when the flow or article is gone (deleted while the crop was sent).
 */
export function addArticleImage(target: { flowId: string; articleId: string }, stored: Pick<ArticleImage, 'file' | 'bytes'>, locale: string): string | null {
  let added: string | null = null;
  useDocumentStore.getState().change('Insert article image', (draft) => {
    const flow = draft.flows.find((candidate) => candidate.id === target.flowId);
    if (flow?.kind !== 'resourceCenter') return;
    const center = flow.resourceCenter;
    const article = center.sections.flatMap((section) => (section.kind === 'articles' ? section.articles : [])).find((candidate) => candidate.id === target.articleId);
    if (!article) return;
    let image = center.images.find((candidate) => candidate.file === stored.file);
    if (!image) {
      image = { id: newId(), file: stored.file, bytes: stored.bytes, alt: {} };
      center.images.push(image);
    }
    const before = (article.body[locale] ?? '').trimEnd();
    article.body[locale] = before ? `${before}\n\n${imageLine(image.id)}` : imageLine(image.id);
    added = image.id;
  });
  useUiStore.setState({ articleImageCrop: null });
  return added;
}
