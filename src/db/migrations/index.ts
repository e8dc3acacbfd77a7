import type { Migration } from 'kysely'
import * as contentModel from './20261129T1400-content-model.js'
import * as newsroom from './20261129T1500-newsroom.js'
import * as mediaVariants from './20261129T1700-media-variants.js'
import * as searchIndex from './20261129T1700-search-index.js'
import * as userInterfaceLanguage from './20261129T2120-user-interface-language.js'
import * as importRecords from './20261129T2150-import-records.js'
import * as listingIndexes from './20261130T0030-listing-indexes.js'
import * as wireIngest from './20261130T0030-wire-ingest.js'
import * as eventOutbox from './20261207T1500-event-outbox.js'
import * as articleReferences from './20261207T1510-article-references.js'
import * as localizedCredits from './20261214T1000-localized-credits.js'
import * as liveCoverage from './20261215T1000-live-coverage.js'
import * as archiveListingIndexes from './20261215T2000-archive-listing-indexes.js'

/** Every migration, by name; names sort in the order they run. Append, never edit. */
export const MIGRATIONS: Record<string, Migration> = {
  '20261129T1400-content-model': contentModel,
  '20261129T1500-newsroom': newsroom,
  '20261129T1700-media-variants': mediaVariants,
  '20261129T1700-search-index': searchIndex,
  '20261129T2120-user-interface-language': userInterfaceLanguage,
  '20261129T2150-import-records': importRecords,
  '20261130T0030-listing-indexes': listingIndexes,
  '20261130T0030-wire-ingest': wireIngest,
  '20261207T1500-event-outbox': eventOutbox,
  '20261207T1510-article-references': articleReferences,
  '20261214T1000-localized-credits': localizedCredits,
  '20261215T1000-live-coverage': liveCoverage,
  '20261215T2000-archive-listing-indexes': archiveListingIndexes,
}
