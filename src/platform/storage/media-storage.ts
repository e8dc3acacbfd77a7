/** Where uploaded and generated media files live; the local file system by default. */
export interface MediaStorage {
  /** Stores the bytes under a content-addressed key (`ab/cd/<sha256>.<extension>`) and returns it. */
  put(bytes: Buffer, extension: string): Promise<string>
  /** The bytes stored under a key, or undefined when there are none. */
  get(key: string): Promise<Buffer | undefined>
  has(key: string): Promise<boolean>
}
