// Reads back the text lines of a PDF that pdf-lib wrote (hex strings shown with Tj), per page, so
// tests can assert what a reader of the letter would see. Not a general PDF text extractor.
import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream, type PDFObject } from "pdf-lib";

function streamsOf(doc: PDFDocument, contents: PDFObject | undefined): PDFRawStream[] {
  const resolved = contents ? doc.context.lookup(contents) : undefined;
  if (resolved instanceof PDFRawStream) return [resolved];
  if (resolved instanceof PDFArray) return resolved.asArray().flatMap((item) => streamsOf(doc, item));
  return [];
}

export async function pdfPages(bytes: Uint8Array): Promise<string[][]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) =>
    streamsOf(doc, page.node.Contents()).flatMap((stream) => {
      const ops = new TextDecoder("latin1").decode(decodePDFRawStream(stream).decode());
      return [...ops.matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map((m) => Buffer.from(m[1]!, "hex").toString("latin1"));
    }),
  );
}
