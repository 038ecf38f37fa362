/**
 * One module's seed content (`sql/seed/content/<module>.json`). The SQL of sql/seed/content.sql
 * trusts this shape, so every document is checked here first and a broken one stops the seed with
 * a message that names the file and the item, instead of silently seeding less.
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

export const SEED_STAGES: readonly string[] = [
  'trainee-0',
  'junior-1',
  'junior-2',
  'junior-3',
  'middle-1',
  'middle-2',
  'middle-3',
  'senior-1',
  'senior-2',
  'senior-3',
];

const MINITEST_SIZE = 3;

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: Json): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function isPositiveInt(value: Json): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

/** Checks a parsed JSON document; throws one error listing every problem found. */
export function parseContentDocument(json: Json, source: string): ContentDocument {
  const problems: string[] = [];
  const fail = (where: string, what: string) => problems.push(`${where}: ${what}`);

  if (!isRecord(json)) throw new Error(`${source}: the document must be a JSON object`);
  if (!isText(json.module)) fail('module', 'must be a non-blank string');
  const questions = Array.isArray(json.questions) ? json.questions : [];
  if (!Array.isArray(json.questions)) fail('questions', 'must be an array');
  const articles = Array.isArray(json.articles) ? json.articles : [];
  if (!Array.isArray(json.articles)) fail('articles', 'must be an array');

  const questionTexts = new Set<string>();
  questions.forEach((question: Json, index: number) => {
    const where = `questions[${index}]`;
    if (!isRecord(question)) return void fail(where, 'must be an object');
    if (!isText(question.text)) fail(`${where}.text`, 'must be a non-blank string');
    else if (questionTexts.has(question.text)) fail(`${where}.text`, 'duplicates an earlier question of the module');
    else questionTexts.add(question.text);
    const options = question.options;
    if (!Array.isArray(options) || options.length < 2 || options.length > 4 || !options.every(isText)) {
      fail(`${where}.options`, 'must be 2-4 non-blank strings');
    } else {
      if (new Set(options).size !== options.length) fail(`${where}.options`, 'must be distinct');
      if (!isPositiveInt(question.correct_pos) || question.correct_pos > options.length) {
        fail(`${where}.correct_pos`, `must be an integer in 1..${options.length}`);
      }
    }
  });

  articles.forEach((article: Json, index: number) => {
    const where = `articles[${index}]`;
    if (!isRecord(article)) return void fail(where, 'must be an object');
    if (typeof article.stage !== 'string' || !SEED_STAGES.includes(article.stage)) {
      fail(`${where}.stage`, `must be one of ${SEED_STAGES.join(', ')}`);
    }
    if (article.kind !== 'required' && article.kind !== 'optional')
      fail(`${where}.kind`, 'must be "required" or "optional"');
    if (!isPositiveInt(article.position)) fail(`${where}.position`, 'must be an integer >= 1');
    if (!isText(article.title)) fail(`${where}.title`, 'must be a non-blank string');
    if (!isText(article.content_ref)) fail(`${where}.content_ref`, 'must be a non-blank string');
    if (typeof article.body !== 'string') fail(`${where}.body`, 'must be a string (markdown)');
    const minitest = article.minitest;
    if (!Array.isArray(minitest) || !minitest.every(isPositiveInt)) {
      fail(`${where}.minitest`, 'must be an array of 1-based question indexes');
    } else if (article.kind === 'required') {
      if (minitest.length !== MINITEST_SIZE || new Set(minitest).size !== MINITEST_SIZE) {
        fail(`${where}.minitest`, `a required article needs exactly ${MINITEST_SIZE} distinct questions`);
      }
      const outOfRange = minitest.filter((questionIndex) => questionIndex > questions.length);
      if (outOfRange.length > 0) fail(`${where}.minitest`, `no question at index ${outOfRange.join(', ')}`);
    } else if (minitest.length > 0) {
      fail(`${where}.minitest`, 'an optional article has no minitest');
    }
  });

  const refs = articles.filter(isRecord).map((article) => article.content_ref);
  const duplicateRefs = refs.filter((ref, index) => refs.indexOf(ref) !== index);
  if (duplicateRefs.length > 0) fail('articles', `duplicate content_ref ${[...new Set(duplicateRefs)].join(', ')}`);

  if (problems.length > 0) throw new Error(`${source} is not a valid content document:\n  ${problems.join('\n  ')}`);
  return json as unknown as ContentDocument;
}
