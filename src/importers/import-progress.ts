/**
 * Where an import is: reading the file through (checking it), downloading the old site's files
 * (`--fetch-media`), then importing its posts.
 */
export type ImportProgress =
  | {
      phase: 'checking' | 'importing'
      bytesRead: number
      totalBytes: number
      /** Posts and pages handled so far in the importing phase. */
      items: number
    }
  | { phase: 'fetching'; files: number; totalFiles: number }
