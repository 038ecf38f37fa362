import type { CatalogUseCases } from '../adapters/http/catalog/catalog.router.js';
import { getTrack, listTracks } from '../application/catalog/browse-catalog.use-case.js';
import type { WiringContext } from './wiring-context.js';

export function catalogUseCases(w: WiringContext): CatalogUseCases {
  const deps = { transactor: w.transactor, catalog: w.repos.trackCatalog };
  return { listTracks: listTracks(deps), getTrack: getTrack(deps) };
}
