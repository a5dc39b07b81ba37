import { useContext, useLayoutEffect, useRef, type RefObject } from 'react';
import type { BuilderClient } from '../../../shared/api/client';
import { isRightToLeft } from '../../../shared/bundle/rightToLeft';
import type { FlowOf } from '../../../shared/model/flow';
import { pickText } from '../../../shared/model/localizedText';
import { localeDisplayName } from '../../../shared/model/locales';
import type { Article, ArticleImage } from '../../../shared/model/resourceCenter';
import { AppContext } from '../app/appContext';
import { DefaultLanguageText, Field, LocalizedTextField, Section } from '../inspector/fields';
import { useScreenImage } from '../preview/screenImages';
import { useDocumentStore } from '../store/documentStore';
import { useEditingLocale } from '../store/editingLocale';
import { updateArticle, updateResourceCenter } from '../store/resourceCenterActions';
import { useUiStore } from '../store/uiStore';
import { ProblemBadge, ProblemNotes } from './resourceCenterProblems';

type RcFlow = FlowOf<'resourceCenter'>;

export const ARTICLE_MARKDOWN_HINT = '**bold**, *italic*, [link](https://…), lines starting "- " or "1. " make a list, a blank line starts a paragraph; an image is a line ![](image:…) (use Insert below).';

/** The text with an image line put at the cursor: on a line of its own, as the player reads it. */
export function withImageLine(text: string, cursor: number, imageId: string): { text: string; cursor: number } {
  const at = Math.max(0, Math.min(cursor, text.length));
  const before = text.slice(0, at);
  const after = text.slice(at);
  const line = `![](image:${imageId})`;
  const lead = before === '' || before.endsWith('\n') ? '' : '\n';
  const trail = after === '' || after.startsWith('\n') ? '' : '\n';
  const inserted = `${lead}${line}${trail}`;
  return { text: before + inserted + after, cursor: before.length + lead.length + line.length };
}

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} kB`;

function imageName(image: ArticleImage, index: number, locale: string, defaultLocale: string): string {
  return pickText(image.alt, locale, defaultLocale) || `Image ${index + 1}`;
}

function Thumbnail({ client, file }: { client: BuilderClient; file: string }) {
  const projectPath = useUiStore((state) => state.projectPath);
  const { url, error } = useScreenImage(client, projectPath, file);
  if (error) return <span className="rc-thumb rc-thumb-missing" title={`The image file could not be read: ${error}`} />;
  // Decorative: its name is beside it.
  return url ? <img className="rc-thumb" src={url} alt="" /> : <span className="rc-thumb" />;
}

function ArticleImages({ flow, article, onInsert }: { flow: RcFlow; article: Article; onInsert(imageId: string): void }) {
  const { locale, defaultLocale } = useEditingLocale();
  const images = flow.resourceCenter.images;
  const hasScreen = useDocumentStore((state) => (state.project?.screens.length ?? 0) > 0);
  const cropping = useUiStore((state) => state.articleImageCrop);
  const active = cropping?.flowId === flow.id && cropping.articleId === article.id;
  const client = useContext(AppContext)?.client;
  return (
    // The resource center's images, shared by its articles: any article may show any of them.
    <Section title="Images of this resource center">
      {images.length === 0 ? <p className="muted small">No images yet. Crop one from a captured screen; it is kept in the project and travels inside the bundle (up to 256 kB each).</p> : null}
      {images.length ? (
        <ul className="rc-images" aria-label="Images of the resource center">
          {images.map((image, index) => (
            <li key={image.id} className="rc-image">
              {client ? <Thumbnail client={client} file={image.file} /> : null}
              <span className="rc-image-name">
                <bdi>{imageName(image, index, locale, defaultLocale)}</bdi> <span className="muted small">· {kb(image.bytes)}</span>
              </span>
              <ProblemBadge ids={[image.id]} />
              <button type="button" className="button small" aria-label={`Insert ${imageName(image, index, locale, defaultLocale)} at the cursor`} onClick={() => onInsert(image.id)}>
                Insert
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <ProblemNotes ids={images.map((image) => image.id)} label="Problems of the images" />
      <div className="button-row">
        <button
          type="button"
          className={`button small${active ? ' primary' : ''}`}
          disabled={!hasScreen}
          title={hasScreen ? 'Then draw a rectangle on the screenshot: it becomes an image of this resource center.' : 'Capture a screen first: images are cropped from the project’s screens.'}
          onClick={() => useUiStore.setState({ articleImageCrop: active ? null : { flowId: flow.id, articleId: article.id } })}
        >
          {active ? 'Draw on the screenshot… (click to cancel)' : 'Image from a screen…'}
        </button>
      </div>
      {!hasScreen ? <p className="muted small">Capture a screen first: images are cropped from the project’s screens.</p> : null}
    </Section>
  );
}

function RelatedArticles({ flow, article }: { flow: RcFlow; article: Article }) {
  const { locale, defaultLocale } = useEditingLocale();
  const others = flow.resourceCenter.sections.flatMap((section) => (section.kind === 'articles' ? section.articles : [])).filter((other) => other.id !== article.id);
  const toggle = (id: string, on: boolean) =>
    updateArticle(flow.id, article.id, (draft) => {
      draft.related = on ? [...draft.related.filter((related) => related !== id), id].slice(0, 20) : draft.related.filter((related) => related !== id);
    });
  return (
    <Section title="Related articles">
      {others.length === 0 ? <p className="muted small">Write another article to offer it at the end of this one.</p> : null}
      {others.length ? (
        <fieldset className="rc-related">
          <legend className="muted small">Offered at the end of this article (up to 20)</legend>
          {others.map((other) => (
            <label key={other.id} className="checkbox-field">
              <input type="checkbox" checked={article.related.includes(other.id)} disabled={!article.related.includes(other.id) && article.related.length >= 20} onChange={(event) => toggle(other.id, event.target.checked)} />{' '}
              {pickText(other.title, locale, defaultLocale) || '(untitled article)'}
            </label>
          ))}
        </fieldset>
      ) : null}
    </Section>
  );
}

/** The body in the language being edited, typed right to left for such languages, with the image insert at the cursor. */
function ArticleBodyField({ article, onChange, textarea }: { article: Article; onChange(value: string, locale: string): void; textarea: RefObject<HTMLTextAreaElement | null> }) {
  const { locale, defaultLocale } = useEditingLocale();
  const original = locale !== defaultLocale ? (article.body[defaultLocale] ?? '') : null;
  return (
    <Field label={locale === defaultLocale ? 'Text' : `Text · ${localeDisplayName(locale) ?? locale}`} hint={ARTICLE_MARKDOWN_HINT}>
      {(id) => (
        <>
          {original !== null ? <DefaultLanguageText text={original} defaultLocale={defaultLocale} /> : null}
          <textarea
            ref={textarea}
            id={id}
            className="rc-article-body"
            dir={isRightToLeft(locale) ? 'rtl' : 'ltr'}
            lang={locale}
            rows={10}
            value={article.body[locale] ?? ''}
            placeholder={original ?? 'What people need to know, step by step.'}
            onChange={(event) => onChange(event.target.value, locale)}
          />
        </>
      )}
    </Field>
  );
}

/** A help article: title and text in every language, its images, and the articles it points on to. */
export function ArticleEditor({ flow, sectionId, article }: { flow: RcFlow; sectionId: string; article: Article }) {
  const { locale } = useEditingLocale();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const cursorAfterInsert = useRef<number | null>(null);
  const section = flow.resourceCenter.sections.find((candidate) => candidate.id === sectionId);
  const articles = section?.kind === 'articles' ? section.articles : [];
  const index = articles.findIndex((candidate) => candidate.id === article.id);
  const setText = (field: 'title' | 'body') => (value: string, textLocale: string) => updateArticle(flow.id, article.id, (draft) => void (draft[field][textLocale] = value), `${field}/${textLocale}`);
  // After an insert the text re-renders from the store: put the cursor after the inserted line.
  useLayoutEffect(() => {
    if (cursorAfterInsert.current === null || !textarea.current) return;
    textarea.current.focus();
    textarea.current.setSelectionRange(cursorAfterInsert.current, cursorAfterInsert.current);
    cursorAfterInsert.current = null;
  });
  const insertImage = (imageId: string) => {
    const field = textarea.current;
    const current = article.body[locale] ?? '';
    const { text, cursor } = withImageLine(current, field ? field.selectionStart : current.length, imageId);
    cursorAfterInsert.current = cursor;
    updateArticle(flow.id, article.id, (draft) => void (draft.body[locale] = text));
  };
  return (
    <>
      <Section title={`Article ${index + 1} of ${articles.length}`}>
        <ProblemNotes ids={[article.id]} label="Problems of this article" />
        <LocalizedTextField label="Title" value={article.title} placeholder="e.g. How do I send an invoice?" onChange={setText('title')} />
        <ArticleBodyField article={article} onChange={setText('body')} textarea={textarea} />
      </Section>
      <ArticleImages flow={flow} article={article} onInsert={insertImage} />
      <RelatedArticles flow={flow} article={article} />
      <ImageDescriptions flow={flow} />
    </>
  );
}

/** What screen readers say for each image, per language (lint counts it as a text to translate). */
function ImageDescriptions({ flow }: { flow: RcFlow }) {
  const images = flow.resourceCenter.images;
  if (!images.length) return null;
  return (
    <Section title="Image descriptions">
      {images.map((image, index) => (
        <LocalizedTextField
          key={image.id}
          label={`Image ${index + 1} (${kb(image.bytes)})`}
          value={image.alt}
          placeholder="e.g. The invoice form with the Send button"
          onChange={(value, textLocale) =>
            updateResourceCenter(flow.id, (draft) => {
              const target = draft.images.find((candidate) => candidate.id === image.id);
              if (target) target.alt[textLocale] = value;
            }, `image/${image.id}/${textLocale}`)
          }
        />
      ))}
    </Section>
  );
}
