import {
  checkPlanAgainstCatalog,
  planImport,
  type BundleInput,
} from '../../../domain/authoring/import-bundle.rules.js';
import { STANDARD_LADDER } from '../../../domain/progress/stage-ladder.js';
import { DomainError, type ErrorItem, type FieldPath } from '../../../domain/shared/domain-error.js';
import { pointerOf } from '../../shared/json-pointer.js';

/**
 * One module's seed content (`sql/seed/content/<module>.json`): the shape of a module of the bundle import
 * (POST /admin/import) with the module's name under `module`. The SQL of sql/seed/content.sql trusts this shape,
 * so the documents are checked first — their JSON types here, then the import's own domain rules
 * (import-bundle.rules.ts), all documents as one bundle — and a broken one stops the seed naming every problem.
 */
export interface ContentQuestion {
  readonly text: string;
  readonly options: readonly string[];
  /** 1-based position of the correct option. */
  readonly correct_pos: number;
}

export interface ContentArticle {
  /** `trainee-0`, `junior-1` … `senior-3`. */
  readonly stage: string;
  readonly kind: 'required' | 'optional';
  readonly position: number;
  readonly title: string;
  readonly content_ref: string;
  readonly body: string;
  /** 1-based indexes into `questions`: exactly 3 distinct for a required article, none for an optional one. */
  readonly minitest: readonly number[];
}

export interface ContentDocument {
  readonly module: string;
  readonly questions: readonly ContentQuestion[];
  readonly articles: readonly ContentArticle[];
}

/** A document as read from its file. */
export interface ContentSource {
  readonly source: string;
  readonly json: unknown;
}

/** One problem of one document: `pointer` is a JSON Pointer into that document (docs/architecture.md, "Errors"). */
export interface ContentProblem {
  readonly source: string;
  readonly code: string;
  readonly message: string;
  readonly pointer: string;
}

export class ContentDocumentsInvalid extends Error {
  constructor(readonly problems: readonly ContentProblem[]) {
    super(
      `The seed content is invalid:\n  ${problems
        .map((problem) => `${problem.source}#${problem.pointer}: ${problem.message} (${problem.code})`)
        .join('\n  ')}`,
    );
    this.name = 'ContentDocumentsInvalid';
  }
}

type Json = unknown;

const isRecord = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isInteger = (value: Json): value is number => typeof value === 'number' && Number.isInteger(value);
const isString = (value: Json): value is string => typeof value === 'string';

/**
 * The JSON types the seed SQL relies on (what the contract's schema checks for an import); the values are left to
 * the domain rules. Paths are in the document's own names.
 */
function shapeProblems(json: Json): ErrorItem[] {
  const errors: ErrorItem[] = [];
  const expect = (ok: boolean, path: FieldPath, what: string): boolean => {
    if (!ok) errors.push({ code: 'type', message: `must be ${what}`, path });
    return ok;
  };
  if (!expect(isRecord(json), [], 'a JSON object') || !isRecord(json)) return errors;
  expect(isString(json.module), ['module'], 'a string');
  const members = (name: 'questions' | 'articles'): Json[] =>
    expect(Array.isArray(json[name]), [name], 'an array') ? (json[name] as Json[]) : [];
  members('questions').forEach((question, q) => {
    if (!expect(isRecord(question), ['questions', q], 'an object') || !isRecord(question)) return;
    expect(isString(question.text), ['questions', q, 'text'], 'a string');
    const options = question.options;
    expect(Array.isArray(options) && options.every(isString), ['questions', q, 'options'], 'an array of strings');
    expect(isInteger(question.correct_pos), ['questions', q, 'correct_pos'], 'an integer');
  });
  members('articles').forEach((article, a) => {
    if (!expect(isRecord(article), ['articles', a], 'an object') || !isRecord(article)) return;
    for (const name of ['stage', 'kind', 'title', 'content_ref', 'body'] as const)
      expect(isString(article[name]), ['articles', a, name], 'a string');
    expect(isInteger(article.position), ['articles', a, 'position'], 'an integer');
    const minitest = article.minitest;
    expect(Array.isArray(minitest) && minitest.every(isInteger), ['articles', a, 'minitest'], 'an array of integers');
  });
  return errors;
}

/** The documents as the bundle the import would receive, module `m` being document `m`. */
export function bundleOf(documents: readonly ContentDocument[], track: string): BundleInput {
  return {
    track,
    modules: documents.map((document) => ({
      name: document.module,
      questions: document.questions.map((question) => ({
        text: question.text,
        options: question.options,
        correctPos: question.correct_pos,
      })),
      articles: document.articles.map((article) => ({
        stage: article.stage,
        kind: article.kind,
        position: article.position,
        title: article.title,
        contentRef: article.content_ref,
        body: article.body,
        minitest: article.minitest,
      })),
    })),
  };
}

/** A bundle path (`['modules', 2, 'articles', 0, 'kind']`) as a path into document 2; the module's name is `module`. */
function locate(sources: readonly ContentSource[], item: ErrorItem): ContentProblem {
  const [root, index, ...rest] = item.path ?? [];
  const document = root === 'modules' && typeof index === 'number' ? sources[index] : undefined;
  const path = document === undefined ? (item.path ?? []) : rest[0] === 'name' && rest.length === 1 ? ['module'] : rest;
  return {
    source: document?.source ?? '(all documents)',
    code: item.code,
    message: item.message,
    pointer: pointerOf([], path),
  };
}

/**
 * Checks every document (in the order given) and returns them typed, or throws ContentDocumentsInvalid listing
 * every problem: the same rules as POST /admin/import on a track with the standard ladder, so a document one
 * refuses the other refuses with the same codes and messages at the same places.
 */
export function checkContentDocuments(sources: readonly ContentSource[], track: string): ContentDocument[] {
  const shape = sources.flatMap(({ source, json }) =>
    shapeProblems(json).map((item) => ({
      source,
      code: item.code,
      message: item.message,
      pointer: pointerOf([], item.path ?? []),
    })),
  );
  if (shape.length > 0) throw new ContentDocumentsInvalid(shape);
  // The shape check above and the domain rules below are what make this one conversion sound.
  const documents = sources.map(({ json }) => json as ContentDocument);
  try {
    const plan = planImport(bundleOf(documents, track));
    checkPlanAgainstCatalog(plan, { stages: STANDARD_LADDER, articles: new Map(), questions: new Map() });
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'import_invalid') throw error;
    const items = (error.extensions.errors ?? []) as readonly ErrorItem[];
    throw new ContentDocumentsInvalid(items.map((item) => locate(sources, item)));
  }
  return documents;
}
