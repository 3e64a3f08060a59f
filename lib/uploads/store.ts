// The interface both upload stores offer; storage.ts picks one from the configuration.

export interface OpenedUpload {
  body: ReadableStream<Uint8Array>;
  size: number;
}

export interface UploadStore {
  /** Writes the bytes under the key unless an object is already there (keys are content hashes). */
  putIfAbsent(storageKey: string, bytes: Uint8Array, mimeType: string): Promise<"stored" | "existed">;
  /** A stream of the stored bytes, or null when there is no such object. */
  open(storageKey: string): Promise<OpenedUpload | null>;
  /** Deletes the object (retention and erasure); a missing one is not an error. */
  remove(storageKey: string): Promise<void>;
}

/** Collects a stream into one array (for callers that need the whole file, such as mail). */
export async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
