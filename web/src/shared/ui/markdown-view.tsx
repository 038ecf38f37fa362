import Markdown from 'react-markdown';

/** The page's h1 is the article's title, so the body's headings start one level below it. */
const DEMOTED_HEADINGS = { h1: 'h2', h2: 'h3', h3: 'h4', h4: 'h5', h5: 'h6' } as const;

/**
 * An article body as learners see it: markdown with raw HTML skipped (docs/decisions.md, the markdown renderer),
 * so an author's preview and the learner's page render the same text the same way.
 */
export function MarkdownView({ source }: { source: string }) {
  return (
    <Markdown skipHtml components={DEMOTED_HEADINGS}>
      {source}
    </Markdown>
  );
}
