import { DomainError } from '../../../domain/shared/domain-error.js';
import { isUniqueViolation } from '../postgres.errors.js';

/**
 * The natural keys of the catalog are unique indexes; a duplicate (also under a race) lands here
 * and becomes 409 name_taken with the key that was taken.
 */
const KEYS: Readonly<Record<string, string>> = {
  uq_tracks_name: 'A track with this name already exists',
  uq_modules_track_name: 'The track already has a module with this name',
  uq_questions_module_text: 'The module already has a question with this text',
  uq_articles_content_ref: 'An article with this content_ref already exists',
};

export async function guardNames<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const constraint = (error as { constraint?: string }).constraint ?? '';
    if (isUniqueViolation(error) && KEYS[constraint] !== undefined)
      throw new DomainError('name_taken', KEYS[constraint]);
    throw error;
  }
}
