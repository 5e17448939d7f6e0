/**
 * A File streamed into one of src/history's readers, in the page's history worker: the bytes of
 * `file.stream()` go chunk by chunk through the same strict UTF-8 decoder and CSV tokenizer as
 * `ccsim`'s (CsvByteStream), so a 1 M-row file never sits in memory as text and every problem
 * reads as the CLI's (`file:line:column (column): problem`). No DOM: it runs in a Web Worker.
 */
import { CsvByteStream, type CsvSink } from '../../../src/history/csvStream.js';

/** Called with the bytes read so far, after each chunk. */
export type BytesRead = (bytes: number) => void;

/** Streams `file` into `sink`. @throws HistoryReadError from the sink or the decoder */
export async function streamFile(file: Blob, sink: CsvSink, onBytes: BytesRead): Promise<void> {
  const stream = new CsvByteStream(sink);
  const reader = file.stream().getReader();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      stream.push(value);
      bytes += value.length;
      onBytes(bytes);
    }
    stream.end();
  } finally {
    // A reader's problem stops the reading: release the file instead of reading the rest.
    await reader.cancel().catch(() => undefined);
  }
}
