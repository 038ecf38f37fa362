/** Stored explicitly on every article: never guessed from the title (the reference's GAP-10). */
export const ARTICLE_KINDS = ['required', 'optional'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];
