/** Where uploaded and generated media files live; the local file system by default. */
export interface MediaStorage {
  /** Stores the bytes under a content-addressed key (`ab/cd/<sha256>.<extension>`) and returns it. */
  put(bytes: Buffer, extension: string): Promise<string>
  /**
   * Moves a finished file (a temporary file on the same disk) into storage under its content key,
   * without reading it into memory; the file is gone afterwards.
   */
  putFile(path: string, extension: string): Promise<string>
  /** The bytes stored under a key, or undefined when there are none. */
  get(key: string): Promise<Buffer | undefined>
  has(key: string): Promise<boolean>
  /** Removes the file under a key; a missing file or a malformed key is not an error. */
  delete(key: string): Promise<void>
}
