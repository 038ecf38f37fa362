import { ARTICLE_KINDS, type ArticleKind } from '../content/article-kind.js';
import { MINITEST_QUESTION_COUNT } from '../content/minitest.rules.js';
import { RANKS, type Rank, type StageTemplate } from '../progress/stage-ladder.js';
import { DomainError, type ErrorItem, type FieldPath } from '../shared/domain-error.js';
import { requiredText } from './authoring-text.rules.js';
import { checkQuestion } from './question.rules.js';

/**
 * POST /admin/import: a bundle of modules with their questions and articles for one track. Each
 * module item has the shape of a seed content document (sql/seed/content/<module>.json) with the
 * module's name under `name`; stages are written `junior-1` (as in the seed) or `{rank, level}`,
 * and a minitest names its questions by 1-based index into the module's `questions` (as in the
 * seed) or by question text (a question of the bundle or one already in the module's bank).
 *
 * The import only adds: what exists by natural key (track name, module name in the track,
 * question text in the module, article content_ref) is left as it is and counted `unchanged`.
 */
export type StageInput = string | { readonly rank: string; readonly level: number };

export interface BundleInput {
  readonly track: string;
  readonly modules: readonly {
    readonly name: string;
    readonly questions?: readonly {
      readonly text: string;
      readonly options: readonly string[];
      readonly correctPos: number;
    }[];
    readonly articles?: readonly {
      readonly stage: StageInput;
      readonly kind: string;
      readonly position?: number;
      readonly title: string;
      readonly contentRef: string;
      readonly body?: string;
      readonly minitest?: readonly (number | string)[];
    }[];
  }[];
}

export interface PlannedQuestion {
  readonly module: string;
  readonly text: string;
  readonly options: readonly string[];
  readonly correctPos: number;
}

export interface PlannedArticle {
  readonly module: string;
  readonly rank: Rank;
  readonly level: number;
  readonly kind: ArticleKind;
  readonly position: number;
  readonly title: string;
  readonly contentRef: string;
  readonly body: string;
  /** Question texts of the article's module, in minitest order (empty for an optional article). */
  readonly minitest: readonly string[];
  /** Where the article sits in the bundle, for error paths. */
  readonly at: FieldPath;
}

/** The bundle checked and normalised (trimmed texts, resolved stages and minitest references). */
export interface ImportPlan {
  readonly track: string;
  readonly modules: readonly string[];
  readonly questions: readonly PlannedQuestion[];
  readonly articles: readonly PlannedArticle[];
}

/** What the catalog already holds that the plan touches; read inside the transaction that writes the plan. */
export interface CatalogFacts {
  /** The track's stages (the standard ladder when the import creates the track). */
  readonly stages: readonly Pick<StageTemplate, 'rank' | 'level'>[];
  /** Existing articles by content_ref; `module` is null when the article is on another track. */
  readonly articles: ReadonlyMap<string, { readonly module: string | null; readonly kind: ArticleKind }>;
  /** Existing questions named by a minitest, keyed by questionKey(module, text). */
  readonly questions: ReadonlyMap<string, { readonly isActive: boolean }>;
}

/** A problem list can be long for a large broken bundle; past this many the rest is summarised. */
export const MAX_REPORTED_ERRORS = 1000;

export const questionKey = (module: string, text: string): string => `${module}\u0000${text}`;

/** `junior-1` or `{rank: 'junior', level: 1}` → a rank and level that can exist on a ladder. */
export function parseStage(stage: StageInput): { rank: Rank; level: number } | undefined {
  let rank: string;
  let level: number;
  if (typeof stage === 'string') {
    const match = /^([a-z]+)-(\d+)$/.exec(stage.trim());
    if (match === null) return undefined;
    rank = match[1]!;
    level = Number(match[2]);
  } else {
    ({ rank, level } = stage);
  }
  if (!(RANKS as readonly string[]).includes(rank)) return undefined;
  const valid = rank === 'trainee' ? level === 0 : Number.isInteger(level) && level >= 1 && level <= 3;
  return valid ? { rank: rank as Rank, level } : undefined;
}

/**
 * Checks the bundle on its own (no database): every rule a document can break by itself, all at
 * once. Throws 422 import_invalid with one `errors[]` item per problem.
 */
export function planImport(bundle: BundleInput): ImportPlan {
  const errors: ErrorItem[] = [];
  const track = requiredText(bundle.track, ['track'], errors);
  const modules: string[] = [];
  const questions: PlannedQuestion[] = [];
  const articles: PlannedArticle[] = [];
  const contentRefs = new Map<string, string>();

  bundle.modules.forEach((moduleInput, m) => {
    const at = ['modules', m];
    const module = requiredText(moduleInput.name, [...at, 'name'], errors);
    if (module.length > 0 && modules.includes(module)) {
      errors.push({
        code: 'duplicate_module',
        message: `module "${module}" appears twice in the bundle`,
        path: [...at, 'name'],
      });
    }
    modules.push(module);

    const texts: string[] = [];
    const seenTexts = new Set<string>();
    (moduleInput.questions ?? []).forEach((input, q) => {
      const question = checkQuestion(input, [...at, 'questions', q], errors);
      if (question.text.length > 0 && seenTexts.has(question.text)) {
        errors.push({
          code: 'duplicate_question',
          message: `the module already has a question with this text in the bundle`,
          path: [...at, 'questions', q, 'text'],
        });
      }
      seenTexts.add(question.text);
      texts.push(question.text);
      questions.push({ module, ...question });
    });

    (moduleInput.articles ?? []).forEach((input, a) => {
      const where = [...at, 'articles', a];
      const stage = parseStage(input.stage);
      if (stage === undefined) {
        errors.push({
          code: 'unknown_stage',
          message: 'stage must be trainee-0 or junior|middle|senior-1..3 (or {rank, level})',
          path: [...where, 'stage'],
        });
      }
      const kind = input.kind as ArticleKind;
      if (!ARTICLE_KINDS.includes(kind))
        errors.push({ code: 'unknown_kind', message: 'kind must be required or optional', path: [...where, 'kind'] });
      const position = input.position ?? 1;
      if (!Number.isInteger(position) || position < 1)
        errors.push({
          code: 'position_below_one',
          message: 'position must be an integer >= 1',
          path: [...where, 'position'],
        });
      const title = requiredText(input.title, [...where, 'title'], errors);
      const contentRef = requiredText(input.contentRef, [...where, 'contentRef'], errors);
      if (contentRef.length > 0) {
        const first = contentRefs.get(contentRef);
        if (first !== undefined)
          errors.push({
            code: 'duplicate_content_ref',
            message: `content_ref "${contentRef}" is already used by ${first}`,
            path: [...where, 'contentRef'],
          });
        else contentRefs.set(contentRef, `article ${a} of module ${m} (both 0-based)`);
      }
      const minitest = resolveMinitest(input.minitest ?? [], texts, kind, [...where, 'minitest'], errors);
      articles.push({
        module,
        rank: stage?.rank ?? 'trainee',
        level: stage?.level ?? 0,
        kind,
        position,
        title,
        contentRef,
        body: input.body ?? '',
        minitest,
        at: where,
      });
    });
  });

  throwIfAny(errors, 'The import bundle is invalid');
  return { track, modules, questions, articles };
}

function resolveMinitest(
  refs: readonly (number | string)[],
  moduleTexts: readonly string[],
  kind: ArticleKind,
  at: FieldPath,
  errors: ErrorItem[],
): string[] {
  if (kind === 'optional') {
    if (refs.length > 0)
      errors.push({ code: 'minitest_on_optional', message: 'an optional article has no minitest', path: at });
    return [];
  }
  const texts = refs.map((ref, index) => {
    if (typeof ref === 'string') return ref.trim();
    const text = Number.isInteger(ref) && ref >= 1 ? moduleTexts[ref - 1] : undefined;
    if (text === undefined)
      errors.push({
        code: 'question_index_out_of_range',
        message: `no question at index ${ref} of the module (1-based)`,
        path: [...at, index],
      });
    return text ?? '';
  });
  if (kind === 'required' && (texts.length !== MINITEST_QUESTION_COUNT || new Set(texts).size !== texts.length)) {
    errors.push({
      code: 'minitest_size',
      message: `a required article needs exactly ${MINITEST_QUESTION_COUNT} distinct minitest questions`,
      path: at,
    });
  }
  return texts;
}

/**
 * The rules that depend on what the catalog already holds: the stage exists on the track, a
 * content_ref already taken belongs to the same module with the same kind, and every minitest
 * question is in the bundle or active in the module's bank. Throws 422 import_invalid.
 */
export function checkPlanAgainstCatalog(plan: ImportPlan, facts: CatalogFacts): void {
  const errors: ErrorItem[] = [];
  const stages = new Set(facts.stages.map((stage) => `${stage.rank}-${stage.level}`));
  const bundleQuestions = new Set(plan.questions.map((question) => questionKey(question.module, question.text)));

  for (const article of plan.articles) {
    if (!stages.has(`${article.rank}-${article.level}`)) {
      errors.push({
        code: 'stage_not_on_track',
        message: `track "${plan.track}" has no stage ${article.rank}-${article.level}`,
        path: [...article.at, 'stage'],
      });
    }
    const existing = facts.articles.get(article.contentRef);
    if (existing !== undefined && existing.module !== article.module) {
      errors.push({
        code: 'content_ref_taken',
        message: `content_ref "${article.contentRef}" belongs to an article of another module`,
        path: [...article.at, 'contentRef'],
      });
    } else if (existing !== undefined && existing.kind !== article.kind) {
      errors.push({
        code: 'article_kind_differs',
        message: `the existing article "${article.contentRef}" is ${existing.kind}`,
        path: [...article.at, 'kind'],
      });
    }
    article.minitest.forEach((text, index) => {
      const key = questionKey(article.module, text);
      const stored = facts.questions.get(key);
      if (stored !== undefined ? !stored.isActive : !bundleQuestions.has(key)) {
        errors.push({
          code: stored === undefined ? 'question_not_found' : 'question_inactive',
          message:
            stored === undefined
              ? `module "${article.module}" has no question "${text}" in the bundle or the bank`
              : `question "${text}" of module "${article.module}" is not active`,
          path: [...article.at, 'minitest', index],
        });
      }
    });
  }
  throwIfAny(errors, 'The import bundle does not fit the catalog');
}

function throwIfAny(errors: ErrorItem[], message: string): void {
  if (errors.length === 0) return;
  const listed = errors.slice(0, MAX_REPORTED_ERRORS);
  if (errors.length > MAX_REPORTED_ERRORS) {
    listed.push({
      code: 'too_many_errors',
      message: `${errors.length - MAX_REPORTED_ERRORS} more error(s) not listed`,
      path: [],
    });
  }
  throw new DomainError('import_invalid', `${message}: ${errors.length} problem(s)`, { errors: listed });
}
